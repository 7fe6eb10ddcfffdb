import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommitsAdded, RepositoryTracker } from '../git/repositoryTracker';
import type { TrackedRepository } from '../git/trackedRepository';
import { filesChangedBetween } from './incidentFacts';
import { changeReminderText } from './reminderText';
import type { TouchedFiles, TouchingIncident } from './touchedFiles';
import type { PreventionReminder } from './types';

export type ShowReminder = (reminder: Omit<PreventionReminder, 'actions'>, incident: TouchingIncident) => void;

/** Reflog actions where the person wrote the commits themselves; a pull or merge brings others' work. */
const AUTHORED = /^(commit|commit \((initial|merge)\)|cherry-pick|am|unknown)$/;
const DEBOUNCE_MS = 300;

/** The git extension's `Change.uri`, read defensively: our copy of its API types leaves changes opaque. */
function fileOf(change: unknown): string | undefined {
  if (typeof change !== 'object' || change === null || !('uri' in change)) return undefined;
  const uri = (change as { uri: unknown }).uri;
  if (typeof uri !== 'object' || uri === null) return undefined;
  const { scheme, fsPath } = uri as { scheme?: unknown; fsPath?: unknown };
  return scheme === 'file' && typeof fsPath === 'string' ? fsPath : undefined;
}

/**
 * Shows the checklist of an incident when its culprit's files are staged or committed again:
 * once per staged set, and a commit of files already reminded about stays quiet.
 */
export class ChangeReminder implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly repoSubscriptions = new Map<string, vscode.Disposable>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per repository: staged sets already reminded about, and the files they named, until the next commit. */
  private readonly remindedSets = new Map<string, Set<string>>();
  private readonly remindedFiles = new Map<string, Set<string>>();

  constructor(
    private readonly tracker: RepositoryTracker,
    private readonly touched: TouchedFiles,
    private readonly gitPath: () => string | undefined,
    private readonly show: ShowReminder,
    private readonly enabled: (repoRoot: string) => boolean,
  ) {
    this.disposables.push(
      tracker.onDidChangeRepositories(() => this.subscribe()),
      tracker.onDidAddCommits((e) => void this.onCommits(e).catch(() => undefined)),
    );
    this.subscribe();
  }

  private subscribe(): void {
    const current = new Set(this.tracker.repositories.map((r) => r.root));
    for (const [root, sub] of this.repoSubscriptions) {
      if (!current.has(root)) {
        sub.dispose();
        this.repoSubscriptions.delete(root);
      }
    }
    for (const repo of this.tracker.repositories) {
      if (this.repoSubscriptions.has(repo.root) || !repo.repository) continue;
      this.repoSubscriptions.set(repo.root, repo.repository.state.onDidChange(() => this.schedule(repo)));
    }
  }

  private schedule(repo: TrackedRepository): void {
    clearTimeout(this.timers.get(repo.root));
    this.timers.set(
      repo.root,
      setTimeout(() => void this.checkStaged(repo).catch(() => undefined), DEBOUNCE_MS),
    );
  }

  private setOf(map: Map<string, Set<string>>, root: string): Set<string> {
    let set = map.get(root);
    if (!set) map.set(root, (set = new Set()));
    return set;
  }

  /** Touched files among `files` (absolute), grouped by the incident that touched them. */
  private async hits(files: readonly string[]): Promise<Map<TouchingIncident, string[]>> {
    const byIncident = new Map<TouchingIncident, string[]>();
    for (const file of files) {
      for (const incident of await this.touched.incidentsFor(file)) {
        const list = byIncident.get(incident) ?? [];
        list.push(file);
        byIncident.set(incident, list);
      }
    }
    return byIncident;
  }

  /** Exposed for tests and commands that stage through the git extension: checks the staged set now. */
  async checkStaged(repo: TrackedRepository): Promise<void> {
    const state = repo.repository?.state;
    // A revert in progress stages the culprit's files on purpose; the reapply check covers putting them back.
    if (!state || repo.revertInProgress || !this.enabled(repo.root)) return;
    const staged = state.indexChanges.flatMap((c) => fileOf(c) ?? []);
    const hits = await this.hits(staged);
    if (hits.size === 0) return;
    const files = [...new Set([...hits.values()].flat())].sort();
    const key = files.join('\0');
    const sets = this.setOf(this.remindedSets, repo.root);
    if (sets.has(key)) return;
    sets.add(key);
    const reminded = this.setOf(this.remindedFiles, repo.root);
    for (const f of files) reminded.add(f);
    this.remind('staged', repo.root, hits);
  }

  private async onCommits({ repo, ranges }: CommitsAdded): Promise<void> {
    const reminded = this.remindedFiles.get(repo.root) ?? new Set<string>();
    // A commit starts a new round: the next staging of the same files deserves a reminder again.
    this.remindedSets.delete(repo.root);
    this.remindedFiles.delete(repo.root);
    if (!this.enabled(repo.root)) return;
    const authored = ranges.filter((r) => AUTHORED.test(r.action));
    if (authored.length === 0) return;
    const rel = new Set<string>();
    for (const r of authored) for (const f of await filesChangedBetween(repo.root, r.from, r.to, this.gitPath())) rel.add(f);
    const fresh = [...rel].map((f) => path.resolve(repo.root, f)).filter((f) => !reminded.has(f));
    const hits = await this.hits(fresh);
    if (hits.size > 0) this.remind('commit', repo.root, hits);
  }

  /** One notification per staged set or commit: the incident touching the most files leads. */
  private remind(kind: 'staged' | 'commit', repoRoot: string, hits: Map<TouchingIncident, string[]>): void {
    const ranked = [...hits.entries()].sort((a, b) => b[1].length - a[1].length || (a[0].status === 'resolved' ? 1 : 0) - (b[0].status === 'resolved' ? 1 : 0));
    const [incident, files] = ranked[0];
    const rel = files.map((f) => path.relative(repoRoot, f).split(path.sep).join('/'));
    this.show({ kind, repoRoot, incidentPath: incident.incidentPath, files: rel, message: changeReminderText(rel, incident, ranked.length - 1) }, incident);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.repoSubscriptions.values()) s.dispose();
    this.repoSubscriptions.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
