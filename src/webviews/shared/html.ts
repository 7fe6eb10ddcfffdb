/**
 * Builds a webview page. Pure (no vscode import) so the CSP can be unit-tested: callers pass
 * `webview.cspSource` and `asWebviewUri(...)` strings.
 */
export interface WebviewPageOptions {
  /** `webview.cspSource` */
  cspSource: string;
  /** Per-load nonce from {@link createNonce}. */
  nonce: string;
  title: string;
  scriptUris: readonly string[];
  styleUris: readonly string[];
  /** Extra attributes for <body>, e.g. data-panel. Values are escaped. */
  bodyData?: Readonly<Record<string, string>>;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

/**
 * The page shell: everything visible is rendered by the UI bundle with createElement/textContent,
 * so no repository data ever passes through this HTML.
 */
export function buildWebviewHtml(o: WebviewPageOptions): string {
  const data = Object.entries(o.bodyData ?? {})
    .filter(([k]) => /^[a-z][a-z0-9-]*$/.test(k))
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');
  const styles = o.styleUris.map((u) => `  <link rel="stylesheet" href="${escapeHtml(u)}">`).join('\n');
  const scripts = o.scriptUris.map((u) => `  <script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(u)}"></script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
  <title>${escapeHtml(o.title)}</title>
</head>
<body${data}>
  <main id="app" aria-busy="true"><p class="loading">Loading…</p></main>
${scripts}
</body>
</html>
`;
}
