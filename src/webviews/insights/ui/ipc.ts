import type { HostMessage, PersistedInsightsState, UiMessage } from '../protocol';

interface VsCodeApi {
  postMessage(message: UiMessage): void;
  getState(): unknown;
  setState(state: PersistedInsightsState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The one channel to the host: typed commands out, notifications in, and the persisted repository. */
export class HostChannel {
  private readonly api = acquireVsCodeApi();

  constructor(onMessage: (message: HostMessage) => void) {
    window.addEventListener('message', (event: MessageEvent<HostMessage>) => onMessage(event.data));
  }

  send(message: UiMessage): void {
    this.api.postMessage(message);
  }

  /** Kept by VS Code with the panel, so the serializer reopens the same repository after a reload. */
  remember(state: PersistedInsightsState): void {
    this.api.setState(state);
  }
}
