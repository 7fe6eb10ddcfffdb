// The labeled tone fixtures as one list, each message tagged with its file ("set").
// blind14.txt is never read: it is the final check of round thirteen, written blind in another branch.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(root, 'test', 'fixtures', 'tone');
// Session fifteen's sets (blind15 …) are read by scale.mjs; loso.mjs keeps reading the files session fourteen had.
const NEVER_READ = new Set(['blind14.txt', ...Array.from({ length: 18 }, (_, i) => `blind${15 + i}.txt`)]);

export const BLINDS = ['blind4', 'blind5', 'blind6', 'blind7', 'blind8', 'blind9', 'blind10', 'blind11', 'blind12', 'blind13'];
export const VERDICTS = ['right-sized', 'over-apologetic', 'deflecting', 'under-owned'];

export function fixtureFiles() {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt') && !f.includes('.reader-') && !NEVER_READ.has(f))
    .sort();
}

export function loadMessages() {
  const { readToneCorpus } = require(path.join(root, 'out', 'test', 'helpers', 'toneCorpus.js'));
  const out = [];
  for (const file of fixtureFiles()) {
    const { authors, messages } = readToneCorpus(path.join(FIXTURES, file));
    for (const m of messages) out.push({ set: file.replace(/\.txt$/, ''), line: m.line, text: m.text, radius: m.radius, people: authors, label: VERDICTS.indexOf(m.verdict) });
  }
  return out;
}
