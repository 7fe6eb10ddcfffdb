import type { ReadyMessage, ReplyOf, RequestShapes } from '../protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Reply = { type: 'reply'; id: number; ok: true; result: unknown } | { type: 'reply'; id: number; ok: false; error: string };

function isReply(message: { type: string }): message is Reply {
  return message.type === 'reply';
}

/**
 * A panel UI's one channel to its host, typed by the panel's protocol: notifications in (`TIn`),
 * commands out (`TOut`), requests whose replies are matched by id (`R`), the state VS Code keeps
 * with the panel across reloads (`TState`), and the ready handshake.
 */
export class HostChannel<TIn extends { type: string }, TOut extends { type: string }, TState, R extends RequestShapes = Record<never, never>> {
  private readonly api = acquireVsCodeApi();
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();

  constructor(onNotification: (message: TIn) => void) {
    window.addEventListener('message', (event: MessageEvent<TIn | ReplyOf<R>>) => {
      const message = event.data;
      if (isReply(message)) this.settle(message);
      else onNotification(message as TIn);
    });
  }

  /** Tells the host this page listens now; it answers with everything the page shows. */
  ready(): void {
    const message: ReadyMessage = { type: 'ready' };
    this.api.postMessage(message);
  }

  send(message: TOut): void {
    this.api.postMessage(message);
  }

  request<M extends keyof R & string>(method: M, params: R[M]['params']): Promise<R[M]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.api.postMessage({ type: 'request', id, method, params });
    });
  }

  /** What VS Code kept for this panel (the serializer reads it after a window reload). */
  get state(): TState | undefined {
    return (this.api.getState() ?? undefined) as TState | undefined;
  }

  set state(value: TState) {
    this.api.setState(value);
  }

  private settle(reply: Reply): void {
    const pending = this.waiting.get(reply.id);
    if (!pending) return;
    this.waiting.delete(reply.id);
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(new Error(reply.error));
  }
}
