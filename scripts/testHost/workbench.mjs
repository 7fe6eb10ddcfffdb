// Drives the code-server workbench with Debian chromium via playwright-core: opens a folder,
// optionally runs an extension test suite in the extension host, and reports the outcome.
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './hostPaths.mjs';
import { isolatedEnv } from './runFolder.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(dirs) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('chromium not found: apt-get install -y chromium (or set OWN_IT_CHROMIUM)');
  return chromium.launchPersistentContext(dirs.browserProfile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: isolatedEnv(dirs),
    viewport: { width: 1400, height: 900 },
  });
}

/**
 * The workbench URL: `folder` opens the workspace; `payload` carries the extension-development
 * options. Paths inside the payload are vscode-remote URIs whose authority must equal the
 * host:port the browser opened, or the remote extension host never sees them.
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment }) {
  const authority = `127.0.0.1:${server.port}`;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(extensionEnvironment)]);
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** printf-style args from the workbench log into one line. */
function formatLog(args) {
  if (!Array.isArray(args)) return String(args);
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  let i = 0;
  const text = first.replace(/%[sdoOjic]/g, (m) => {
    if (m === '%c') {
      i++;
      return '';
    }
    const value = rest[i++];
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
  return [text, ...rest.slice(i).map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))].join(' ');
}

/**
 * Runs the extension test entry in the workbench's extension host and waits for
 * `codeAutomationExit`. Resolves `{ exitCode, timedOut, lines }`; never rejects on test failures.
 */
export async function runSuiteInWorkbench({ context, server, folder, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment, timeoutMs, onLine }) {
  const page = await context.newPage();
  const lines = [];
  let settle;
  const done = new Promise((resolve) => (settle = resolve));
  // Both functions must exist before navigation: the workbench looks them up while it starts.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = formatLog(args);
    lines.push(line);
    onLine?.(type, line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => settle({ exitCode: Number(code), timedOut: false }));
  page.on('pageerror', (err) => onLine?.('pageerror', String(err)));
  const timer = setTimeout(() => settle({ exitCode: undefined, timedOut: true }), timeoutMs);
  try {
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment }));
    const outcome = await done;
    return { ...outcome, lines };
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}
