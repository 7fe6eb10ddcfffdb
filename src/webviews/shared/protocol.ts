/**
 * What every panel's protocol shares: the ready handshake and the request/reply envelope. No
 * imports, so both the host program (Node) and the UI program (browser) include it.
 */

/**
 * Sent by the UI on every page load once its listener is attached (a hidden panel's page reloads
 * when shown again). The host answers with everything the page shows; see `WebviewHost.onReady`.
 */
export interface ReadyMessage {
  type: 'ready';
}

/** The requests a panel's UI may make: method → params and result. */
export type RequestShapes = Record<string, { params: unknown; result: unknown }>;

/** A request from the UI; the host's reply echoes its id. */
export type RequestOf<R extends RequestShapes> = {
  [M in keyof R & string]: { type: 'request'; id: number; method: M; params: R[M]['params'] };
}[keyof R & string];

export type ReplyOf<R extends RequestShapes> =
  | { [M in keyof R & string]: { type: 'reply'; id: number; method: M; ok: true; result: R[M]['result'] } }[keyof R & string]
  | { type: 'reply'; id: number; method: keyof R & string; ok: false; error: string };
