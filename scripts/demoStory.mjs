// The demo repository's story, so a newcomer sees every part of Own It without typing anything:
// - a rollback: deploy/prod/2026-11-19-2 re-deployed the commit of 2026-11-18-1 after express
//   checkout (#41) shipped to stale addresses; an OPEN incident with an open action item covers it;
// - a roll-forward by revert: deploy/prod/2026-11-20-2 shipped the revert of the shipping-quote
//   cache that 2026-11-20-1 deployed, so 2026-11-20-1 is a failed deploy;
// - that revert has no incident yet: it is listed under Untracked Reverts.
import * as fs from 'node:fs';
import { GitRepo } from './testHost/gitRepo.mjs';

export const ALICE = { name: 'Alice Martin', email: 'alice@example.com' };
const BOB = { name: 'Bob Okafor', email: 'bob@example.com' };
const at = (iso) => Date.parse(iso) / 1000;
/** GitRepo advances its clock by 37 minutes before each git command; this lands one exactly at `iso`. */
const STEP = 37 * 60;
function tagAt(repo, iso, name, message, person, sha = 'HEAD') {
  repo.clock = at(iso) - STEP;
  repo.gitAs(person, 'tag', '-a', name, '-m', message, sha);
}

/** What the demo shows, for the README, the demo's own output and the UI test. */
export const DEMO = {
  untrackedRevert: 'Revert "Cache shipping quotes per cart (#42)"',
  failedDeploy: 'deploy/prod/2026-11-20-1',
  rolledBackDeploy: 'deploy/prod/2026-11-19-1',
  incidentTitle: 'Express checkout shipped to stale saved addresses',
  /** The newest commit: what the UI test reverts to see the prompt. */
  headSubject: 'Show carrier name on the order summary',
};

function incidentFile(culprit) {
  return `---
id: INC-20261119-e7c1
title: ${DEMO.incidentTitle}
status: open
severity: sev2
detected: 2026-11-19T11:05:00Z
culprits:
  - ${culprit}
deployRefs:
  - refs/tags/${DEMO.rolledBackDeploy}
actions:
  - text: Roll production back to deploy/prod/2026-11-18-1
    owner: bob
    done: true
    kind: fix
  - text: "Regression test: express checkout after the customer changes their saved address"
    owner: alice
    due: 2026-11-26
    done: false
    kind: test
events:
  - at: 2026-11-19T11:05:00Z
    text: Support reported two express orders shipped to an old address
    source: manual
  - at: 2026-11-19T11:20:00Z
    text: Production rolled back to deploy/prod/2026-11-18-1
    source: deploy
---

# ${DEMO.incidentTitle}

## What happened

Express checkout (#41) read the saved address once per session. Customers who changed their
address during the session got their order shipped to the old one.

## Impact

Two orders in 75 minutes went to an old address; both were re-shipped the same day.

## Timeline

## Root cause and contributing factors

The saved address was cached for the session, and no test changes an address mid-session.

## Action items

## Lessons

### What went well

The rollback took five minutes.

### What went wrong

Nothing in the test suite changes a saved address.

### Where we got lucky

## Team update

Heads-up: express checkout shipped two orders to old addresses yesterday morning. Production was
rolled back at 11:20; the fix is out and a regression test is on its way.
`;
}

/** Creates the story in `dir` (replacing an earlier one); `home` is git's HOME. */
export function createStory(dir, home) {
  fs.rmSync(dir, { recursive: true, force: true });
  const repo = GitRepo.init(dir, home, ALICE);

  repo.clock = at('2026-11-16T09:12:00Z');
  repo.commit('Initial checkout service', {
    'README.md': '# checkout-service\n\nPrices, carts and checkout for the shop.\n',
    'package.json': '{\n  "name": "checkout-service",\n  "version": "1.0.0",\n  "private": true,\n  "type": "module",\n  "scripts": { "test": "node --test" }\n}\n',
    'src/cart.js': 'export function subtotal(items) {\n  return items.reduce((sum, item) => sum + item.price * item.quantity, 0);\n}\n',
    'src/shipping.js': "export async function quote(cart, address, carrier) {\n  return carrier.quote({ weight: cart.weight, to: address.postcode });\n}\n",
    'test/cart.test.js': "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { subtotal } from '../src/cart.js';\n\ntest('subtotal adds price times quantity', () => {\n  assert.equal(subtotal([{ price: 250, quantity: 2 }]), 500);\n});\n",
  }, ALICE);
  const stable = repo.commit('Add shipping quotes to checkout', {
    'src/checkout.js': "import { subtotal } from './cart.js';\nimport { quote } from './shipping.js';\n\nexport async function total(cart, address, carrier) {\n  return subtotal(cart.items) + (await quote(cart, address, carrier));\n}\n",
  }, BOB);
  tagAt(repo, '2026-11-18T10:00:00Z', 'deploy/prod/2026-11-18-1', 'Deploy to production', BOB);

  repo.clock = at('2026-11-19T09:10:00Z') - STEP;
  const express = repo.commit('Add express checkout for returning customers (#41)', {
    'src/express.js': "import { total } from './checkout.js';\n\nconst addresses = new Map();\n\n/** One-click checkout with the customer's saved address and carrier. */\nexport async function expressCheckout(session, customer, cart, carrier) {\n  if (!addresses.has(session)) addresses.set(session, customer.savedAddress);\n  return total(cart, addresses.get(session), carrier);\n}\n",
  }, ALICE);
  tagAt(repo, '2026-11-19T09:50:00Z', DEMO.rolledBackDeploy, 'Deploy to production', ALICE);
  // Rolled back: the commit of the 18th goes out again.
  tagAt(repo, '2026-11-19T11:20:00Z', 'deploy/prod/2026-11-19-2', 'Rollback: express checkout used stale addresses', BOB, stable);

  repo.clock = at('2026-11-19T14:20:00Z') - STEP;
  repo.commit('Use the current saved address in express checkout (#44)', {
    'src/express.js': "import { total } from './checkout.js';\n\n/** One-click checkout with the customer's saved address and carrier. */\nexport async function expressCheckout(customer, cart, carrier) {\n  return total(cart, customer.savedAddress, carrier);\n}\n",
  }, ALICE);
  repo.commit('Write up the express checkout incident', { 'docs/incidents/2026-11-19-express-checkout-shipped-to-stale-saved-addresses.md': incidentFile(express) }, ALICE);
  tagAt(repo, '2026-11-19T17:10:00Z', 'deploy/prod/2026-11-19-3', 'Deploy to production', ALICE);

  repo.clock = at('2026-11-20T08:40:00Z') - STEP;
  const bad = repo.commit('Cache shipping quotes per cart (#42)', {
    'src/shipping.js': "const cache = new Map();\n\n// Quotes are cached per cart id: carriers rate-limit us at peak times.\nexport async function quote(cart, address, carrier) {\n  if (!cache.has(cart.id)) cache.set(cart.id, await carrier.quote({ weight: cart.weight, to: address.postcode }));\n  return cache.get(cart.id);\n}\n",
  }, ALICE);
  tagAt(repo, '2026-11-20T09:30:00Z', DEMO.failedDeploy, 'Deploy to production', ALICE);

  // The cache ignores the address: customers who changed address at checkout paid the old quote.
  // Rolled forward: the revert is the next production deploy.
  repo.clock = at('2026-11-20T11:58:00Z') - STEP;
  repo.gitAs(ALICE, 'revert', '--no-edit', bad);
  repo.clock -= STEP;
  repo.gitAs(ALICE, 'commit', '--amend', '-q', '-m', `${DEMO.untrackedRevert}\n\nThis reverts commit ${bad}.\n\nShipping was quoted for the first address a cart saw; customers who changed\naddress at checkout were charged the wrong shipping.`);
  tagAt(repo, '2026-11-20T12:10:00Z', 'deploy/prod/2026-11-20-2', 'Deploy to production: revert the shipping quote cache', ALICE);

  repo.clock = at('2026-11-21T09:30:00Z') - STEP;
  repo.commit(DEMO.headSubject, {
    'src/summary.js': 'export function summary(order) {\n  return `${order.items.length} items, shipped by ${order.carrier.name}`;\n}\n',
  }, BOB);
  return repo;
}

/** The story's log, one line per commit with its tags, for the demo's output. */
export function storyLog(repo) {
  return repo.git('log', '--decorate=short', '--format=%h %<(13)%an %s%d');
}
