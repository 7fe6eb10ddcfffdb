import { fetchCiFindings } from './ciFindings';
import { GitHubAuthError, GitHubBackoffError, GitHubClient, GitHubNetworkError, type FetchFn } from './githubClient';
import { originUrl, parseGitHubRemote, recentRemoteCommits, webHostForApiUrl } from './remoteUrl';
import { DEFAULT_RECENT_COMMITS, DEFAULT_RECENT_DEPLOYMENTS, MIN_POLL_MINUTES, type CiFinding } from './types';

/** A finding, with the local repository it belongs to (so an incident can be opened there). */
export interface RepoCiFinding extends CiFinding {
  repoRoot: string;
}

export interface CiSettings {
  enabled: boolean;
  apiUrl: string;
  pollMinutes: number;
}

/** What the monitor needs from its surroundings; the extension passes VS Code's, tests their own. */
export interface CiMonitorHost {
  settings(): CiSettings;
  /** Local repository roots to check. */
  repositories(): string[];
  /**
   * A token for the configured host. `interactive` is true only when the person just turned the
   * feature on: then a sign-in may be shown; otherwise the answer must come silently.
   */
  getToken(interactive: boolean): Promise<string | undefined>;
  log: { info(message: string): void };
  gitBinary?: () => string | undefined;
  fetch?: FetchFn;
  now?: () => number;
  /** Defaults keep the request count per poll small: 2 per commit, 1 + 1 per deployment. */
  recentCommits?: number;
  recentDeployments?: number;
  baseBackoffMs?: number;
}

/**
 * Polls the git host for failed checks and deployments of every tracked repository whose
 * `origin` is on the configured host. Never polls faster than the setting allows, waits out
 * rate limits and server errors, and stays quiet offline: one info line per outage, no errors
 * thrown at the caller, the last known findings kept.
 */
export class CiMonitor {
  private readonly listeners = new Set<() => void>();
  private current: RepoCiFinding[] = [];
  private client: GitHubClient | undefined;
  private clientUrl = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private lastPoll = 0;
  private stopped = true;
  /** Problems already logged, so a lasting condition (offline, signed out) is logged once. */
  private readonly logged = new Set<string>();
  private readonly knownIds = new Set<string>();

  constructor(private readonly host: CiMonitorHost) {}

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The findings of the last successful poll of each repository, newest first. */
  findings(): RepoCiFinding[] {
    return [...this.current];
  }

  private pollMs(): number {
    const minutes = Number(this.host.settings().pollMinutes);
    return Math.max(MIN_POLL_MINUTES, Number.isFinite(minutes) ? minutes : MIN_POLL_MINUTES) * 60_000;
  }

  private now(): number {
    return (this.host.now ?? Date.now)();
  }

  /**
   * Starts (or re-times) polling: the next poll comes one interval after the last one that
   * reached the host, or now if none did. Background polls are silent: no sign-in is shown.
   */
  start(): void {
    this.stopped = false;
    if (this.running) return;
    this.schedule(this.lastPoll > 0 ? this.lastPoll + this.pollMs() - this.now() : 0);
  }

  /** Stops polling; findings are cleared when the feature is turned off. */
  stop(clear = false): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (clear && this.current.length > 0) {
      this.current = [];
      this.knownIds.clear();
      this.fire();
    }
  }

  /**
   * Polls now. `interactive` (the person turned the feature on) may show a sign-in; a poll that
   * comes sooner than the polling interval after the last one is skipped unless `force`.
   */
  refresh(options: { interactive?: boolean; force?: boolean } = {}): Promise<void> {
    if (this.running) return this.running;
    if (!options.force && !options.interactive && this.lastPoll > 0 && this.now() - this.lastPoll < this.pollMs()) return Promise.resolve();
    this.running = this.poll(options.interactive ?? false).finally(() => {
      this.running = undefined;
      if (!this.stopped) this.schedule(this.pollMs());
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(delayMs, (this.client?.blockedUntil ?? 0) - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh({ force: true });
    }, wait);
    // A pending poll must not keep a CLI or test process alive.
    this.timer.unref?.();
  }

  private logOnce(key: string, message: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.host.log.info(message);
  }

  private clientFor(apiUrl: string): GitHubClient {
    const url = apiUrl.replace(/\/+$/, '');
    if (!this.client || this.clientUrl !== url) {
      this.client = new GitHubClient({ apiUrl: url, fetch: this.host.fetch, now: this.host.now, baseBackoffMs: this.host.baseBackoffMs });
      this.clientUrl = url;
    }
    return this.client;
  }

  private async poll(interactive: boolean): Promise<void> {
    const settings = this.host.settings();
    if (!settings.enabled) return;
    let webHost: string;
    try {
      webHost = webHostForApiUrl(settings.apiUrl);
    } catch {
      this.logOnce(`url:${settings.apiUrl}`, `CI status: ownIt.github.apiUrl "${settings.apiUrl}" is not a URL.`);
      return;
    }
    const client = this.clientFor(settings.apiUrl);
    const gitBinary = this.host.gitBinary?.();
    const targets: { repoRoot: string; owner: string; repo: string }[] = [];
    for (const repoRoot of this.host.repositories()) {
      const remote = parseGitHubRemote((await originUrl(repoRoot, gitBinary)) ?? '');
      if (remote && remote.host === webHost) targets.push({ repoRoot, owner: remote.owner, repo: remote.repo });
    }
    if (targets.length === 0) return;

    let token: string | undefined;
    try {
      token = await this.host.getToken(interactive);
    } catch (e) {
      this.host.log.info(`CI status: no ${webHost} sign-in (${e instanceof Error ? e.message : String(e)}).`);
      return;
    }
    if (!token) {
      this.logOnce('signed-out', `CI status: not signed in to ${webHost}; sign in (Accounts menu) or turn ownIt.ci.enabled off and on to check CI and deployments.`);
      return;
    }
    this.logged.delete('signed-out');
    client.setToken(token);
    // The interval counts from polls that reach the host, not from polls that had nothing to ask.
    this.lastPoll = this.now();

    const next = new Map<string, RepoCiFinding[]>();
    for (const t of targets) {
      try {
        const { findings } = await fetchCiFindings(client, t.owner, t.repo, {
          commits: (branch) => recentRemoteCommits(t.repoRoot, branch, this.host.recentCommits ?? DEFAULT_RECENT_COMMITS, gitBinary),
          deployments: this.host.recentDeployments ?? DEFAULT_RECENT_DEPLOYMENTS,
        });
        next.set(t.repoRoot, findings.map((f) => ({ ...f, repoRoot: t.repoRoot })));
        for (const condition of ['offline', 'backoff', 'auth']) this.logged.delete(condition);
      } catch (e) {
        if (!this.handlePollError(e, webHost, t)) continue;
        break;
      }
    }
    // Turned off while the requests ran: what they found is no longer wanted.
    if (this.host.settings().enabled) this.update(next);
  }

  /** Logs what went wrong (once per lasting condition); true when the rest of this poll should stop. */
  private handlePollError(e: unknown, webHost: string, t: { owner: string; repo: string }): boolean {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof GitHubNetworkError) {
      this.logOnce('offline', `CI status: ${message}; working offline, will retry.`);
      return true;
    }
    if (e instanceof GitHubBackoffError) {
      this.logOnce('backoff', `CI status: ${message}.`);
      return true;
    }
    if (e instanceof GitHubAuthError) {
      // Drop the token: the next poll asks the sign-in provider again (silently).
      this.client?.setToken(undefined);
      this.logOnce('auth', `CI status: ${webHost} rejected the sign-in; sign in again to check CI.`);
      return true;
    }
    this.logOnce(`repo:${t.owner}/${t.repo}:${message}`, `CI status: ${t.owner}/${t.repo}: ${message}`);
    return false;
  }

  /** Replaces the findings of the repositories polled; others keep their last known findings. */
  private update(next: Map<string, RepoCiFinding[]>): void {
    if (next.size === 0) return;
    const merged = [...this.current.filter((f) => !next.has(f.repoRoot)), ...[...next.values()].flat()];
    merged.sort((a, b) => b.date.localeCompare(a.date));
    for (const f of merged) {
      if (this.knownIds.has(f.id)) continue;
      this.knownIds.add(f.id);
      this.host.log.info(`CI status: ${describeFinding(f)}${f.url ? ` ${f.url}` : ''}`);
    }
    const changed = JSON.stringify(merged) !== JSON.stringify(this.current);
    this.current = merged;
    if (changed) this.fire();
  }

  private fire(): void {
    for (const l of [...this.listeners]) l();
  }
}

/** One line for people: `check "build" failed (failure) on 1a2b3c4 in acme/shop`. */
export function describeFinding(f: CiFinding): string {
  const what = f.kind === 'check-run' ? `check "${f.name}"` : f.kind === 'commit-status' ? `status "${f.name}"` : `deployment to ${f.name}`;
  return `${what} failed (${f.state}) on ${f.sha.slice(0, 7)} in ${f.repository}`;
}
