/**
 * Reads the labeled tone corpus (test/fixtures/tone/corpus.txt): one message per line,
 * `<verdict> <radius> <components> | <text>`, `@authors` for the fictional repository's authors.
 * The same format serves fresh.txt, the round-two blind splits (blind-dev.txt, blind-test.txt) and round3-dev.txt;
 * which file is tuned on and which is report-only is in docs/tone-eval.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BlastRadius } from '../../src/core/teamUpdate/draftTeamUpdate';
import type { ToneComponentName, ToneVerdict } from '../../src/core/teamUpdate/toneCheck';

export interface CorpusMessage {
  /** 1-based line in the corpus file. */
  line: number;
  verdict: ToneVerdict;
  radius: BlastRadius;
  components: Set<ToneComponentName>;
  text: string;
}

export interface ToneCorpus {
  authors: string[];
  messages: CorpusMessage[];
}

const VERDICTS: Record<string, ToneVerdict> = { ok: 'right-sized', over: 'over-apologetic', defl: 'deflecting', under: 'under-owned' };
const LETTERS: Record<string, ToneComponentName> = { O: 'ownership', E: 'explanation', I: 'impact', A: 'regret', R: 'repair', P: 'prevention' };
const RADII = new Set<string>(['local', 'team', 'production']);

export const CORPUS_PATH = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'tone', 'corpus.txt');

export function readToneCorpus(file = CORPUS_PATH): ToneCorpus {
  const authors: string[] = [];
  const messages: CorpusMessage[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      if (line.startsWith('@authors ')) {
        authors.push(...line.slice('@authors '.length).split(',').map((a) => a.trim()).filter(Boolean));
        return;
      }
      const bar = line.indexOf(' | ');
      const [v, radius, letters] = line.slice(0, bar).split(/\s+/);
      const verdict = VERDICTS[v];
      if (bar < 0 || !verdict || !RADII.has(radius) || !letters) throw new Error(`corpus line ${i + 1}: cannot read "${line.slice(0, 60)}"`);
      const components = new Set<ToneComponentName>();
      for (const c of letters === '-' ? '' : letters) {
        const name = LETTERS[c];
        if (!name) throw new Error(`corpus line ${i + 1}: unknown component letter "${c}"`);
        components.add(name);
      }
      messages.push({ line: i + 1, verdict, radius: radius as BlastRadius, components, text: line.slice(bar + 3) });
    });
  return { authors, messages };
}

export interface LabeledMessage extends CorpusMessage {
  /** The fixture file's name, e.g. "blind22.txt". */
  file: string;
  /** That file's `@authors`. */
  authors: string[];
}

/** Every labeled message of every tone fixture file (not the readers' relabelings of blind15). */
export function allLabeledMessages(): LabeledMessage[] {
  const dir = path.dirname(CORPUS_PATH);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && !f.includes('.reader-'))
    .sort()
    .flatMap((file) => {
      const { authors, messages } = readToneCorpus(path.join(dir, file));
      return messages.map((m) => ({ ...m, file, authors }));
    });
}
