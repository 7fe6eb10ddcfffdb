// Builds a synthetic repository with many deploy tags (`git fast-import`): a main line with a
// --no-ff merge every 40 commits, a subject-only revert of a recent commit every 250 commits,
// a `hotfix:` commit every 333, and deploy tags `deploy/<env>/<n>` over three environments
// (prod, staging, canary). Each environment mostly moves forward; every ~400th deploy of an
// environment re-deploys the commit two deploys back (an annotated rollback tag). 80% of the
// tags are annotated (their own date); the rest are lightweight (the commit's date).
// Deterministic: the same sizes always give the same repository, reused from bench/.repos/.
//
//   node bench/deployRepo.mjs [--commits N] [--tags N]   prints the repository's path
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng, startFastImport } from './fastImport.mjs';
import { fileURLToPath } from 'node:url';

/** Bump when the generated history changes. */
export const DEPLOY_GENERATOR_VERSION = 1;

const ENVS = ['prod', 'staging', 'canary'];
const BASE = 1_700_000_000; // 2023-11-14
const STEP = 600; // seconds between commits

export function deployRepoDir(benchDir, commits, tags) {
  return path.join(benchDir, '.repos', `deploys-${commits}c-${tags}t-g${DEPLOY_GENERATOR_VERSION}.git`);
}

/** Generates (or reuses) the repository; returns { dir, commits, tags, planted } (planted: rollbacks, reverts, hotfixes). */
export async function ensureDeployRepo(benchDir, { commits = 100_000, tags = 50_000, log = console.log } = {}) {
  const dir = deployRepoDir(benchDir, commits, tags);
  const manifestPath = `${dir}.json`;
  if (fs.existsSync(manifestPath)) return { dir, ...JSON.parse(fs.readFileSync(manifestPath, 'utf8')) };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', dir]);
  log(`generating ${commits.toLocaleString('en-US')} commits with ${tags.toLocaleString('en-US')} deploy tags in ${dir}…`);
  const { write, finish } = startFastImport(dir);
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const random = rng(commits * 31 + tags);
  const subjects = [];
  const planted = { reverts: 0, hotfixes: 0, rollbacks: 0 };
  const who = 'Dana Smith <dana@example.com>';

  for (let i = 1; i <= commits; i++) {
    const at = BASE + i * STEP;
    let subject = `Update module ${i % 97} handling for case ${i}`;
    if (i % 250 === 0 && i > 10) {
      subject = `Revert "${subjects[i - 4]}"`;
      planted.reverts++;
    } else if (i % 333 === 0) {
      subject = `hotfix: restore checkout totals after ${i}`;
      planted.hotfixes++;
    }
    subjects[i] = subject;
    if (i % 40 === 0 && i > 1) {
      // A side commit on top of the previous main commit, merged with --no-ff.
      await write(`commit refs/heads/side\nmark :${commits + i}\ncommitter ${who} ${at - 1} +0000\n${data(`Side work for ${i}`)}from :${i - 1}\nM 100644 inline side.txt\n${data(`side ${i}\n`)}\n`);
      await write(`commit refs/heads/main\nmark :${i}\ncommitter ${who} ${at} +0000\n${data(subject)}from :${i - 1}\nmerge :${commits + i}\nM 100644 inline f${i % 50}.txt\n${data(`${i}\n`)}\n`);
    } else {
      await write(`commit refs/heads/main\nmark :${i}\ncommitter ${who} ${at} +0000\n${data(subject)}${i > 1 ? `from :${i - 1}\n` : ''}M 100644 inline f${i % 50}.txt\n${data(`${i}\n`)}\n`);
    }
  }

  const perEnv = Math.ceil(tags / ENVS.length);
  const meanStep = Math.max(1, (commits * 0.95) / perEnv);
  const state = ENVS.map(() => ({ pos: 1, history: [] }));
  for (let k = 0; k < tags; k++) {
    const e = k % ENVS.length;
    const s = state[e];
    const n = s.history.length;
    const name = `deploy/${ENVS[e]}/${String(n).padStart(6, '0')}`;
    const previous = s.history[n - 1];
    if (n >= 3 && n % 400 === 0 && s.history[n - 2].pos !== previous.pos) {
      // Rollback: the commit two deploys back goes out again, right after the previous deploy.
      const back = s.history[n - 2];
      const tagAt = previous.at + 60;
      await write(`tag ${name}\nfrom :${back.pos}\ntagger ${who} ${tagAt} +0000\n${data(`Roll back ${ENVS[e]}`)}`);
      s.history.push({ pos: back.pos, at: tagAt });
      planted.rollbacks++;
      continue;
    }
    s.pos = Math.min(commits, s.pos + 1 + Math.floor(random() * (2 * meanStep - 1)));
    const commitAt = BASE + s.pos * STEP;
    if (random() < 0.8) {
      const tagAt = commitAt + 120;
      await write(`tag ${name}\nfrom :${s.pos}\ntagger ${who} ${tagAt} +0000\n${data(`Deploy ${ENVS[e]} ${n}`)}`);
      s.history.push({ pos: s.pos, at: tagAt });
    } else {
      await write(`reset refs/tags/${name}\nfrom :${s.pos}\n\n`);
      s.history.push({ pos: s.pos, at: commitAt });
    }
  }
  await finish();
  execFileSync('git', ['symbolic-ref', 'HEAD', 'refs/heads/main'], { cwd: dir });
  const manifest = { commits, tags, planted, generator: DEPLOY_GENERATOR_VERSION };
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, ...manifest };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const benchDir = path.dirname(fileURLToPath(import.meta.url));
  const repo = await ensureDeployRepo(benchDir, { commits: option('--commits', 100_000), tags: option('--tags', 50_000), log: (m) => console.error(m) });
  console.log(repo.dir);
}
