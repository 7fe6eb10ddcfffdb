// The repository story the UI tests look at, added to the runner's seeded workspace before the
// workbench opens: a revert with a filled-in incident (what the README screenshots show), a revert
// nobody has written up yet, and a commit whose subject is hostile markup.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newIncident, serializeIncident } from '../../../src/core/incidents';

export const CART = {
  title: 'Cart totals cached across sessions',
  culpritSubject: 'Cache cart totals per session',
  revertSubject: 'Revert "Cache cart totals per session"',
  incidentFile: 'docs/incidents/2026-11-18-cart-totals-cached-across-sessions.md',
};
export const WEBHOOKS = { subject: 'Retry payment webhooks twice' };
/** Markup in a commit subject must reach the screen as text, never as elements. */
export const HOSTILE = {
  subject: 'Show receipts <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>',
};

export interface Story {
  cartCulprit: string;
  cartRevert: string;
  hostile: string;
}

function git(cwd: string, date: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_EDITOR: 'true' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Commits at fixed times after the runner's own, so screenshots show the same dates on every run. */
const at = (hhmm: string) => `2026-11-18T${hhmm}:00Z`;

function commit(cwd: string, time: string, message: string, files: Record<string, string>): string {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
    fs.writeFileSync(path.join(cwd, file), content);
  }
  const date = at(time);
  git(cwd, date, 'add', '-A');
  git(cwd, date, 'commit', '-q', '--allow-empty', '-m', message);
  return git(cwd, date, 'rev-parse', 'HEAD');
}

function revert(cwd: string, time: string, sha: string): string {
  const date = at(time);
  git(cwd, date, 'revert', '--no-edit', sha);
  return git(cwd, date, 'rev-parse', 'HEAD');
}

function cartIncident(story: Omit<Story, 'hostile'>): string {
  const short = story.cartCulprit.slice(0, 7);
  const incident = newIncident(
    {
      id: 'INC-20261118-c4a7',
      title: CART.title,
      severity: 'sev2',
      status: 'mitigated',
      detected: at('13:30'),
      culprits: [story.cartCulprit],
      revert: story.cartRevert,
      events: [{ at: at('13:30'), text: 'Support reported carts showing an old total at checkout', source: 'manual' }],
      actions: [
        { text: 'Key the totals cache by cart version, not by session', kind: 'fix', owner: 'alice', done: true },
        { text: 'Regression test: the total after the cart changes in a second tab', kind: 'test', owner: 'alice', due: '2026-11-27', done: false },
        { text: 'Alert when checkout totals disagree with the order service', kind: 'monitoring', owner: 'sam', due: '2026-12-04', done: false },
      ],
      sections: {
        impact: 'For about 35 minutes, customers who changed their cart in a second tab saw the old total at checkout. Charges were correct; 23 people contacted support.',
        whatHappened: `${short} cached cart totals per session to speed up checkout. Support noticed wrong totals at 13:30; the change was reverted at 13:41.`,
        rootCause: 'The cache key ignored cart changes made in another tab, and no test covers a cart edited in two places.',
        lessons: { wentWell: 'The revert was one command and went out within minutes.', wentWrong: 'Nothing in the test suite edits a cart twice.' },
        teamUpdate: `Heads-up: my change ${short} showed stale cart totals at checkout for about 35 minutes today. Charges were correct. I reverted it at 13:41 and will add a test for carts edited in two tabs before it goes back in.`,
      },
    },
    new Date(at('13:30')),
  );
  return serializeIncident(incident);
}

/** Adds the story's commits and incident file to `workspace` (a repository seeded by the runner). */
export function seedStory(workspace: string): Story {
  const cartCulprit = commit(workspace, '12:58', CART.culpritSubject, {
    'src/cart.js': 'const totals = new Map();\nexport function total(session, cart) {\n  if (!totals.has(session)) totals.set(session, cart.items.reduce((n, i) => n + i.cents, 0));\n  return totals.get(session);\n}\n',
  });
  const cartRevert = revert(workspace, '13:41', cartCulprit);
  const webhooks = commit(workspace, '14:20', WEBHOOKS.subject, { 'src/webhooks.js': 'export const RETRIES = 2;\n' });
  revert(workspace, '14:32', webhooks);
  const hostile = commit(workspace, '15:05', HOSTILE.subject, { 'src/receipt.js': 'export const RECEIPT = true;\n' });
  fs.mkdirSync(path.join(workspace, path.dirname(CART.incidentFile)), { recursive: true });
  fs.writeFileSync(path.join(workspace, CART.incidentFile), cartIncident({ cartCulprit, cartRevert }));
  commit(workspace, '15:30', 'Write up the cart totals incident', {});
  return { cartCulprit, cartRevert, hostile };
}
