// Features of one team-update message for the learned tone model: the rule check's own reading
// (verdict, parts present and missing, flag kinds, radius) and lower-cased word unigrams and bigrams.
// Names of the repository's people become one token, so a model learns "PERSON broke it", not "Nadia".

import * as path from 'node:path';
import { createRequire } from 'node:module';
import { root } from './data.mjs';

// The verdict each flag kind forces, as the check itself maps them (needs `npx tsc -p tsconfig.test.json`).
export const { VERDICT_OF } = createRequire(import.meta.url)(path.join(root, 'out', 'src', 'core', 'teamUpdate', 'toneCheck.js'));

const WORD = /@?[a-z0-9]+(?:['’][a-z]+)?|[!?]/g;

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One lower-cased token list with people (full names, first names, @handles) replaced by PERSON. */
export function words(text, people) {
  let t = text.toLowerCase();
  const names = new Set();
  for (const p of people) {
    const full = p.toLowerCase().trim();
    if (!full) continue;
    names.add(full);
    const first = full.split(/\s+/)[0];
    if (first.length > 2) names.add(first);
  }
  // Longest first, so "nadia petrova" goes before "nadia".
  for (const n of [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))) {
    t = t.replace(new RegExp(`@?\\b${escapeRe(n)}\\b(?:['’]s)?`, 'g'), ' zzperson ');
  }
  return (t.match(WORD) ?? []).map((w) => (w.startsWith('@') ? 'zzhandle' : w.replace('’', "'")));
}

export function textFeatures(text, people) {
  const w = words(text, people);
  const out = new Set();
  for (let i = 0; i < w.length; i++) {
    out.add(`u:${w[i]}`);
    out.add(`b:${i === 0 ? '<s>' : w[i - 1]}_${w[i]}`);
  }
  if (w.length) out.add(`b:${w[w.length - 1]}_</s>`);
  return [...out];
}

/** The rule check's reading as feature names (each worth 1). */
export function ruleFeatures(result, radius) {
  const out = new Set([`rad:${radius}`, `rv:${result.verdict}`, `rv×rad:${result.verdict}:${radius}`]);
  for (const c of result.components) {
    out.add(`rc:${c.name}:${c.present ? 1 : 0}`);
    out.add(`rc×rad:${c.name}:${c.present ? 1 : 0}:${radius}`);
    if (c.required && !c.present) out.add(`rmiss:${c.name}`);
  }
  for (const f of result.flags) out.add(`rf:${f.kind}`);
  return [...out];
}

/** The verdicts the rule flags force (each flag forces one). */
export function forcedVerdicts(result) {
  return new Set(result.flags.map((f) => VERDICT_OF[f.kind]));
}

/**
 * Feature names seen at least `minCount` times over `trainItems` (each item's names from `featsOf`), and a
 * sparse vector for any item: rule features worth 1, word features L2-normalised as a block.
 */
export function vectorizer(trainItems, featsOf, minCount) {
  const count = new Map();
  for (const item of trainItems) for (const f of featsOf(item)) count.set(f, (count.get(f) ?? 0) + 1);
  const names = [...count.keys()].filter((f) => count.get(f) >= minCount).sort();
  const index = new Map(names.map((f, j) => [f, j]));
  const vec = (item) => {
    const kept = featsOf(item).filter((f) => index.has(f));
    const nText = kept.filter((f) => !f.startsWith('r')).length;
    const pairs = kept.map((f) => [index.get(f), f.startsWith('r') ? 1 : 1 / Math.sqrt(nText || 1)]).sort((a, b) => a[0] - b[0]);
    return { idx: Int32Array.from(pairs.map((p) => p[0])), val: Float64Array.from(pairs.map((p) => p[1])) };
  };
  return { size: names.length, vec };
}
