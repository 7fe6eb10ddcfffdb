import * as assert from 'node:assert/strict';
import { checkTone, type ToneFlagKind, type ToneResult, type ToneVerdict } from '../../src/core/teamUpdate/toneCheck';
import type { BlastRadius } from '../../src/core/teamUpdate/draftTeamUpdate';
import { useBuiltCli, type CliRun } from './cli';
import { TempRepo } from './tempRepo';

/** The flags of a result, short enough for an assertion message. */
export const describeFlags = (r: ToneResult): string => JSON.stringify(r.flags.map((f) => [f.kind, f.component ?? f.excerpt]));

/**
 * `expectVerdict(text, radius, verdict, kind?)` for a repository with these authors: checks the
 * verdict (and that a flag of `kind` is there), that a right-sized result carries no flag (never a
 * green badge over a warning), and that every excerpt is the text at its index.
 */
export function verdictExpecter(people: readonly string[]) {
  return (text: string, radius: BlastRadius, verdict: ToneVerdict, kind?: ToneFlagKind): ToneResult => {
    const r = checkTone(text, { radius, people: [...people] });
    assert.equal(r.verdict, verdict, describeFlags(r));
    if (kind) assert.ok(r.flags.some((f) => f.kind === kind), describeFlags(r));
    if (r.verdict === 'right-sized') assert.deepEqual(r.flags, []);
    for (const f of r.flags) if (f.excerpt) assert.equal(text.slice(f.index, f.index + f.excerpt.length), f.excerpt);
    return r;
  };
}

/**
 * For a mocha `describe`: a temporary repository whose one author is `author`, and the built CLI.
 * `tone(text, radius)` runs `own-it tone - --json --radius <radius>` there and returns its exit
 * status, raw output and parsed result, so a test can compare the CLI's verdict with the core's.
 */
export function useToneCli(author = { name: 'Petra Novak', email: 'petra@example.com' }) {
  const cli = useBuiltCli();
  let repo: TempRepo | undefined;
  beforeEach(() => {
    repo = TempRepo.create();
    repo.commit('initial', { 'src/app.ts': 'export {};\n' }, author);
  });
  afterEach(() => repo?.dispose());
  return {
    tone(text: string, radius: BlastRadius): CliRun & { result: ToneResult } {
      if (!repo) throw new Error('the repository is made in a beforeEach() hook: use it inside a test');
      const r = cli.run(repo, ['tone', '-', '--json', '--radius', radius], text);
      assert.equal(r.status, 0, r.stderr);
      return { ...r, result: JSON.parse(r.stdout) as ToneResult };
    },
  };
}
