import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RepositoryTracker } from '../git/repositoryTracker';
import type { RevertsDetected } from '../git/revertMonitor';
import type { IncidentIndex } from '../services/incidentIndex';
import { ChangeReminder } from './changeReminder';
import { IncidentDecorationProvider, decorationOf } from './incidentDecorations';
import { deriveIncident, insideRepo } from './incidentFacts';
import { LinkedTestWatcher } from './linkedTestWatcher';
import { ReapplyReminder, type ReapplyFound } from './reapplyReminder';
import { reapplyVerdict } from './reminderText';
import { TouchedFiles, type TouchingIncident } from './touchedFiles';
import type { PreventionApi, PreventionReminder } from './types';

const OPEN_CHECKLIST = 'Open Checklist';
const ADD_CHECKLIST = 'Add Checklist Item';
const OPEN_INCIDENT = 'Open Incident';
const OPEN_TEST = 'Open Test';
const SCAFFOLD = 'Scaffold Regression Test';

export function remindersEnabled(repoRoot: string): boolean {
  return vscode.workspace.getConfiguration('ownIt.prevention', vscode.Uri.file(repoRoot)).get<boolean>('reminders', true);
}

/**
 * Everything that keeps an incident from happening twice once the test or checklist exists:
 * derived action status, file decorations, and reminders when the same code changes again.
 */
export class Prevention implements vscode.Disposable {
  private readonly _onDidRemind = new vscode.EventEmitter<PreventionReminder>();
  private readonly disposables: vscode.Disposable[] = [this._onDidRemind];
  private _touched: TouchedFiles | undefined;
  private started = false;

  constructor(
    private readonly index: IncidentIndex,
    private readonly tracker: RepositoryTracker,
    private readonly log: vscode.LogOutputChannel,
    private readonly gitPath: () => string | undefined,
  ) {}

  private own<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  get touched(): TouchedFiles {
    return (this._touched ??= this.own(new TouchedFiles(this.index, this.gitPath)));
  }

  /** Linked tests take their status from disk wherever incidents are listed. Reads files only, so it runs untrusted too. */
  registerDerivedStatus(): void {
    this.index.setDeriver((repoRoot, incident, reads) => deriveIncident(repoRoot, incident, reads));
    // The watcher invalidates the index when a linked test changes; whoever shows tests listens to the index.
    this.own(new LinkedTestWatcher(this.index));
  }

  /**
   * Decorations and reminders run git, so they start with repository tracking (trusted workspaces
   * only). `detected` is the revert monitor's scan of new commits, shared rather than repeated.
   */
  start(detected: vscode.Event<RevertsDetected>): void {
    if (this.started) return;
    this.started = true;
    this.own(new IncidentDecorationProvider(this.touched));
    this.own(new ChangeReminder(this.tracker, this.touched, this.gitPath, (r, incident) => this.showChange(r, incident), remindersEnabled));
    this.own(new ReapplyReminder(detected, this.index, this.gitPath, (found) => this.showReapply(found), this.log));
  }

  get api(): PreventionApi {
    return {
      decorationFor: async (uri) => (uri.scheme === 'file' ? decorationOf(await this.touched.incidentsFor(uri.fsPath)) : undefined),
      onDidRemind: this._onDidRemind.event,
    };
  }

  private showChange(reminder: Omit<PreventionReminder, 'actions'>, incident: TouchingIncident): void {
    const checklist = incident.checklists[0];
    const actions = [checklist ? OPEN_CHECKLIST : ADD_CHECKLIST, OPEN_INCIDENT];
    this._onDidRemind.fire({ ...reminder, actions });
    const ref = { repoRoot: incident.repoRoot, incidentPath: incident.incidentPath };
    void vscode.window.showInformationMessage(reminder.message, ...actions).then(async (choice) => {
      if (choice === OPEN_CHECKLIST && checklist) await this.openRepoFile(incident.repoRoot, checklist.path);
      else if (choice === ADD_CHECKLIST) await vscode.commands.executeCommand('ownIt.addChecklistItem', ref);
      else if (choice === OPEN_INCIDENT) await vscode.commands.executeCommand('ownIt.openIncident', ref);
    });
  }

  private showReapply(found: ReapplyFound): void {
    const verdict = reapplyVerdict(found.tests);
    const actions = verdict === 'placeholder' ? [OPEN_TEST, OPEN_INCIDENT] : verdict === 'none' ? [SCAFFOLD, OPEN_INCIDENT] : [OPEN_INCIDENT];
    const ref = { repoRoot: found.repoRoot, incidentPath: found.incident.path };
    this._onDidRemind.fire({ kind: 'reapply', repoRoot: found.repoRoot, incidentPath: found.incident.path, files: [], message: found.message, actions });
    const show = verdict === 'placeholder' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(found.message, ...actions).then(async (choice) => {
      const pending = found.tests.find((t) => t.status === 'pending');
      if (choice === OPEN_TEST && pending) await this.openRepoFile(found.repoRoot, pending.path);
      else if (choice === SCAFFOLD) await vscode.commands.executeCommand('ownIt.scaffoldRegressionTest', ref);
      else if (choice === OPEN_INCIDENT) await vscode.commands.executeCommand('ownIt.openIncident', ref);
    });
  }

  private async openRepoFile(repoRoot: string, relative: string): Promise<void> {
    const abs = insideRepo(repoRoot, relative);
    if (abs) await vscode.window.showTextDocument(vscode.Uri.file(abs));
    else this.log.warn(`Not opening ${relative}: it is outside ${path.basename(repoRoot)}`);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}
