#!/usr/bin/env node
// `npm run eval:detect -- <clone or mirror dir>...`: scores revert detection against the labeled
// corpus in test/fixtures/detection/<owner>+<name>.json (method: docs/detection-eval.md).
//
// A directory is matched to its labels by name: `/work/repos/owner+name` (a clone) or
// `/work/.mirror/owner+name/repo` (a bare mirror). For each repository it prints precision,
// recall, F1 and linking accuracy of
//   - `scan`  : what `own-it scan --json` prints by default (confident detections only),
//   - `deep`  : the same with `--deep` (diff evidence for silent reverts), when --deep is passed,
//   - `regex` : a one-line baseline (subject `Revert "` or a line `This reverts commit <sha>`),
// in two tiers: strict (labels of kind partial-revert and evidence diff-inverse/manual dropped)
// and full (every label). Flagged commits outside the labels are counted, never scored.
// Options: --json (machine-readable), --deep, --out <file> (writes the JSON there too).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { scanReverts } = require(path.join(root, 'out', 'src', 'core', 'revert', 'revertScanner.js'));
const { scanRevertsDeep } = require(path.join(root, 'out', 'src', 'core', 'revert', 'deepScan.js'));
const fixtures = path.join(root, 'test', 'fixtures', 'detection');

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const deep = argv.includes('--deep');
const outAt = argv.indexOf('--out');
const outFile = outAt >= 0 ? argv[outAt + 1] : undefined;
const dirs = argv.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
if (dirs.length === 0) {
  console.error('Usage: npm run eval:detect -- <clone or mirror dir>... [--deep] [--json] [--out file]');
  process.exit(2);
}

/** `owner+name` from `/x/owner+name` or `/x/owner+name/repo`. */
function repoKey(dir) {
  const abs = path.resolve(dir);
  const base = path.basename(abs);
  return base.includes('+') ? base : path.basename(path.dirname(abs));
}

function git(dir, args) {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** The one-line regex baseline: subject `Revert "…"` or a body line `This reverts commit <sha>`. */
function regexBaseline(dir) {
  const out = new Map();
  const log = git(dir, ['log', '--format=%x01%H%x00%s%x00%b']);
  const shas = [];
  for (const rec of log.split('\x01').slice(1)) {
    const [sha, subject, body] = rec.split('\0');
    const m = /^This reverts commit ([0-9a-f]{7,40})/m.exec(body);
    if (!m && !/^Revert "/.test(subject)) continue;
    out.set(sha, { hex: m?.[1] });
    if (m) shas.push(m[1]);
  }
  const resolved = new Map();
  if (shas.length > 0) {
    const lines = execFileSync('git', ['-C', dir, 'cat-file', '--batch-check=%(objectname) %(objecttype)'], {
      input: `${shas.join('\n')}\n`,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    }).split('\n');
    shas.forEach((s, i) => {
      const [name, type] = (lines[i] ?? '').split(' ');
      if (type === 'commit') resolved.set(s, name);
    });
  }
  const detections = new Map();
  for (const [sha, { hex }] of out) detections.set(sha, hex && resolved.has(hex) ? [resolved.get(hex)] : []);
  return detections;
}

const STRICT_DROP = new Set(['diff-inverse', 'manual']);

function score(labels, detected, tier) {
  const use = labels.filter((l) => tier === 'full' || (l.kind !== 'partial-revert' && !STRICT_DROP.has(l.evidence)));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let linkTotal = 0;
  let linkOk = 0;
  const misses = [];
  const falsePositives = [];
  const badLinks = [];
  for (const l of use) {
    const d = detected.get(l.sha);
    if (l.is_revert) {
      if (d) tp++;
      else {
        fn++;
        misses.push(l.sha);
      }
      if (l.reverted.length > 0) {
        linkTotal++;
        const same = d !== undefined && d.length === l.reverted.length && l.reverted.every((s) => d.includes(s));
        if (same) linkOk++;
        else if (d) badLinks.push(l.sha);
      }
    } else if (d) {
      fp++;
      falsePositives.push(l.sha);
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    labels: use.length,
    reverts: tp + fn,
    tp,
    fp,
    fn,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    linking: linkTotal === 0 ? null : round(linkOk / linkTotal),
    linked: `${linkOk}/${linkTotal}`,
    misses,
    falsePositives,
    badLinks,
  };
}

function round(x) {
  return Math.round(x * 1000) / 1000;
}

const results = [];
const totals = {};
for (const dir of dirs) {
  const key = repoKey(dir);
  const file = path.join(fixtures, `${key}.json`);
  if (!fs.existsSync(file)) {
    console.error(`no labels for ${key} (expected ${path.relative(root, file)})`);
    process.exitCode = 1;
    continue;
  }
  const corpus = JSON.parse(fs.readFileSync(file, 'utf8'));
  const head = git(dir, ['rev-parse', 'HEAD']).trim();
  const labels = corpus.labels;
  const labeled = new Set(labels.map((l) => l.sha));
  // The labels were made at corpus.head: score the history up to there.
  const rev = head === corpus.head ? undefined : corpus.head;
  const modes = { scan: scanReverts, ...(deep ? { deep: scanRevertsDeep } : {}) };
  const entry = { repository: corpus.repository, head: corpus.head, commits: corpus.commits, labeled: labels.length, modes: {} };
  for (const [mode, scanWith] of Object.entries(modes)) {
    const started = process.hrtime.bigint();
    const detections = await scanWith(dir, { revRange: rev });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const detected = new Map(detections.map((d) => [d.sha, d.reverted]));
    const unlabeled = detections.filter((d) => !labeled.has(d.sha)).length;
    entry.modes[mode] = { ms: Math.round(ms), flagged: detections.length, unlabeledFlagged: unlabeled, strict: score(labels, detected, 'strict'), full: score(labels, detected, 'full') };
  }
  const base = regexBaseline(dir);
  entry.modes.regex = { flagged: base.size, strict: score(labels, base, 'strict'), full: score(labels, base, 'full') };
  results.push(entry);
  for (const [mode, r] of Object.entries(entry.modes)) {
    for (const tier of ['strict', 'full']) {
      const t = (totals[`${mode}/${tier}`] ??= { tp: 0, fp: 0, fn: 0, linkOk: 0, linkTotal: 0 });
      t.tp += r[tier].tp;
      t.fp += r[tier].fp;
      t.fn += r[tier].fn;
      const [ok, all] = r[tier].linked.split('/').map(Number);
      t.linkOk += ok;
      t.linkTotal += all;
    }
  }
}

const pooled = Object.fromEntries(
  Object.entries(totals).map(([k, t]) => {
    const p = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
    const r = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
    return [k, { precision: round(p), recall: round(r), f1: round(p + r === 0 ? 0 : (2 * p * r) / (p + r)), linking: t.linkTotal === 0 ? null : round(t.linkOk / t.linkTotal), tp: t.tp, fp: t.fp, fn: t.fn }];
  }),
);

const report = { results, pooled };
if (outFile) fs.writeFileSync(outFile, `${JSON.stringify(report, null, 1)}\n`);
if (json) {
  console.log(JSON.stringify(report, null, 1));
} else {
  const row = (repo, mode, tier, r) =>
    `${repo.padEnd(22)} ${mode.padEnd(6)} ${tier.padEnd(7)} P=${fmt(r.precision)} R=${fmt(r.recall)} F1=${fmt(r.f1)} link=${r.linking === null ? '  -  ' : fmt(r.linking)}  tp=${r.tp} fp=${r.fp} fn=${r.fn}`;
  for (const e of results) {
    for (const [mode, r] of Object.entries(e.modes)) {
      for (const tier of ['strict', 'full']) console.log(row(e.repository, mode, tier, r[tier]));
      if (r.unlabeledFlagged !== undefined) console.log(`${''.padEnd(22)} ${mode.padEnd(6)} flagged=${r.flagged} outside labels=${r.unlabeledFlagged} time=${r.ms} ms`);
    }
  }
  for (const [k, r] of Object.entries(pooled)) {
    const [mode, tier] = k.split('/');
    console.log(row('ALL (pooled)', mode, tier, r));
  }
}

function fmt(x) {
  return x.toFixed(3);
}
