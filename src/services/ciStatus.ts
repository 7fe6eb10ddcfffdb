import * as vscode from 'vscode';
import type { CiMonitor, CiSettings, RepoCiFinding } from '../core/githost/ciMonitor';
import { DEFAULT_POLL_MINUTES } from '../core/githost/types';
import type { RepositoryTracker } from '../git/repositoryTracker';
import { gitHubApiUrl, gitHubToken, providerFor } from './githubSession';
import { githostModule } from './lazyBundles';

export type { RepoCiFinding };

export function ciSettings(): CiSettings {
  const ci = vscode.workspace.getConfiguration('ownIt.ci');
  return {
    enabled: ci.get<boolean>('enabled', false),
    apiUrl: gitHubApiUrl(),
    pollMinutes: ci.get<number>('pollMinutes', DEFAULT_POLL_MINUTES),
  };
}

/**
 * Failed CI checks and deployments from GitHub for the tracked repositories (core CiMonitor),
 * signed in only through VS Code's GitHub authentication. Nothing happens until the person
 * turns `ownIt.ci.enabled` on: that is the one moment a sign-in may be shown; every later
 * poll (and a window that starts with the setting on) asks for the session silently.
 * Findings carry `repoRoot` and `sha`, so `ownIt.openIncidentForCommit` opens an incident with
 * the failed commit as culprit.
 */
export class CiStatus implements vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChange = this._onDidChange.event;
  private monitorInstance: CiMonitor | undefined;
  private readonly disposables: vscode.Disposable[] = [this._onDidChange];
  private started = false;

  constructor(
    private readonly tracker: RepositoryTracker,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Created on first use: the GitHub part of the core is a bundle of its own (lazyBundles.ts). */
  private get monitor(): CiMonitor {
    if (!this.monitorInstance) {
      const { CiMonitor } = githostModule();
      const monitor = new CiMonitor({
        settings: ciSettings,
        repositories: () => this.tracker.repositories.map((r) => r.root),
        getToken: (interactive) => this.token(interactive),
        log: { info: (m) => this.log.info(m) },
        gitBinary: () => this.tracker.gitBinary,
      });
      this.disposables.push(monitor.onDidChange(() => this._onDidChange.fire()));
      this.monitorInstance = monitor;
    }
    return this.monitorInstance;
  }

  /** Failed checks and deployments found by the last polls, newest first. */
  findings(): RepoCiFinding[] {
    return this.monitorInstance?.findings() ?? [];
  }

  /** Called once repositories are tracked (trusted workspace); polls only if the setting is on. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => this.configurationChanged(e)),
      vscode.authentication.onDidChangeSessions((e) => {
        const { enabled, apiUrl } = ciSettings();
        if (enabled && e.provider.id === providerFor(apiUrl)) void this.monitor.refresh({ force: true });
      }),
      // A repository opened later is checked at the next poll that the interval allows.
      this.tracker.onDidChangeRepositories(() => {
        if (ciSettings().enabled) void this.monitor.refresh();
      }),
      { dispose: () => this.monitorInstance?.stop() },
    );
    if (ciSettings().enabled) void this.tracker.whenReady().then(() => this.monitor.start());
  }

  private configurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!e.affectsConfiguration('ownIt.ci') && !e.affectsConfiguration('ownIt.github')) return;
    const { enabled } = ciSettings();
    if (!enabled) {
      this.monitorInstance?.stop(true);
      return;
    }
    if (e.affectsConfiguration('ownIt.ci.enabled')) {
      // The person just turned it on: the one poll that may show the GitHub sign-in.
      void this.tracker.whenReady().then(async () => {
        await this.monitor.refresh({ interactive: true });
        this.monitor.start();
      });
    } else if (e.affectsConfiguration('ownIt.github.apiUrl')) {
      void this.monitor.refresh({ force: true });
    } else {
      this.monitor.start();
    }
  }

  private async token(interactive: boolean): Promise<string | undefined> {
    const result = await gitHubToken(ciSettings().apiUrl, interactive);
    if ('reason' in result && result.reason.startsWith('set ')) this.log.info(`CI status: ${result.reason}.`);
    return 'token' in result ? result.token : undefined;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}
