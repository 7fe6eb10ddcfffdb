import * as vscode from 'vscode';
import { buildWebviewHtml } from './html';
import { createNonce } from './nonce';
import type { ReadyMessage } from './protocol';
import { ReadyQueue } from './readyQueue';

/** Scripts on, and only our bundles and static media may load. */
function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webviews'), vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** A new panel in the active column; its webview options are set by the host that takes it. */
export function createPanel(viewType: string, title: string): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active);
}

/**
 * Base for a webview panel host: sets the webview options (the one place, for new and restored
 * panels), the HTML with CSP and nonce, queues posts until the UI says `ready` and then asks the
 * subclass for everything the page shows, and owns disposables.
 */
export abstract class WebviewHost<TOut, TIn extends { readonly type: string }> implements vscode.Disposable {
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
    panel.webview.options = webviewOptions(extensionUri);
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
      styleUris: [asUri('dist', 'webviews', `${this.bundle}.css`)],
    });
  }

  protected post(message: TOut): void {
    if (!this.disposed) this.queue.post(message);
  }

  get isReady(): boolean {
    return this.queue.isReady;
  }

  /** Handles one UI message; `ready` flushes the queue, then the subclass sends the page its content. */
  protected async receive(message: TIn): Promise<void> {
    if (message.type === 'ready') {
      this.queue.markReady();
      await this.onReady();
      return;
    }
    await this.onMessage(message as Exclude<TIn, ReadyMessage>);
  }

  /**
   * A page (re)loaded and listens. It shows nothing yet: whatever was posted to an earlier page
   * (a hidden panel's page is discarded) is gone, so send everything it shows.
   */
  protected abstract onReady(): Promise<void> | void;

  protected abstract onMessage(message: Exclude<TIn, ReadyMessage>): Promise<void> | void;

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
