import * as vscode from 'vscode';
import { buildWebviewHtml } from './html';
import { createNonce } from './nonce';
import { ReadyQueue } from './readyQueue';

/** The two folders a webview may load from: our bundles and our static media. */
export function webviewResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webviews'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: webviewResourceRoots(extensionUri) };
}

/** Messages the UI sends must carry a `type`; `ready` is the handshake every panel shares. */
export interface UiMessageBase {
  readonly type: string;
}

/**
 * Base for a webview panel host: sets up HTML with CSP and nonce, queues posts until the UI
 * says `ready`, and owns disposables. A later Insights view reuses it with its own protocol.
 */
export abstract class WebviewHost<TOut, TIn extends UiMessageBase> implements vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  private readonly queue: ReadyQueue<TOut>;
  private disposed = false;
  private readonly _onDidDispose = new vscode.EventEmitter<void>();
  readonly onDidDispose = this._onDidDispose.event;

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly extensionUri: vscode.Uri,
    private readonly bundle: string,
  ) {
    this.queue = new ReadyQueue<TOut>((m) => this.panel.webview.postMessage(m));
    panel.webview.options = { enableScripts: true, localResourceRoots: webviewResourceRoots(extensionUri) };
    this.disposables.push(
      this._onDidDispose,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: TIn) => void this.receive(m)),
    );
  }

  /** (Re)loads the page; the UI answers with `ready` once its listener is attached. */
  protected render(title: string): void {
    this.queue.reset();
    const webview = this.panel.webview;
    const asUri = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...p)).toString();
    webview.html = buildWebviewHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      title,
      scriptUris: [asUri('dist', 'webviews', `${this.bundle}.js`)],
      styleUris: [asUri('dist', 'webviews', 'codicons', 'codicon.css'), asUri('media', 'webviews', 'base.css'), asUri('media', 'webviews', `${this.bundle}.css`)],
    });
  }

  protected post(message: TOut): void {
    if (!this.disposed) this.queue.post(message);
  }

  get isReady(): boolean {
    return this.queue.isReady;
  }

  /** Handles one UI message; `ready` flushes the queue before the subclass sees it. */
  protected async receive(message: TIn): Promise<void> {
    if (message.type === 'ready') this.queue.markReady();
    await this.onMessage(message);
  }

  protected abstract onMessage(message: TIn): Promise<void> | void;

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this._onDidDispose.fire();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
