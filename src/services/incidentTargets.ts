/**
 * Find-or-create: the incident file a revert, a commit or a blank request means. Used by the
 * incident panel, the commands and the views; opens no UI. No vscode import.
 */
import { getCommitDetails } from '../core/commits/commitDetails';
import { prepareIncident } from '../core/facts/prepareIncident';
import { IncidentStore } from '../core/incidents';
import type { RevertDetection } from '../core/revert/types';

export type IncidentTarget =
  | { kind: 'file'; repoRoot: string; incidentPath: string }
  /** Opens the incident that references this revert (or its culprits), creating one if none does. */
  | { kind: 'revert'; repoRoot: string; detection: RevertDetection }
  /** Opens the incident for a commit the person picked, creating one with it as culprit. */
  | { kind: 'commit'; repoRoot: string; sha: string }
  | { kind: 'blank'; repoRoot: string };

export interface ResolveOptions {
  gitPath?: string;
  /** `ownIt.deploy.tagPattern` for the repository: the deploy tags the timeline and facts use. */
  tagPattern?: string;
}

/**
 * Finds or creates the incident file a target means, without opening any UI. New incidents are
 * prepared exactly as `own-it incident new` prepares them (title, culprits, timeline, draft).
 */
export async function resolveIncidentFile(target: IncidentTarget, incidentsFolder: string, options: ResolveOptions = {}): Promise<string> {
  if (target.kind === 'file') return target.incidentPath;
  const store = new IncidentStore(target.repoRoot, incidentsFolder);
  if (target.kind === 'blank') return (await store.create({ title: 'New incident' })).path;
  const prepare = { gitPath: options.gitPath, tagPattern: options.tagPattern };
  if (target.kind === 'revert') {
    const d = target.detection;
    return onceAtATime(store, async () => {
      const existing = (await store.findByCommit(d.sha)) ?? (d.reverted[0] ? await store.findByCommit(d.reverted[0]) : undefined);
      if (existing) return existing.path;
      return (await store.create((await prepareIncident(target.repoRoot, { detection: d }, prepare)).draft)).path;
    });
  }
  const details = await getCommitDetails(target.repoRoot, target.sha, options.gitPath);
  return onceAtATime(store, async () => {
    const existing = await store.findByCommit(details.sha);
    if (existing) return existing.path;
    // A revert picked here opens the incident for what it reverted, as the CLI does.
    return (await store.create((await prepareIncident(target.repoRoot, { sha: details.sha }, prepare)).draft)).path;
  });
}

/**
 * Find-or-create runs one at a time per incidents folder: a second request while the first is still
 * preparing (a double click on Create Incident, the prompt and the view at once, or the revert row and
 * the revert commit picked by hand, whose culprit is only known once prepared) waits for it and then
 * finds the file the first one created instead of creating a second one.
 */
const pending = new Map<string, Promise<void>>();

function onceAtATime(store: IncidentStore, findOrCreate: () => Promise<string>): Promise<string> {
  const key = store.folderPath;
  const run = (pending.get(key) ?? Promise.resolve()).then(findOrCreate);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  pending.set(key, settled);
  void settled.then(() => {
    if (pending.get(key) === settled) pending.delete(key);
  });
  return run;
}
