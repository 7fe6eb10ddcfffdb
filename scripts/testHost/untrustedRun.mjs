// The Restricted Mode run (`runIntegration.mjs --suite untrusted`): the same code-server host, but
// with workspace trust on, no startup prompt, and a fresh browser profile that has never trusted
// the folder, so the workspace opens untrusted. Every git the extension host starts goes through a
// logging wrapper, so the suite can tell which git commands ran.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { node24Bin, repoRoot } from './hostPaths.mjs';
import { addRevertedChange, GitRepo } from './gitRepo.mjs';

export const UNTRUSTED_SUITE_ENTRY = path.join(repoRoot, 'out', 'test', 'integration-untrusted', 'index.js');

/** Settings that make the folder open in Restricted Mode without a modal prompt nobody can click. */
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
  'security.workspace.trust.emptyWindow': false,
};

/**
 * A `git` that appends one line per run to `log` (cwd, then each argument, tab-separated) and then
 * runs the real git. It is first on the extension host's PATH and is also `git.path`, so Own It's
 * git (PATH's, or `api.git.path` once trusted) and VS Code's git extension both go through it.
 */
function writeGitWrapper(binDir, log) {
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  if (!realGit) throw new Error('git is not on PATH');
  fs.mkdirSync(binDir, { recursive: true });
  const wrapper = path.join(binDir, 'git');
  const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  fs.writeFileSync(
    wrapper,
    [
      '#!/bin/sh',
      `{ printf '%s' "$PWD"; for a in "$@"; do printf '\\t%s' "$a"; done; printf '\\n'; } >> ${quote(log)}`,
      `exec ${quote(realGit)} "$@"`,
      '',
    ].join('\n'),
  );
  fs.chmodSync(wrapper, 0o755);
  return wrapper;
}

/**
 * An incident file the repository already has, written by hand as a person would: the suite
 * checks that Restricted Mode still lists it. Its culprit is not a commit of the repository, so
 * the seeded revert stays untracked (a trusted window would list it).
 */
const EXISTING_INCIDENT = {
  file: 'docs/incidents/2026-11-18-checkout-slow-after-the-currency-change.md',
  title: 'Checkout slow after the currency change',
  culprit: 'c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ff',
};

function incidentText({ title, culprit }) {
  return [
    '---',
    'id: INC-20261118-0a11',
    `title: ${title}`,
    'status: open',
    'severity: sev2',
    'detected: 2026-11-18T10:00:00.000Z',
    'culprits:',
    `  - ${culprit}`,
    '---',
    '',
    `# ${title}`,
    '',
    '## What happened',
    '',
    'Checkout pages took seconds to load after prices were formatted per currency.',
    '',
  ].join('\n');
}

/**
 * beforeStart for runSuiteInCodeServer: a revert and a committed incident file in the workspace,
 * Restricted Mode settings, and the git wrapper. Seeding happens before the server starts, so the
 * incident is there when Own It first lists files (no race with the file watcher starting).
 * Returns the environment the server, the extension host and the tests get.
 */
export function prepareUntrustedRun(dirs) {
  const repo = new GitRepo(dirs.workspace, path.join(dirs.root, 'git-home'));
  // After the two commits seedTestWorkspace made with its own clock, so history stays in order.
  repo.clock += 2 * 37 * 60;
  addRevertedChange(repo);
  repo.commit('Write up the slow checkout', { [EXISTING_INCIDENT.file]: incidentText(EXISTING_INCIDENT) });
  const gitLog = path.join(dirs.root, 'git-invocations.log');
  fs.writeFileSync(gitLog, '');
  const wrapper = writeGitWrapper(path.join(dirs.root, 'git-wrapper'), gitLog);
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, ...RESTRICTED_SETTINGS, 'git.path': wrapper }, null, 2) + '\n');
  return {
    env: {
      // Node 24 stays next on PATH, as the server's own environment has it.
      PATH: [path.dirname(wrapper), node24Bin, process.env.PATH ?? ''].join(path.delimiter),
      OWN_IT_TEST_GIT_LOG: gitLog,
      OWN_IT_TEST_GIT_WRAPPER: wrapper,
      OWN_IT_TEST_INCIDENT: JSON.stringify(EXISTING_INCIDENT),
    },
  };
}
