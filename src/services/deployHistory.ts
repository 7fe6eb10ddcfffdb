import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { FailedDeployReport } from '../core/deploys';
import { DEFAULT_HOTFIX_PATTERN, DEFAULT_HOTFIX_WINDOW_HOURS, DEFAULT_TAG_PATTERN, type DeployFinding } from '../core/deploys/types';
import { openRepository } from '../core/git/createGit';
import type { Incident } from '../core/incidents/model';
import type { RepositoryTracker } from '../git/repositoryTracker';
import { deploysModule } from './lazyBundles';

/** The `ownIt.deploy.*` settings as they apply to one repository (resource-scoped, so per folder). */
export interface DeploySettings {
  tagPattern: string;
  hotfixPattern: string;
  hotfixWindowHours: number;
}

export function deploySettings(repoRoot: string): DeploySettings {
  const config = vscode.workspace.getConfiguration('ownIt.deploy', vscode.Uri.file(repoRoot));
  return {
    tagPattern: config.get<string>('tagPattern', DEFAULT_TAG_PATTERN) || DEFAULT_TAG_PATTERN,
    hotfixPattern: config.get<string>('hotfixPattern', DEFAULT_HOTFIX_PATTERN) || DEFAULT_HOTFIX_PATTERN,
    hotfixWindowHours: config.get<number>('hotfixWindowHours', DEFAULT_HOTFIX_WINDOW_HOURS),
  };
}

/**
 * True when an incident already covers a finding, so opening it twice never makes two incidents:
 * the incident names the failed deploy's tag, or has exactly the finding's culprits, or (a reflog
 * finding without culprits) names its ref and quotes its evidence.
 */
export function incidentCoversFinding(incident: Incident, finding: DeployFinding): boolean {
  const failed = finding.failed?.tag;
  if (failed && incident.deployRefs.some((r) => r === failed || r === `refs/tags/${failed}`)) return true;
  if (finding.culprits.length > 0) {
    const culprits = new Set(incident.culprits);
    return culprits.size === new Set(finding.culprits).size && finding.culprits.every((c) => culprits.has(c));
  }
  const ref = finding.evidence.ref;
  return !failed && ref !== undefined && incident.deployRefs.includes(ref) && incident.sections.whatHappened.includes(finding.evidence.sentence);
}

const DEBOUNCE_MS = 400;

interface Entry {
  fingerprint: string;
  report: Promise<FailedDeployReport>;
}

/**
 * Failed-deploy findings per repository. Nothing is computed until a view asks; an answer is
 * reused while the repository's refs (one `git for-each-ref`) and the deploy settings are the
 * same, because the analysis walks tags, reflogs and history. Git-dir changes arrive in bursts
 * (fetch, rebase), so they are debounced into one change event.
 */
export class DeployHistory implements vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChange = this._onDidChange.event;
  private readonly cache = new Map<string, Entry>();
  private readonly disposables: vscode.Disposable[] = [this._onDidChange];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly tracker: RepositoryTracker) {
    this.disposables.push(
      tracker.onDidChangeRepository(() => this.changed()),
      tracker.onDidChangeRepositories(() => this.changed()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('ownIt.deploy')) this.invalidate();
      }),
    );
  }

  /** Forgets every answer (settings changed, or the person asked to refresh). */
  invalidate(): void {
    this.cache.clear();
    this.changed();
  }

  private changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this._onDidChange.fire(), DEBOUNCE_MS);
  }

  async findings(repoRoot: string): Promise<DeployFinding[]> {
    return (await this.report(repoRoot)).findings;
  }

  /** Deploys and findings for a repository, recomputed only when its refs or settings changed. */
  async report(repoRoot: string): Promise<FailedDeployReport> {
    const settings = deploySettings(repoRoot);
    const gitBinary = this.tracker.gitBinary;
    const fingerprint = await refsFingerprint(repoRoot, settings, gitBinary);
    const cached = this.cache.get(repoRoot);
    if (cached && cached.fingerprint === fingerprint) return cached.report;
    const report = deploysModule().analyzeDeploys(repoRoot, { ...settings, gitBinary });
    this.cache.set(repoRoot, { fingerprint, report });
    report.catch(() => {
      if (this.cache.get(repoRoot)?.report === report) this.cache.delete(repoRoot);
    });
    return report;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Every ref and where it points, plus the settings: what the analysis reads besides history itself. */
async function refsFingerprint(repoRoot: string, settings: DeploySettings, gitBinary: string | undefined): Promise<string> {
  const git = await openRepository(repoRoot, gitBinary);
  const refs = await git.raw(['for-each-ref', '--format=%(objectname) %(refname)']);
  return createHash('sha1').update(JSON.stringify(settings)).update(refs).digest('hex');
}
