import * as vscode from 'vscode';
import { revertPromptText, type PromptScope } from '../core/repo/promptText';
import { commitSummaries, userEmail } from '../core/repo/repoQueries';
import type { RevertDetection } from '../core/revert/types';
import type { WorkspaceMemory } from '../state';
import type { CommitsAdded, RepositoryTracker } from './repositoryTracker';
import type { NewCommits } from './trackedRepository';

export type DetectInRange = (repoRoot: string, range: NewCommits, gitBinary: string | undefined) => Promise<RevertDetection[]>;

/** Every revert-like commit one batch of new commits brought, scanned once for all listeners. */
export interface RevertsDetected {
  repoRoot: string;
  detections: readonly RevertDetection[];
}

export interface RevertLanded {
  repoRoot: string;
  detection: RevertDetection;
  /** The prompt shown, or undefined when none was (scope, settings, already asked). */
  prompt: string | undefined;
}

const OPEN = 'Open Incident';
const NOT_NOW = 'Not Now';
const MUTE = "Don't Ask in This Repository";

/**
 * Turns new commits into revert detections and, once per revert, offers to open an incident.
 * The prompt is a plain notification: it never blocks and can be ignored.
 */
export class RevertMonitor implements vscode.Disposable {
  private readonly _onDidLand = new vscode.EventEmitter<RevertLanded>();
  readonly onDidLand = this._onDidLand.event;
  private readonly _onDidDetect = new vscode.EventEmitter<RevertsDetected>();
  /** The one scan of new commits, shared: fires before any prompt, whenever a batch held revert-like commits. */
  readonly onDidDetect = this._onDidDetect.event;
  private readonly disposables: vscode.Disposable[] = [this._onDidLand, this._onDidDetect];

  constructor(
    tracker: RepositoryTracker,
    private readonly memory: WorkspaceMemory,
    private readonly detect: DetectInRange,
    private readonly openIncident: (repoRoot: string, detection: RevertDetection) => Thenable<unknown>,
    private readonly log: vscode.LogOutputChannel,
    private readonly gitBinary: () => string | undefined,
  ) {
    this.disposables.push(tracker.onDidAddCommits((e) => void this.onCommits(e)));
  }

  private async onCommits({ repo, ranges }: CommitsAdded): Promise<void> {
    try {
      const found: RevertDetection[] = [];
      for (const range of ranges) found.push(...(await this.detect(repo.root, range, this.gitBinary())));
      if (found.length === 0) return;
      this._onDidDetect.fire({ repoRoot: repo.root, detections: found });
      const config = vscode.workspace.getConfiguration('ownIt.prompt', vscode.Uri.file(repo.root));
      const enabled = config.get<boolean>('enabled', true) && !this.memory.isMuted(repo.root);
      const scope = config.get<PromptScope>('scope', 'mine');
      const me = await userEmail(repo.root, this.gitBinary());
      const shas = [...new Set(found.flatMap((d) => [d.sha, ...d.reverted]))];
      const commits = await commitSummaries(repo.root, shas, this.gitBinary());
      for (const detection of found) {
        let prompt: string | undefined;
        if (enabled && !this.memory.hasPrompted(repo.root, detection.sha)) {
          prompt = revertPromptText(detection, { me, scope, commits });
          if (prompt) {
            await this.memory.markPrompted(repo.root, detection.sha);
            void this.ask(repo.root, detection, prompt);
          }
        }
        this._onDidLand.fire({ repoRoot: repo.root, detection, prompt });
      }
    } catch (e) {
      this.log.error(`Could not check new commits in ${repo.root}`, e);
    }
  }

  private async ask(repoRoot: string, detection: RevertDetection, prompt: string): Promise<void> {
    const choice = await vscode.window.showInformationMessage(prompt, OPEN, NOT_NOW, MUTE);
    if (choice === OPEN) await this.openIncident(repoRoot, detection);
    else if (choice === MUTE) {
      await this.memory.mute(repoRoot);
      void vscode.window.showInformationMessage('Own It will not offer incidents for reverts in this repository. You can still open one from the Own It view.');
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
