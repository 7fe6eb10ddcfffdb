#!/usr/bin/env node
// `npm run demo`: builds Own It, creates a demo repository under .demo/ with a realistic story
// (a feature, a bad follow-up, its revert, production deploy tags) and opens VS Code on it with
// Own It loaded: the desktop `code` CLI when installed, otherwise code-server on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './testHost/hostPaths.mjs';
import { GitRepo } from './testHost/gitRepo.mjs';

const demoRoot = path.join(repoRoot, '.demo');
const demoRepo = path.join(demoRoot, 'checkout-service');

const ALICE = { name: 'Alice Martin', email: 'alice@example.com' };
const BOB = { name: 'Bob Okafor', email: 'bob@example.com' };
const at = (iso) => Date.parse(iso) / 1000;

function createStory() {
  fs.rmSync(demoRepo, { recursive: true, force: true });
  const repo = GitRepo.init(demoRepo, path.join(demoRoot, 'git-home'), ALICE);

  repo.clock = at('2026-11-16T09:12:00Z');
  repo.commit('Initial checkout service', {
    'README.md': '# checkout-service\n\nPrices, carts and checkout for the shop.\n',
    'package.json': '{\n  "name": "checkout-service",\n  "version": "1.0.0",\n  "private": true,\n  "scripts": { "test": "node --test" }\n}\n',
    'src/cart.js': 'export function subtotal(items) {\n  return items.reduce((sum, item) => sum + item.price * item.quantity, 0);\n}\n',
    'src/shipping.js': "export async function quote(cart, address, carrier) {\n  return carrier.quote({ weight: cart.weight, to: address.postcode });\n}\n",
    'test/cart.test.js': "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { subtotal } from '../src/cart.js';\n\ntest('subtotal adds price times quantity', () => {\n  assert.equal(subtotal([{ price: 250, quantity: 2 }]), 500);\n});\n",
  }, ALICE);
  repo.commit('Add shipping quotes to checkout', {
    'src/checkout.js': "import { subtotal } from './cart.js';\nimport { quote } from './shipping.js';\n\nexport async function total(cart, address, carrier) {\n  return subtotal(cart.items) + (await quote(cart, address, carrier));\n}\n",
  }, BOB);
  repo.tag('deploy/prod/2026-11-18-1', 'Deploy to production', BOB);

  repo.clock = at('2026-11-19T10:05:00Z');
  repo.commit('Add express checkout for returning customers (#41)', {
    'src/express.js': "import { total } from './checkout.js';\n\n/** One-click checkout with the customer's saved address and carrier. */\nexport async function expressCheckout(customer, cart, carrier) {\n  return total(cart, customer.savedAddress, carrier);\n}\n",
  }, ALICE);
  repo.tag('deploy/prod/2026-11-19-1', 'Deploy to production', ALICE);

  repo.clock = at('2026-11-20T08:40:00Z');
  const bad = repo.commit('Cache shipping quotes per cart (#42)', {
    'src/shipping.js': "const cache = new Map();\n\n// Quotes are cached per cart id: carriers rate-limit us at peak times.\nexport async function quote(cart, address, carrier) {\n  if (!cache.has(cart.id)) cache.set(cart.id, await carrier.quote({ weight: cart.weight, to: address.postcode }));\n  return cache.get(cart.id);\n}\n",
  }, ALICE);
  repo.tag('deploy/prod/2026-11-20-1', 'Deploy to production', ALICE);

  // The cache ignores the address: customers who changed address at checkout paid the old quote.
  repo.clock = at('2026-11-20T11:58:00Z');
  repo.gitAs(ALICE, 'revert', '--no-edit', bad);
  repo.gitAs(ALICE, 'commit', '--amend', '-q', '-m', `Revert "Cache shipping quotes per cart (#42)"\n\nThis reverts commit ${bad}.\n\nShipping was quoted for the first address a cart saw; customers who changed\naddress at checkout were charged the wrong shipping.`);
  repo.tag('deploy/prod/2026-11-20-2', 'Rollback: wrong shipping totals', ALICE);

  repo.clock = at('2026-11-21T09:30:00Z');
  repo.commit('Show carrier name on the order summary', {
    'src/summary.js': 'export function summary(order) {\n  return `${order.items.length} items, shipped by ${order.carrier.name}`;\n}\n',
  }, BOB);
  return repo;
}

function findDesktopCode() {
  if (process.env.OWN_IT_DEMO_HOST === 'code-server') return undefined;
  const result = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  const found = result.status === 0 ? result.stdout.trim() : '';
  // code-server also installs a `code` shim on some systems; only a desktop CLI takes this path.
  return found && !found.includes('code-server') ? found : undefined;
}

async function openInCodeServer() {
  const { setupHost } = await import('./testHost/setup.mjs');
  const { startCodeServer } = await import('./testHost/codeServer.mjs');
  const { createHostFolder, freePort } = await import('./testHost/runFolder.mjs');
  const { workbenchUrl } = await import('./testHost/workbench.mjs');
  setupHost();
  // The demo keeps its own VS Code state (settings, layout) under .demo/host across runs.
  const dirs = createHostFolder(path.join(demoRoot, 'host'));
  dirs.workspace = demoRepo;
  const port = Number(process.env.OWN_IT_DEMO_PORT ?? 0) || (await freePort());
  const server = await startCodeServer({ port, dirs, smokeTestDriver: false });
  const url = workbenchUrl(server, { folder: demoRepo, extensionDevelopmentPath: repoRoot });
  console.log('\nOwn It demo is running in code-server (VS Code in your browser):\n');
  console.log(`  ${url}\n`);
  console.log(`Workspace: ${path.relative(repoRoot, demoRepo)}   Server log: ${path.relative(repoRoot, server.log)}`);
  console.log('Try: the Own It icon in the activity bar, or F1 → "Own It: Scan History for Reverts".');
  console.log('Press Ctrl+C to stop the server.\n');
  // The server's own exit hooks kill its process group on Ctrl+C; this keeps the event loop alive.
  await new Promise(() => setInterval(() => undefined, 60_000));
}

async function main() {
  const repo = createStory();
  console.log(`demo: created ${path.relative(repoRoot, demoRepo)}:`);
  console.log(repo.git('log', '--oneline', '--decorate', '--format=%h %<(16)%an %s%d').replace(/^/gm, '  '));
  const code = findDesktopCode();
  if (code) {
    console.log(`demo: opening VS Code (${code}) with Own It from ${repoRoot}`);
    spawn(code, ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, demoRepo], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  await openInCodeServer();
}

main().catch((e) => {
  console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
