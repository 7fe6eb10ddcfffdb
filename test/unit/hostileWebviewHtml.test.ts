/**
 * The webview page shell under hostile input: whatever a title or a data attribute carries, the
 * page has exactly our nonce'd scripts, no inline handler, and a CSP that loads nothing remote.
 */
import * as assert from 'node:assert/strict';
import { buildWebviewHtml, contentSecurityPolicy } from '../../src/webviews/shared/html';
import { createNonce } from '../../src/webviews/shared/nonce';
import { HOSTILE_NAMES, PAYLOADS } from '../helpers/hostileRepo';

const CSP_SOURCE = 'https://*.vscode-cdn.net';

describe('webview page shell under hostile input', () => {
  it('keeps payloads in the title and data attributes inert', () => {
    for (const payload of [...Object.values(PAYLOADS), ...HOSTILE_NAMES]) {
      const nonce = createNonce();
      const html = buildWebviewHtml({
        cspSource: CSP_SOURCE,
        nonce,
        title: payload,
        scriptUris: [`${CSP_SOURCE}/dist/webviews/incident.js`],
        styleUris: [`${CSP_SOURCE}/media/webviews/base.css`],
        bodyData: { panel: payload, [`x" onload="alert(1)`]: 'dropped', 'on-load': payload },
      });
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.deepEqual(scripts, [`<script nonce="${nonce}" src="${CSP_SOURCE}/dist/webviews/incident.js">`], JSON.stringify(payload));
      // Escaped text has no "<", so every "<…>" is a real tag: none may carry an on… handler,
      // and only the shell's own elements exist (payload quotes escaped, unsafe data keys dropped).
      const tags = [...html.matchAll(/<([a-z]+)\b[^>]*>/gi)];
      assert.deepEqual(tags.filter((t) => /\son[a-z]*=/i.test(t[0].replace(/"[^"]*"/g, '""'))), [], JSON.stringify(payload));
      assert.deepEqual([...new Set(tags.map((t) => t[1].toLowerCase()))].sort(), ['body', 'head', 'html', 'link', 'main', 'meta', 'p', 'script', 'title']);
    }
  });

  it('uses a fresh nonce per load and a CSP with default-src none and no remote or inline sources', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    assert.equal(nonces.size, 100);
    const csp = contentSecurityPolicy(CSP_SOURCE, createNonce());
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(!/unsafe-inline|unsafe-eval|\*(?!\.vscode-cdn\.net)|http:|https:\/\/(?!\*\.vscode-cdn\.net)/.test(csp), csp);
    assert.ok(!/connect-src|frame-src|object-src|media-src/.test(csp), 'only the sources the page needs');
  });
});
