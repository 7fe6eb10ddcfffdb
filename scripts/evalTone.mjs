#!/usr/bin/env node
// `npm run eval:tone`: the tone check against the labeled corpus (test/fixtures/tone/corpus.txt).
// Prints accuracy and per-verdict recall/precision for the tuning split and the held-out split
// (every 4th message, never looked at while tuning), plus agreement on each apology part.
//   --misses           list the tuning split's misclassified messages
//   --misses-held-out  also list the held-out split's (only for the final report)
//   --json             one JSON object instead of tables
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { checkTone, TONE_VERDICTS, TONE_COMPONENTS } = require(path.join(root, 'out', 'src', 'core', 'teamUpdate', 'toneCheck.js'));
const { readToneCorpus } = require(path.join(root, 'out', 'test', 'helpers', 'toneCorpus.js'));

const argv = process.argv.slice(2);
const { authors, messages } = readToneCorpus();
// Written after the rules were frozen and evaluated once; see docs/tone-eval.md.
const fresh = readToneCorpus(path.join(root, 'test', 'fixtures', 'tone', 'fresh.txt'));

function evaluate(subset, people = authors) {
  const rows = subset.map((m) => ({ m, r: checkTone(m.text, { radius: m.radius, people }) }));
  const perVerdict = {};
  for (const v of TONE_VERDICTS) {
    const labeled = rows.filter((x) => x.m.verdict === v);
    const predicted = rows.filter((x) => x.r.verdict === v);
    const hit = labeled.filter((x) => x.r.verdict === v).length;
    perVerdict[v] = { n: labeled.length, recall: labeled.length ? hit / labeled.length : null, precision: predicted.length ? hit / predicted.length : null };
  }
  const perComponent = {};
  for (const c of TONE_COMPONENTS) {
    const agree = rows.filter((x) => x.m.components.has(c) === x.r.components.find((k) => k.name === c).present).length;
    perComponent[c] = rows.length ? agree / rows.length : null;
  }
  const correct = rows.filter((x) => x.m.verdict === x.r.verdict).length;
  return { n: rows.length, accuracy: rows.length ? correct / rows.length : null, perVerdict, perComponent, misses: rows.filter((x) => x.m.verdict !== x.r.verdict) };
}

const splits = {
  tuning: evaluate(messages.filter((m) => !m.heldOut)),
  'held-out': evaluate(messages.filter((m) => m.heldOut)),
  all: evaluate(messages),
  'fresh (written after freezing)': evaluate(fresh.messages, fresh.authors),
};
const f = (x) => (x === null ? '   –' : x.toFixed(3));

if (argv.includes('--json')) {
  const strip = (s) => ({ n: s.n, accuracy: s.accuracy, perVerdict: s.perVerdict, perComponent: s.perComponent });
  process.stdout.write(`${JSON.stringify({ tuning: strip(splits.tuning), heldOut: strip(splits['held-out']), all: strip(splits.all), fresh: strip(splits['fresh (written after freezing)']) }, null, 2)}\n`);
} else {
  for (const [name, s] of Object.entries(splits)) {
    process.stdout.write(`\n${name}: ${s.n} messages, accuracy ${f(s.accuracy)}\n`);
    process.stdout.write(`  verdict           n   recall  precision\n`);
    for (const v of TONE_VERDICTS) {
      const p = s.perVerdict[v];
      process.stdout.write(`  ${v.padEnd(16)} ${String(p.n).padStart(3)}   ${f(p.recall)}   ${f(p.precision)}\n`);
    }
    process.stdout.write(`  parts agreement: ${TONE_COMPONENTS.map((c) => `${c} ${f(s.perComponent[c])}`).join(', ')}\n`);
  }
  const show = (label, s) => {
    for (const { m, r } of s.misses) {
      process.stdout.write(`  [${label} line ${m.line}] expected ${m.verdict}, got ${r.verdict} (${m.radius}): ${m.text.slice(0, 110)}\n    flags: ${r.flags.map((x) => `${x.kind}${x.component ? `:${x.component}` : ''} "${x.excerpt}"`).join('; ') || 'none'}\n`);
    }
  };
  if (argv.includes('--misses') || argv.includes('--misses-held-out')) {
    process.stdout.write('\nMisclassified:\n');
    show('tuning', splits.tuning);
    if (argv.includes('--misses-held-out')) {
      show('held-out', splits['held-out']);
      show('fresh', splits['fresh (written after freezing)']);
    }
  }
}
