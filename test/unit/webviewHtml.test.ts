import * as assert from 'node:assert/strict';
import { buildWebviewHtml, contentSecurityPolicy, escapeHtml } from '../../src/webviews/shared/html';
import { createNonce } from '../../src/webviews/shared/nonce';
import { ReadyQueue } from '../../src/webviews/shared/readyQueue';
import { isPersistedWebviewState } from '../../src/webviews/incident/protocol';
import { markdownToPlainText } from '../../src/webviews/incident/viewState';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function page(nonce = createNonce()): string {
  return buildWebviewHtml({
    cspSource: CSP_SOURCE,
    nonce,
    title: 'Incident <b>"x"</b>',
    scriptUris: [`${CSP_SOURCE}/ext/dist/webviews/incident.js`, `${CSP_SOURCE}/ext/dist/webviews/other.js`],
    styleUris: [`${CSP_SOURCE}/ext/media/webviews/incident.css`],
    bodyData: { panel: 'incident', 'bad key': 'x' },
  });
}

describe('webview HTML', () => {
  it('has a strict CSP starting from default-src none', () => {
    const html = page('abc123');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'no CSP meta tag');
    assert.equal(
      csp,
      `default-src &#39;none&#39;; style-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}; script-src &#39;nonce-abc123&#39;; img-src ${CSP_SOURCE} data:`,
    );
    assert.equal(contentSecurityPolicy('X', 'n'), "default-src 'none'; style-src X; font-src X; script-src 'nonce-n'; img-src X data:");
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('puts the nonce on every script and has no inline script', () => {
    const nonce = createNonce();
    const html = page(nonce);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 2);
    for (const s of scripts) {
      assert.ok(s.includes(`nonce="${nonce}"`), s);
      assert.match(s, /src="/, 'inline scripts are not allowed');
    }
    assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/);
  });

  it('has no inline event handlers, inline styles or remote URLs', () => {
    const html = page();
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /\sstyle\s*=/i);
    const urls = html.match(/(?:src|href)="([^"]+)"/g) ?? [];
    assert.ok(urls.length >= 3);
    for (const u of urls) assert.ok(u.includes(CSP_SOURCE), `resource outside the webview source: ${u}`);
    assert.doesNotMatch(html.replace(new RegExp(CSP_SOURCE.replace(/[.+]/g, '\\$&'), 'g'), ''), /https?:\/\//);
  });

  it('escapes the title and data attributes and drops unsafe attribute names', () => {
    const html = page();
    assert.ok(html.includes('<title>Incident &lt;b&gt;&quot;x&quot;&lt;/b&gt;</title>'));
    assert.ok(html.includes('data-panel="incident"'));
    assert.ok(!html.includes('bad key'));
    assert.equal(escapeHtml(`<img src=x onerror=alert(1)>'"&`), '&lt;img src=x onerror=alert(1)&gt;&#39;&quot;&amp;');
  });

  it('uses a fresh nonce for every load', () => {
    const seen = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(seen.size, 50);
    for (const n of seen) assert.ok(Buffer.from(n, 'base64').length === 16);
  });
});

describe('webview ready queue', () => {
  it('holds messages until ready, then sends them in order, then sends directly', () => {
    const sent: number[] = [];
    const q = new ReadyQueue<number>((m) => {
      sent.push(m);
      return true;
    });
    q.post(1);
    q.post(2);
    assert.deepEqual(sent, []);
    q.markReady();
    assert.deepEqual(sent, [1, 2]);
    q.post(3);
    assert.deepEqual(sent, [1, 2, 3]);
    q.reset();
    q.post(4);
    assert.deepEqual(sent, [1, 2, 3]);
    q.markReady();
    assert.deepEqual(sent, [1, 2, 3, 4]);
  });
});

describe('incident panel helpers', () => {
  it('accepts only persisted state that names a file and a repository', () => {
    assert.equal(isPersistedWebviewState({ incidentPath: '/r/docs/incidents/a.md', repoRoot: '/r' }), true);
    assert.equal(isPersistedWebviewState({ incidentPath: 3, repoRoot: '/r' }), false);
    assert.equal(isPersistedWebviewState(null), false);
    assert.equal(isPersistedWebviewState('x'), false);
  });

  it('turns Markdown into plain text for copying', () => {
    const md = '## Heads up\n\n**What happened:** I broke `checkout` — see [the PR](https://example.invalid/1).\n* one\n+ two\n_quiet_ note';
    assert.equal(markdownToPlainText(md), 'Heads up\n\nWhat happened: I broke checkout — see the PR (https://example.invalid/1).\n- one\n- two\nquiet note');
  });
});
