import type { HostMessage, PersistedWebviewState, ReplyMessage, RequestMap, RequestMethod, UiCommand } from '../protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: PersistedWebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The one channel to the host: typed commands, requests with ids, and persisted state. */
export class HostChannel {
  private readonly api = acquireVsCodeApi();
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly onNotification: (message: Exclude<HostMessage, ReplyMessage>) => void) {
    window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
      const message = event.data;
      if (message.type === 'reply') this.settle(message);
      else this.onNotification(message);
    });
  }

  send(command: UiCommand): void {
    this.api.postMessage(command);
  }

  request<M extends RequestMethod>(method: M, params: RequestMap[M]['params']): Promise<RequestMap[M]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.api.postMessage({ type: 'request', id, method, params });
    });
  }

  get state(): PersistedWebviewState | undefined {
    return this.api.getState() as PersistedWebviewState | undefined;
  }

  set state(value: PersistedWebviewState) {
    this.api.setState(value);
  }

  private settle(reply: ReplyMessage): void {
    const pending = this.waiting.get(reply.id);
    if (!pending) return;
    this.waiting.delete(reply.id);
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(new Error(reply.error));
  }
}
