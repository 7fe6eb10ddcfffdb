export { buildCli } from './cli';
/**
 * Hostile repositories: commit messages, authors, refs and file names an attacker (or just an
 * unlucky history) can put in front of Own It, plus the repository shapes and configs that make
 * git run programs. Everything is built with the real git CLI; raw bytes go through
 * `git commit-tree` (stdin), so invalid UTF-8 and latin1 messages are exactly as written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALICE, makeTempDir, TempRepo, type Person } from './tempRepo';

/** Set by every script payload; a webview that ran one of them has this global. */
export const PWNED_GLOBAL = '__ownItPwned';
/** Host of every remote load a payload attempts; no request may ever go there. */
export const EVIL_HOST = 'evil.invalid';

export const PAYLOADS = {
  html: `<img src="https://${EVIL_HOST}/x.png" onerror="window.${PWNED_GLOBAL}=1;alert(1)"><script>window.${PWNED_GLOBAL}=1</script><b id="own-it-injected">bold</b>`,
  svg: `<svg/onload="window.${PWNED_GLOBAL}=1"><iframe src="javascript:alert(1)"></iframe><a href="javascript:alert(1)">x</a>`,
  quotes: `"double" 'single' \`back\` </textarea></style>`,
  ansi: '\x1b[31mRED\x1b[0m\x1b]0;pwned\x07\x1b[2J\x1b[H',
  rtl: 'invoice\u202Efdp.exe \u2066isolate\u2069',
  optionLike: '--output=/tmp/own-it-pwned',
  markdown: `[click](javascript:alert(1)) ![img](https://${EVIL_HOST}/md.png) <!-- comment -->`,
} as const;

/** Strings a title or path can carry that must never become a path outside the folder. */
export const HOSTILE_NAMES: readonly string[] = [
  '../../../etc/passwd',
  '..\\..\\windows\\system32',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'CON',
  'nul',
  'COM1.md',
  'LPT¹',
  'trailing dots...',
  'trailing space ',
  '.',
  '..',
  '',
  '\u0000nul byte',
  'x'.repeat(300),
  'é'.repeat(300),
  '\u202Egnp.exe',
  PAYLOADS.html,
  PAYLOADS.ansi,
  '-rf --no-preserve-root',
];

export interface HostileCommits {
  /** Culprit whose subject is the HTML payload, and its `git revert`. */
  htmlCulprit: string;
  htmlRevert: string;
  /** Culprit with ANSI escapes + RTL override in subject and author; its revert. */
  ansiCulprit: string;
  ansiRevert: string;
  /** A latin1-encoded commit (`encoding ISO-8859-1` header) and its UTF-8 revert. */
  latin1Culprit: string;
  latin1Revert: string;
  /** A commit whose message bytes are not valid UTF-8 (no encoding header), and its revert. */
  invalidCulprit: string;
  invalidRevert: string;
  /** A revert whose subject is one 1 MB line. */
  longLineRevert: string;
  /** A revert with a 10 MB message body. */
  hugeRevert: string;
  /** A revert-looking message whose "shas" are options (`--output=…`). */
  optionRevert: string;
  /** A commit adding files with hostile names (used by scaffolds). */
  hostileFiles: string;
}

export interface HostileRepo {
  repo: TempRepo;
  commits: HostileCommits;
  /** Subjects as git stores them (UTF-8 where the bytes allow). */
  subjects: Record<keyof HostileCommits, string>;
  /** Where option-injection payloads would write if git ever ran them as options. */
  injectionTarget: string;
}

/** Hostile file names added by `commits.hostileFiles` (all JavaScript, so scaffolds consider them). */
export const HOSTILE_FILE_NAMES: readonly string[] = [
  '--foo.js',
  '-oProxyCommand=touch x.js',
  '<img src=x onerror=alert(1)>.js',
  'new\nline.js',
  '\u202Etxt.js',
  '"quoted" \'name\'.js',
  'ünï cødé.js',
];

const MB = 1024 * 1024;

/** Runs git in `repo` with the repo's isolated env and raw-byte stdin; returns trimmed stdout. */
export function gitRaw(repo: TempRepo, args: string[], input?: Buffer | string, person: Person = ALICE): string {
  return execFileSync('git', args, {
    cwd: repo.path,
    env: repo.env(person),
    input,
    maxBuffer: 64 * MB,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
    .toString('utf8')
    .trim();
}

/**
 * A commit on top of HEAD (same tree unless `tree` is given) whose message is exactly `message`
 * (bytes), moved onto the current branch. `config` adds `-c key=value` (e.g. commitEncoding).
 */
export function commitBytes(repo: TempRepo, message: Buffer | string, options: { tree?: string; person?: Person; config?: string[] } = {}): string {
  const tree = options.tree ?? gitRaw(repo, ['rev-parse', 'HEAD^{tree}']);
  const parent = gitRaw(repo, ['rev-parse', 'HEAD']);
  const config = (options.config ?? []).flatMap((c) => ['-c', c]);
  const sha = gitRaw(repo, [...config, 'commit-tree', tree, '-p', parent], message, options.person);
  // Same tree as HEAD unless told otherwise, so index and work tree stay as they are.
  gitRaw(repo, ['update-ref', 'HEAD', sha]);
  return sha;
}

function revertMessage(subject: string, sha: string): string {
  return `Revert "${subject}"\n\nThis reverts commit ${sha}.\n`;
}

/** Builds the hostile history. Takes about a second (the 10 MB message dominates). */
export function createHostileRepo(): HostileRepo {
  const repo = TempRepo.create();
  const injectionTarget = path.join(makeTempDir('inject-'), 'pwned');
  const evil: Person = { name: `${PAYLOADS.html} ${PAYLOADS.ansi}`, email: `"><script>x</script>@${EVIL_HOST}` };
  repo.commit('init', { 'package.json': '{"devDependencies":{"mocha":"10"}}\n', 'src/app.js': 'export function app() {\n  return 1;\n}\n' });

  const htmlSubject = `${PAYLOADS.html} (#12)`;
  const htmlCulprit = repo.commit(`${htmlSubject}\n\n${PAYLOADS.svg}\n${PAYLOADS.markdown}`, { 'src/app.js': 'export function app() {\n  return 2;\n}\n' }, evil);
  const htmlRevert = repo.revert(htmlCulprit, evil);

  const ansiSubject = `${PAYLOADS.ansi}${PAYLOADS.rtl} ${PAYLOADS.quotes}`;
  const ansiCulprit = repo.commit(ansiSubject, { 'src/ansi.js': 'export const ansi = 1;\n' }, evil);
  const ansiRevert = repo.revert(ansiCulprit, evil);

  // latin1: "Café crème" as ISO-8859-1 bytes with the encoding header git writes for them.
  const latin1Culprit = commitBytes(repo, Buffer.from('Caf\xe9 cr\xe8me\n', 'latin1'), { config: ['i18n.commitEncoding=ISO-8859-1'] });
  const latin1Revert = commitBytes(repo, revertMessage('Café crème', latin1Culprit));

  // Invalid UTF-8 and no encoding header: git passes the bytes through unchanged.
  const invalidCulprit = commitBytes(repo, Buffer.concat([Buffer.from('Broken '), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(' bytes\n')]));
  const invalidRevert = commitBytes(
    repo,
    Buffer.concat([Buffer.from('Revert "Broken '), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(` bytes"\n\nThis reverts commit ${invalidCulprit}.\n`)]),
  );

  const longLineRevert = commitBytes(repo, `Revert "${'x'.repeat(MB)}"\n\nThis reverts commit ${htmlCulprit}.\n`);
  const hugeBody = `${'All work and no play makes Jack a dull boy. '.repeat((10 * MB) / 44)}\n`;
  const hugeRevert = commitBytes(repo, `Revert "${ansiSubject.replace(/\n/g, ' ')}"\n\n${hugeBody}\nThis reverts commit ${ansiCulprit}.\n`);

  const optionRevert = commitBytes(
    repo,
    `Revert "${PAYLOADS.optionLike}"\n\nThis reverts commit --output=${injectionTarget}.\nThis reverts commit deadbeefdeadbeef --output=${injectionTarget}\nRefs: --upload-pack=touch${injectionTarget} -oProxyCommand=touch${injectionTarget}\n`,
  );

  const files: Record<string, string> = {};
  for (const name of HOSTILE_FILE_NAMES) files[`src/${name}`] = 'export function hostile() {\n  return 1;\n}\n';
  const hostileFiles = repo.commit(`Add hostile names ${PAYLOADS.html}`, files);

  // Refs whose names look like options: only a tool that passes ref names to git unprotected trips on them.
  gitRaw(repo, ['update-ref', `refs/heads/--upload-pack=touch_${path.basename(injectionTarget)}`, 'HEAD']);
  gitRaw(repo, ['update-ref', `refs/tags/-oProxyCommand=touch_${path.basename(injectionTarget)}`, 'HEAD']);
  gitRaw(repo, ['update-ref', 'refs/heads/<img_src=x_onerror=alert(1)>', 'HEAD']);

  const commits: HostileCommits = {
    htmlCulprit,
    htmlRevert,
    ansiCulprit,
    ansiRevert,
    latin1Culprit,
    latin1Revert,
    invalidCulprit,
    invalidRevert,
    longLineRevert,
    hugeRevert,
    optionRevert,
    hostileFiles,
  };
  const subjects = Object.fromEntries(
    Object.entries(commits).map(([k, sha]) => [k, gitRaw(repo, ['-c', 'i18n.logOutputEncoding=UTF-8', 'log', '-1', '--format=%s', sha])]),
  ) as Record<keyof HostileCommits, string>;
  return { repo, commits, subjects, injectionTarget };
}

export interface ProgramMarkers {
  /** Folder where each planted program appends one line per run. */
  dir: string;
  /** Lines written so far (`<program> <args>`), oldest first. */
  runs(): string[];
  clear(): void;
}

/**
 * Configures `repo` the way a hostile `.git/config` can: an fsmonitor program, every hook,
 * a textconv diff driver for all files, signature display with a fake gpg, and colours forced on.
 * Each program only appends a line to a marker file, so a test can assert none ran.
 */
export function plantPrograms(repo: TempRepo, options: { bare?: boolean } = {}): ProgramMarkers {
  const dir = makeTempDir('markers-');
  const log = path.join(dir, 'ran.log');
  const program = path.join(dir, 'program.sh');
  // It never reads stdin: a program that waits for input would hang the command instead of failing a test.
  fs.writeFileSync(program, `#!/bin/sh\necho "$0 $*" >> '${log}'\nexit 0\n`, { mode: 0o755 });
  const hooks = path.join(dir, 'hooks');
  fs.mkdirSync(hooks);
  for (const hook of ['pre-commit', 'post-commit', 'post-checkout', 'post-merge', 'post-rewrite', 'post-index-change', 'reference-transaction', 'pre-auto-gc', 'fsmonitor-watchman']) {
    fs.copyFileSync(program, path.join(hooks, hook));
    fs.chmodSync(path.join(hooks, hook), 0o755);
  }
  const set = (key: string, value: string): void => void gitRaw(repo, ['config', key, value]);
  set('core.hooksPath', hooks);
  set('core.fsmonitor', program);
  set('diff.evil.textconv', program);
  set('diff.external', program);
  set('log.showSignature', 'true');
  set('gpg.program', program);
  set('color.ui', 'always');
  set('core.pager', program);
  set('i18n.commitEncoding', 'ISO-8859-1');
  if (!options.bare) {
    fs.writeFileSync(path.join(repo.path, '.git', 'info', 'attributes'), '* diff=evil\n');
  }
  return {
    dir,
    runs: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter((l) => l !== '') : []),
    clear: () => fs.rmSync(log, { force: true }),
  };
}

/** A signed-looking commit (a `gpgsig` header) so `log.showSignature` would call gpg.program. */
export function commitSigned(repo: TempRepo, message: string): string {
  const tree = gitRaw(repo, ['rev-parse', 'HEAD^{tree}']);
  const parent = gitRaw(repo, ['rev-parse', 'HEAD']);
  const stamp = '1767603600 +0000';
  const body =
    `tree ${tree}\nparent ${parent}\nauthor ${ALICE.name} <${ALICE.email}> ${stamp}\ncommitter ${ALICE.name} <${ALICE.email}> ${stamp}\n` +
    `gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEEAAAA\n -----END PGP SIGNATURE-----\n\n${message}\n`;
  const sha = gitRaw(repo, ['hash-object', '-t', 'commit', '-w', '--stdin'], body);
  gitRaw(repo, ['update-ref', 'HEAD', sha]);
  return sha;
}

/**
 * Adds one commit touching `count` files with git fast-import (all files share one blob, so
 * 100k files take a few seconds), then its revert. Returns both shas; HEAD is the revert.
 */
export function commitManyFiles(repo: TempRepo, count: number, content = 'export function f() {\n  return 1;\n}\n'): { culprit: string; revert: string } {
  const parent = gitRaw(repo, ['rev-parse', 'HEAD']);
  const branch = gitRaw(repo, ['symbolic-ref', 'HEAD']);
  const name = (i: number): string => `gen/d${Math.floor(i / 1000)}/f${i}.js`;
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const who = `committer ${ALICE.name} <${ALICE.email}> 1767603600 +0000\n`;
  const culpritMsg = `Generate ${count} files\n`;
  const lines: string[] = ['blob\nmark :1\n', data(content), `commit ${branch}\nmark :2\n`, who, data(culpritMsg), `from ${parent}\n`];
  for (let i = 0; i < count; i++) lines.push(`M 100644 :1 ${name(i)}\n`);
  lines.push(`\ncommit ${branch}\nmark :3\n`, who, data(`Revert "Generate ${count} files"\n\nThis reverts commit GENERATED.\n`), 'from :2\n');
  for (let i = 0; i < count; i++) lines.push(`D ${name(i)}\n`);
  // The revert names its culprit by sha, which fast-import only knows after the first commit: write
  // the pair, read the culprit's sha, then amend the revert's message through commit-tree.
  gitRaw(repo, ['fast-import', '--quiet', '--force'], lines.join(''));
  const revertTree = gitRaw(repo, ['rev-parse', `${branch}^{tree}`]);
  const culprit = gitRaw(repo, ['rev-parse', `${branch}~1`]);
  const revert = gitRaw(repo, ['commit-tree', revertTree, '-p', culprit], `Revert "Generate ${count} files"\n\nThis reverts commit ${culprit}.\n`);
  gitRaw(repo, ['update-ref', branch, revert]);
  gitRaw(repo, ['read-tree', revert]);
  return { culprit, revert };
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The CLI bundle: `OWN_IT_CLI` (CI points it at `npm run build`'s dist/cli.js) or a private
 * esbuild of src/cli.ts, so work in progress elsewhere in the extension cannot break these tests.
 */

/** Runs the CLI in `repo` (or `cwd`) with the repo's isolated git env, plus `env` overrides. */
export function runCli(cli: string, args: string[], repo: TempRepo, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? repo.path,
    encoding: 'utf8',
    env: { ...repo.env(), ...options.env },
    maxBuffer: 64 * MB,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
