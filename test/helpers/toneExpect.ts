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

/** A test case: its name, the message, its radius, the verdict it must get and a flag kind it must carry. */
export type VerdictCase = [name: string, text: string, radius: BlastRadius, verdict: ToneVerdict, kind?: ToneFlagKind];

/** One mocha `it` per case, each checked by {@link verdictExpecter} for a repository with these authors. */
export function verdictCases(people: readonly string[]) {
  const expectVerdict = verdictExpecter(people);
  return {
    expectVerdict,
    run(cases: readonly VerdictCase[]): void {
      for (const [name, text, radius, verdict, kind] of cases) it(name, () => expectVerdict(text, radius, verdict, kind));
    },
    /** Cases that share one verdict; when `kinds` are given, each must carry a flag of one of them. */
    check(cases: readonly (readonly [name: string, text: string, radius: BlastRadius])[], verdict: ToneVerdict, kinds: readonly ToneFlagKind[] = []): void {
      for (const [name, text, radius] of cases) {
        it(name, () => {
          const r = expectVerdict(text, radius, verdict);
          if (kinds.length) assert.ok(r.flags.some((f) => kinds.includes(f.kind)), describeFlags(r));
        });
      }
    },
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
