#!/usr/bin/env node
// `npm run eval:tone-agreement [-- <set>]`: how far independent readers agree with a blind set's writer,
// and where the tone check stands among them. <set> defaults to blind15.
//   test/fixtures/tone/<set>.txt            the writer's messages and labels
//   test/fixtures/tone/<set>.reader-*.txt   each reader's labels, `<n> <verdict> <components>`, where n is
//                                           the message's 1-based position among the set's messages
// Prints, for every pair of readings (the writer, each reader, the check): verdict agreement and Cohen's
// kappa; each reading's recall per verdict against the writer; and each reading's accuracy against the
// majority of the human readings it is not part of (a fair reference for every reading alike).
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { checkTone, TONE_VERDICTS, TONE_COMPONENTS } = require(path.join(root, 'out', 'src', 'core', 'teamUpdate', 'toneCheck.js'));
const { readToneCorpus } = require(path.join(root, 'out', 'test', 'helpers', 'toneCorpus.js'));

const VERDICTS = { ok: 'right-sized', over: 'over-apologetic', defl: 'deflecting', under: 'under-owned' };
const LETTERS = { O: 'ownership', E: 'explanation', I: 'impact', A: 'regret', R: 'repair', P: 'prevention' };
const setName = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'blind15';
const dir = path.join(root, 'test', 'fixtures', 'tone');
const set = readToneCorpus(path.join(dir, `${setName}.txt`));
const n = set.messages.length;

/** @returns {{ verdict: string, components: Set<string> }[]} */
function readReader(file) {
  const rows = new Array(n);
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [id, v, letters] = line.split(/\s+/);
    const k = Number(id);
    if (!Number.isInteger(k) || k < 1 || k > n || !VERDICTS[v] || !letters) throw new Error(`${path.basename(file)} line ${i + 1}: cannot read "${line}"`);
    if (rows[k - 1]) throw new Error(`${path.basename(file)}: message ${k} labeled twice`);
    const components = new Set();
    for (const c of letters === '-' ? '' : letters) {
      if (!LETTERS[c]) throw new Error(`${path.basename(file)} line ${i + 1}: unknown component letter "${c}"`);
      components.add(LETTERS[c]);
    }
    rows[k - 1] = { verdict: VERDICTS[v], components };
  });
  const missing = rows.findIndex((r) => !r);
  if (missing >= 0 || rows.length !== n) throw new Error(`${path.basename(file)}: message ${missing + 1} has no label`);
  return rows;
}

const readings = { writer: set.messages.map((m) => ({ verdict: m.verdict, components: m.components })) };
const readerFiles = fs.readdirSync(dir).filter((f) => f.startsWith(`${setName}.reader-`) && f.endsWith('.txt')).sort();
for (const f of readerFiles) readings[f.slice(`${setName}.`.length, -'.txt'.length)] = readReader(path.join(dir, f));
const humans = Object.keys(readings);
readings.check = set.messages.map((m) => {
  const r = checkTone(m.text, { radius: m.radius, people: set.authors });
  return { verdict: r.verdict, components: new Set(r.components.filter((c) => c.present).map((c) => c.name)) };
});
const names = Object.keys(readings);

const f = (x) => (x === null || Number.isNaN(x) ? '    –' : x.toFixed(3));
const agreement = (a, b) => a.filter((r, i) => r.verdict === b[i].verdict).length / n;
function kappa(a, b) {
  const po = agreement(a, b);
  let pe = 0;
  for (const v of TONE_VERDICTS) pe += (a.filter((r) => r.verdict === v).length / n) * (b.filter((r) => r.verdict === v).length / n);
  return (po - pe) / (1 - pe);
}
/** The verdict most of `voters` gave message i, or null when no verdict has more than half of them. */
function majority(voters, i) {
  const counts = new Map();
  for (const v of voters) counts.set(readings[v][i].verdict, (counts.get(readings[v][i].verdict) ?? 0) + 1);
  for (const [verdict, c] of counts) if (c * 2 > voters.length) return verdict;
  return null;
}

const out = [];
out.push(`${setName}: ${n} messages; readings: ${names.join(', ')}`);
out.push('', 'Verdict agreement (upper right) and Cohen\'s kappa (lower left):');
out.push(`${''.padEnd(10)}${names.map((x) => x.padStart(10)).join('')}`);
for (const a of names) {
  out.push(`${a.padEnd(10)}${names.map((b) => (a === b ? '         ·' : (names.indexOf(b) > names.indexOf(a) ? f(agreement(readings[a], readings[b])) : f(kappa(readings[a], readings[b]))).padStart(10))).join('')}`);
}
out.push('', 'Recall per writer verdict (how often each reading gave the writer\'s verdict):');
out.push(`${'verdict'.padEnd(17)}${'n'.padStart(4)}${names.filter((x) => x !== 'writer').map((x) => x.padStart(10)).join('')}`);
for (const v of TONE_VERDICTS) {
  const idx = readings.writer.map((r, i) => (r.verdict === v ? i : -1)).filter((i) => i >= 0);
  out.push(`${v.padEnd(17)}${String(idx.length).padStart(4)}${names.filter((x) => x !== 'writer').map((x) => f(idx.filter((i) => readings[x][i].verdict === v).length / idx.length).padStart(10)).join('')}`);
}
out.push('', 'Against the majority of the other human readings (messages where more than half of them agree):');
for (const x of names) {
  const voters = humans.filter((h) => h !== x);
  const scored = [];
  for (let i = 0; i < n; i++) {
    const m = majority(voters, i);
    if (m) scored.push(readings[x][i].verdict === m);
  }
  out.push(`  ${x.padEnd(10)} accuracy ${f(scored.filter(Boolean).length / scored.length)} over ${scored.length} messages (reference: ${voters.join(', ')})`);
}
if (humans.length > 2) {
  // The check against each leave-one-human-out reference, so its reference has as many voters as a human's.
  const refs = humans.map((left) => {
    const voters = humans.filter((h) => h !== left);
    let hit = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const m = majority(voters, i);
      if (!m) continue;
      total++;
      if (readings.check[i].verdict === m) hit++;
    }
    return hit / total;
  });
  out.push(`  check vs the same-size references as each human (mean of ${refs.length}): ${f(refs.reduce((a, b) => a + b, 0) / refs.length)}`);
}
const unanimous = [...Array(n).keys()].filter((i) => humans.every((h) => readings[h][i].verdict === readings.writer[i].verdict));
out.push('', `All ${humans.length} human readings agree on ${unanimous.length} of ${n} messages; the check gives that verdict on ${unanimous.filter((i) => readings.check[i].verdict === readings.writer[i].verdict).length} of them.`);
out.push('', 'Part agreement with the writer:');
for (const x of names.filter((y) => y !== 'writer')) {
  out.push(`  ${x.padEnd(10)} ${TONE_COMPONENTS.map((c) => `${c} ${f(readings[x].filter((r, i) => r.components.has(c) === readings.writer[i].components.has(c)).length / n)}`).join(', ')}`);
}
process.stdout.write(`${out.join('\n')}\n`);
