#!/usr/bin/env node
/**
 * `npm run eval:facts`: opens incidents for real reverts with `own-it incident new <sha> --print --json`
 * and checks every stated fact against git itself, with queries independent of Own It's code
 * (exit codes of `merge-base --is-ancestor`, `symbolic-ref`, the revert's own "This reverts commit"
 * line, a first-parent walk for where a commit landed). Writes docs/fact-check.md.
 *
 * Usage: node scripts/factCheck.mjs [reposDir]   (default /work/repos; clones named owner+name)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPOS = process.argv[2] ?? '/work/repos';

/** Each repository's shape, and the tags that mark a release there (ownIt.deploy.tagPattern). */
const CORPUS = [
  { repo: 'axios+axios', shape: 'conventional commits, GitHub squash merges, default branch v1.x', tags: 'v*' },
  { repo: 'psf+requests', shape: 'merge commits (pull requests merged with --no-ff), release tags', tags: 'v*' },
  { repo: 'tj+commander.js', shape: 'squash merges and old merge commits, release tags, default branch master', tags: 'v*' },
  { repo: 'pallets+flask', shape: 'merge commits across maintenance branches, bare version tags', tags: '*' },
  { repo: 'jqlang+jq', shape: 'direct pushes and merges, jq-* release tags, default branch master', tags: 'jq-*' },
  { repo: 'pypa+pip', shape: 'many branches, merge commits, news fragments, bare version tags', tags: '*' },
];
const PER_REPO = 2;

const git = (repo, ...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 }).trim();
const ok = (repo, ...args) => spawnSync('git', args, { cwd: repo }).status === 0;

async function buildCli() {
  const esbuild = await import('esbuild');
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-factcheck-')), 'cli.js');
  await esbuild.build({ entryPoints: [path.join(ROOT, 'src', 'cli.ts')], bundle: true, format: 'cjs', platform: 'node', target: 'node20', outfile, logLevel: 'silent' });
  return outfile;
}

/** Reverts with a "This reverts commit <sha>" line whose target is in the clone: the truth is then in the message. */
function pickReverts(repo) {
  const out = git(repo, 'log', 'origin/HEAD', '-E', '--grep=This reverts commit [0-9a-f]{40}', '--no-merges', '--format=%H', '-n', '40');
  const picked = [];
  for (const sha of out.split('\n').filter(Boolean)) {
    // A topic revert names several commits, one line each: all of them are culprits.
    const targets = [...git(repo, 'log', '-1', '--format=%B', sha).matchAll(/This reverts commit ([0-9a-f]{40})/g)].map((m) => m[1]);
    const target = targets[0];
    if (target && targets.every((t) => ok(repo, 'cat-file', '-e', `${t}^{commit}`) && ok(repo, 'merge-base', '--is-ancestor', t, sha))) picked.push({ sha, target, targets });
    if (picked.length === PER_REPO) break;
  }
  return picked;
}

/** The oldest first-parent commit of `ref` containing `sha`, by walking the first-parent line. */
function landing(repo, sha, ref) {
  if (!ok(repo, 'merge-base', '--is-ancestor', sha, ref)) return undefined;
  const line = git(repo, 'rev-list', '--first-parent', ref).split('\n');
  let lo = 0;
  let hi = line.length - 1; // line[0] is the tip and contains sha; find the last (oldest) index that does.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(repo, 'merge-base', '--is-ancestor', sha, line[mid])) lo = mid;
    else hi = mid - 1;
  }
  return line[lo];
}

const same = (a, b) => Date.parse(a) === Date.parse(b);

function check(rows, repo, commit, fact, stated, truth, equal = (x, y) => x === y) {
  rows.push({ repo, commit: commit.slice(0, 10), fact, stated: String(stated ?? '(none)'), truth: String(truth ?? '(none)'), ok: equal(stated, truth) });
}

function factsFor(cli, clone, entry, revert, rows) {
  const r = spawnSync(process.execPath, [cli, 'incident', 'new', revert.sha, '--print', '--json', '--tag-pattern', entry.tags], { cwd: clone, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${entry.repo} ${revert.sha}: ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  const inc = out.incident;
  const fact = (label) => out.facts.find((f) => f.label === label)?.value;
  const short = (s) => s.slice(0, 7);
  const name = entry.repo.replace('+', '/');
  const sha = revert.sha;
  const c = revert.target;

  const originHead = git(clone, 'symbolic-ref', 'refs/remotes/origin/HEAD').replace('refs/remotes/', '');
  const main = originHead.replace(/^origin\//, '');
  check(rows, name, sha, 'default branch', fact('Default branch'), `${main} (${originHead})`);
  check(rows, name, sha, 'culprits (the revert\u2019s own "This reverts commit" lines)', [...inc.culprits].sort().join(','), [...revert.targets].sort().join(','));
  const subject = git(clone, 'log', '-1', '--format=%s', c);
  check(rows, name, sha, 'title', inc.title, `${subject} reverted`, (s, t) => s === t || (/^(Revert|Reapply)/i.test(subject) && s.endsWith(' reverted')));
  const author = git(clone, 'log', '-1', '--format=%aN <%aE>', c);
  const userEmail = spawnSync('git', ['config', 'user.email'], { cwd: clone, encoding: 'utf8' }).stdout.trim();
  const mine = git(clone, 'log', '-1', '--format=%aE', c).toLowerCase() === userEmail.toLowerCase();
  check(rows, name, sha, 'culprit author (mailmap) and whether it is you', fact(`Culprit ${short(c)} author`), `${author} — ${mine ? 'you' : 'not you'}`);
  check(rows, name, sha, 'culprit authored', fact(`Culprit ${short(c)} authored`), git(clone, 'log', '-1', '--format=%aI', c), same);
  const land = landing(clone, c, originHead);
  const landedTrue = land ? `${git(clone, 'log', '-1', '--format=%cI', land)}${land === c ? ' (committed on the branch)' : ` (merge ${short(land)})`}` : undefined;
  check(rows, name, sha, `culprit landed on ${main} (first-parent walk)`, fact(`Culprit ${short(c)} landed`), landedTrue, (s, t) => s === t || (s && t && s.replace(/^(\S+)/, '') === t.replace(/^(\S+)/, '') && same(s.split(' ')[0], t.split(' ')[0])));
  check(rows, name, sha, 'revert committed', fact(`Revert ${short(sha)} committed`), git(clone, 'log', '-1', '--format=%cI', sha), same);
  const onMain = ok(clone, 'merge-base', '--is-ancestor', sha, originHead);
  check(rows, name, sha, `revert is on ${originHead} (merge-base --is-ancestor exit code)`, fact(`Revert ${short(sha)} is`)?.startsWith('on the default branch') ? 'yes' : 'no', onMain ? 'yes' : 'no');
  const firstTag = (s) => git(clone, 'tag', '--contains', s, '--sort=creatordate', '--list', entry.tags).split('\n').filter(Boolean)[0];
  const culpritTag = firstTag(c);
  check(rows, name, sha, `first ${entry.tags} tag containing the culprit`, fact(`Culprit ${short(c)} deployed`)?.split(' at ')[0], culpritTag);
  const revertAuthorMine = git(clone, 'log', '-1', '--format=%aE', sha).toLowerCase() === userEmail.toLowerCase();
  check(rows, name, sha, 'revert author (mailmap) and whether it is you', fact(`Revert ${short(sha)} author`), `${git(clone, 'log', '-1', '--format=%aN <%aE>', sha)} — ${revertAuthorMine ? 'you' : 'not you'}`);
  check(rows, name, sha, 'draft claims "my change" only for the user\u2019s own commit', /\bmy change/i.test(inc.sections.teamUpdate) ? 'claims it' : 'does not claim it', mine ? 'claims it' : 'does not claim it');
  check(rows, name, sha, 'draft names the default branch', new RegExp(` on ${main.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(inc.sections.teamUpdate) ? main : 'another branch', onMain ? main : 'another branch');
  check(rows, name, sha, 'timeline in the file: revert event at the revert\u2019s date', inc.events.find((e) => e.text.includes(`in ${short(sha)}`))?.at, git(clone, 'log', '-1', '--format=%cI', sha), same);
  check(rows, name, sha, 'incident opened now, not at the revert date', Math.abs(Date.parse(inc.detected) - Date.now()) < 10 * 60_000 ? 'now' : inc.detected, 'now');
}

/** Insights for one window, with each number recomputed by an independent git query. */
function insightsFor(cli, clone, entry, since, until) {
  const r = spawnSync(process.execPath, [cli, 'metrics', clone, '--json', '--since', since, '--until', until, '--tag-pattern', entry.tags], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  const m = JSON.parse(r.stdout);
  const win = [`--since=${since}`, `--until=${until}`];
  const commits = Number(git(clone, 'rev-list', '--count', ...win, 'HEAD'));
  const merges = Number(git(clone, 'rev-list', '--count', '--first-parent', ...win, 'HEAD'));
  const hotfixes = git(clone, 'log', '--format=%s', ...win, 'HEAD').split('\n').filter((s) => /\bhotfix\b/i.test(s)).length;
  const fixPrefixed = git(clone, 'log', '--format=%s', ...win, 'HEAD').split('\n').filter((s) => /^fix[(:!]/i.test(s)).length;
  return { m, commits, merges, hotfixes, fixPrefixed };
}

const cli = await buildCli();
const rows = [];
const insights = [];
for (const entry of CORPUS) {
  const clone = path.join(REPOS, entry.repo);
  if (!fs.existsSync(clone)) {
    console.error(`skipping ${entry.repo}: no clone at ${clone}`);
    continue;
  }
  for (const revert of pickReverts(clone)) factsFor(cli, clone, entry, revert, rows);
  const last = git(clone, 'log', '-1', '--format=%cI', 'origin/HEAD');
  const until = new Date(Date.parse(last) + 1000).toISOString();
  const since = new Date(Date.parse(last) - 365 * 86_400_000).toISOString();
  insights.push({ entry, since, until, ...insightsFor(cli, clone, entry, since, until) });
}

const esc = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const wrong = rows.filter((r) => !r.ok);
const lines = [
  '# Fact check: incidents and Insights on real repositories',
  '',
  `Generated by \`npm run eval:facts\` (scripts/factCheck.mjs) on ${new Date().toISOString().slice(0, 10)} over local clones of ${insights.length} public repositories.`,
  'For each repository the script takes the newest reverts on the default branch whose message has a `This reverts commit <sha>` line',
  '(so the true culprit is stated by the revert itself), runs `own-it incident new <sha> --print --json --tag-pattern <release tags>`,',
  'and checks each stated fact with a git query that does not go through Own It\u2019s code (see the script for each query).',
  '',
  `**${rows.length} facts checked, ${rows.length - wrong.length} correct, ${wrong.length} wrong.**`,
  '',
  '| Repository | Shape | Release tags (`--tag-pattern`) |',
  '| --- | --- | --- |',
  ...insights.map((i) => `| ${i.entry.repo.replace('+', '/')} | ${i.entry.shape} | \`${i.entry.tags}\` |`),
  '',
  '## Facts',
  '',
  '| Repo | Commit | Fact | Stated | True | OK |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.repo} | \`${r.commit}\` | ${esc(r.fact)} | ${esc(r.stated)} | ${esc(r.truth)} | ${r.ok ? 'yes' : '**no**'} |`),
  '',
  "## Wrong facts found on the way (each is now a fixture test)",
  "",
  "- tj/commander.js `f3431d15`: the culprit `e8bea4a` is on no branch (only its revert landed), yet it was stated \"on local master\" and \"landed on master\": simple-git does not reject `merge-base --is-ancestor`’s exit code 1, so every ancestry check said yes. Ancestry is now `git merge-base A B == A`. Test: *a culprit on no branch (its branch deleted) is not said to have landed anywhere* (test/unit/incidentFacts.test.ts).",
  "- psf/requests `fd13816d01`, tj/commander.js `3452b70a0e`, pallets/flask `78b56dbf2c`: a culprit inside a merged branch (not its tip) was stated \"committed on the branch\" at its own date; `rev-list --first-parent --ancestry-path` ignores the second parents it is reached through. Landing is now a binary search along the first-parent line. Test: *a culprit deeper in a merged branch landed with the merge, not when it was committed*.",
  "- psf/requests `fd13816d01` names three commits (three \"This reverts commit\" lines); the first version of this script took only the first line as the truth. The tool was right; the check now reads every line.",
  "- tj/commander.js `14edbca7` (\"Revert factory function reexport (#2014)\", no quoted subject, no sha) is not detected as a revert by the scanner, so `incident new` treats it as a plain culprit and no longer claims a revert in the draft. Detection itself is issue #17’s.",
  "",
  '## Insights, explained',
  '',
  'One year ending at the newest commit of the default branch, per repository (`own-it metrics <repo> --since S --until U --tag-pattern T --json`).',
  'The counts on the right are recomputed with plain git: `git rev-list --count --since=S --until=U HEAD` (commits),',
  'the same with `--first-parent` (merges), subjects containing the word hotfix (hotfixes), and subjects starting with `fix:`/`fix(` (not hotfixes any more).',
  '',
  '| Repo | Window | Rework = (reverts + reapplies + hotfixes) ÷ commits | commits (git) | hotfixes (git) | conventional fix: commits (not counted) | Change failure = (shipped reverts + rollbacks) ÷ deploys or merges | merges (git) | Caught before shipping | Median time to recover |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...insights.map((i) => {
    const rw = i.m.reworkRate;
    const cf = i.m.changeFailure;
    const pct = (x) => (x === null ? 'n/a' : `${Math.round(x * 1000) / 10}%`);
    return `| ${i.entry.repo.replace('+', '/')} | ${i.since.slice(0, 10)} – ${i.until.slice(0, 10)} | ${pct(rw.rate)} = (${rw.reverts} + ${rw.reapplies} + ${rw.hotfixes}) ÷ ${rw.commits} | ${i.commits}${i.commits === rw.commits ? '' : ' **differs**'} | ${i.hotfixes}${i.hotfixes === rw.hotfixes ? '' : ' (reverts matching the word are not double-counted)'} | ${i.fixPrefixed} | ${pct(cf.rate)} = (${cf.reverts} + ${cf.rollbacks}) ÷ ${cf.denominator} ${cf.basis} | ${i.merges}${cf.basis === 'merges' && i.merges !== cf.denominator ? ' **differs**' : ''} | ${cf.caughtBeforeShipping} | ${i.m.timeToRecover.medianHours === null ? 'n/a' : `${i.m.timeToRecover.medianHours} h`} |`;
  }),
  '',
  'Formulas (also printed by `own-it metrics --markdown`):',
  '',
  ...(insights[0] ? [
    `- Time to recover: ${insights[0].m.timeToRecover.formula}.`,
    `- Change failure: ${insights[0].m.changeFailure.formula}.`,
    `- Rework: ${insights[0].m.reworkRate.formula}.`,
    `- Age of open action items: ${insights[0].m.actionAge.formula}.`,
  ] : []),
  '',
];
const target = path.join(ROOT, 'docs', 'fact-check.md');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, lines.join('\n'));
console.log(`${rows.length} facts, ${wrong.length} wrong; wrote ${path.relative(ROOT, target)}`);
for (const w of wrong) console.log(`WRONG ${w.repo} ${w.commit} ${w.fact}: stated ${w.stated} / true ${w.truth}`);
process.exitCode = wrong.length > 0 ? 1 : 0;
