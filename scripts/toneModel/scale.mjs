#!/usr/bin/env node
// Does more labeled text make a learned reading generalise (issue #18, session fifteen)? Trains the
// experiment's logistic regression only on blind sets the shipped rules were never tuned on (so the
// rules' reading of the training text is as good as it will be on a user's text), then:
//   curve   leave one of those sets out, train on k of the others (k = 1 … all), mean accuracy per k
//   final   train on all of them, test once on the set named by --final (kept encrypted until then)
// Prints accuracy and per-verdict recall for the rules alone, the model on words and the rules' reading,
// and the model on words alone. Deterministic. Needs `npx tsc -p tsconfig.test.json` first.
//   node scripts/toneModel/scale.mjs --sets blind15,blind16,… [--final blind22]
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { FIXTURES, root, VERDICTS } from './data.mjs';
import { ruleFeatures, textFeatures, vectorizer } from './features.mjs';
import { predict, train } from './logreg.mjs';

const require = createRequire(import.meta.url);
const { checkTone } = require(path.join(root, 'out', 'src', 'core', 'teamUpdate', 'toneCheck.js'));
const { readToneCorpus } = require(path.join(root, 'out', 'test', 'helpers', 'toneCorpus.js'));

const argv = process.argv.slice(2);
const arg = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : null);
const SETS = (arg('--sets') ?? '').split(',').filter(Boolean);
const FINAL = arg('--final');
// Fixed before any run, as in loso.mjs.
const HYPER = { l2: 1e-3, iterations: 300, rate: 0.5 };
const MIN_COUNT = 2;

function load(set) {
  const { authors, messages } = readToneCorpus(path.join(FIXTURES, `${set}.txt`));
  return messages.map((m) => {
    const r = checkTone(m.text, { radius: m.radius, people: authors });
    return {
      label: VERDICTS.indexOf(m.verdict),
      rule: VERDICTS.indexOf(r.verdict),
      words: textFeatures(m.text, authors),
      rules: ruleFeatures(r, m.radius),
    };
  });
}

function fit(trainRows, featsOf) {
  const { size, vec } = vectorizer(trainRows, featsOf, MIN_COUNT);
  const model = train(trainRows.map(vec), trainRows.map((r) => r.label), size, VERDICTS.length, HYPER);
  return (r) => {
    const p = predict(model, vec(r));
    return p.indexOf(Math.max(...p));
  };
}

const both = (r) => [...r.words, ...r.rules];
const wordsOnly = (r) => r.words;

function score(rows, guess) {
  const recall = VERDICTS.map((_, v) => {
    const of = rows.filter((r) => r.label === v);
    return of.length ? of.filter((r) => guess(r) === v).length / of.length : null;
  });
  return { accuracy: rows.filter((r) => guess(r) === r.label).length / rows.length, recall };
}

const f = (x) => (x === null ? '  –  ' : x.toFixed(3));
const line = (name, s) => `  ${name.padEnd(22)} ${f(s.accuracy)}   ${s.recall.map(f).join('  ')}`;
const header = `  ${''.padEnd(22)} acc     ${VERDICTS.map((v) => v.slice(0, 5)).join('  ')}`;

const data = Object.fromEntries(SETS.map((s) => [s, load(s)]));
const out = [`training sets: ${SETS.join(', ')} (${SETS.reduce((a, s) => a + data[s].length, 0)} messages)`];

out.push('', 'curve: each set held out in turn, trained on k of the others (the next ones in the list)');
out.push(`  k  messages   rules   model(words+rules)   model(words)`);
for (let k = 1; k < SETS.length; k++) {
  const acc = { rules: [], both: [], words: [] };
  let size = 0;
  SETS.forEach((held, h) => {
    const others = SETS.filter((s) => s !== held);
    const picked = [...others.slice(h % others.length), ...others.slice(0, h % others.length)].slice(0, k);
    const trainRows = picked.flatMap((s) => data[s]);
    size += trainRows.length;
    const test = data[held];
    acc.rules.push(score(test, (r) => r.rule).accuracy);
    acc.both.push(score(test, fit(trainRows, both)).accuracy);
    acc.words.push(score(test, fit(trainRows, wordsOnly)).accuracy);
  });
  const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
  out.push(`  ${String(k).padStart(1)}  ${String(Math.round(size / SETS.length)).padStart(8)}   ${f(mean(acc.rules))}   ${f(mean(acc.both)).padStart(18)}   ${f(mean(acc.words)).padStart(12)}`);
  process.stderr.write(`k=${k} done\n`);
}

if (FINAL) {
  const test = load(FINAL);
  const all = SETS.flatMap((s) => data[s]);
  out.push('', `final: trained on all ${all.length} messages, tested once on ${FINAL} (${test.length})`, header);
  out.push(line('rules', score(test, (r) => r.rule)));
  out.push(line('model (words + rules)', score(test, fit(all, both))));
  out.push(line('model (words)', score(test, fit(all, wordsOnly))));
}
process.stdout.write(`${out.join('\n')}\n`);
