/**
 * Holds outgoing messages until the webview says it is ready, then flushes them in order.
 * Posting before the UI script has attached its listener silently drops messages, which is why
 * vscode-pull-request-github and GitLens both queue. Pure so that it can be unit-tested.
 */
export class ReadyQueue<T> {
  private pending: T[] = [];
  private ready = false;

  constructor(private readonly send: (message: T) => PromiseLike<boolean> | boolean) {}

  get isReady(): boolean {
    return this.ready;
  }

  post(message: T): void {
    if (this.ready) void this.send(message);
    else this.pending.push(message);
  }

  /** The UI (re)loaded and listens now. */
  markReady(): void {
    this.ready = true;
    const queued = this.pending;
    this.pending = [];
    for (const m of queued) void this.send(m);
  }

  /** The webview is reloading (e.g. the html was reset); hold messages again. */
  reset(): void {
    this.ready = false;
  }
}
