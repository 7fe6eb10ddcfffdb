import { changedRegion, planRestoreTests, writeRestore, type RestoredFile, type TestStyle } from '../core/scaffold';
import { EXIT_OK, terminalBlock, terminalText } from './output';

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface RestoreChoice {
  print: boolean;
  /** The person asked for a placeholder (`--placeholder`, `--file`, `--symbol`): restoring is only mentioned. */
  placeholderChosen: boolean;
  testStyle: TestStyle;
  incidentPath?: string;
}

const how = (f: RestoredFile): string => (f.kind === 'recreate' ? 'recreated where it was' : "re-applied into today's file");
const named = (f: RestoredFile): string => (f.tests.length ? `: ${f.tests.slice(0, 6).join(', ')}${f.tests.length > 6 ? ', …' : ''}` : '');

/**
 * `scaffold test`'s first choice: the tests the culprit wrote, put back when its revert removed
 * them. Returns the exit code when that answered the command, undefined to go on with a placeholder.
 */
export async function restoreTests(repo: string, sha: string, choice: RestoreChoice, io: Io): Promise<number | undefined> {
  const plan = await planRestoreTests(repo, sha, { testStyle: choice.testStyle, ...(choice.incidentPath ? { incidentPath: choice.incidentPath } : {}) });
  if (!plan) return undefined;
  const short = plan.culprit.slice(0, 7);
  const revert = plan.revert.slice(0, 7);
  const say = (line: string): void => io.stdout(choice.print ? `# ${line}\n` : `${line}\n`);
  for (const s of plan.skipped) say(`Not restored: ${s.path} from ${short} (${s.reason}).`);
  if (plan.files.length === 0) return undefined;
  if (choice.placeholderChosen) {
    say(`Revert ${revert} removed tests ${short} wrote (${plan.files.map((f) => f.path).join(', ')}); without --placeholder they are put back instead, the preferred regression test.`);
    return undefined;
  }
  const fresh = plan.files.filter((f) => !f.existing);
  for (const f of plan.files.filter((x) => x.existing)) say(`${f.path} already holds the tests restored from ${short}; nothing was written there.`);
  if (fresh.length === 0) return EXIT_OK;
  if (choice.print) {
    for (const f of fresh) {
      const shown = f.kind === 'reapply' && f.edit ? `${changedRegion(f.edit.original, f.content).lines.join('\n')}\n` : f.content;
      io.stdout(`# would restore into ${terminalText(f.path)} (${how(f)}) the tests ${short} wrote${terminalText(named(f))}, removed by revert ${revert}\n${terminalBlock(shown)}`);
    }
    return EXIT_OK;
  }
  const written = await writeRestore(repo, plan);
  for (const f of fresh.filter((x) => written.includes(x.path))) {
    io.stdout(`Restored into ${f.path} (${how(f)}) the tests ${short} wrote${terminalText(named(f))}, removed by revert ${revert}.\n`);
  }
  io.stdout(
    `These are the preferred regression test: they stay red until you confirm them (run them, check they fail where ${short} broke and pass with the fix, then delete the OWN-IT-PLACEHOLDER test). ` +
      `--placeholder writes a placeholder test instead.\n`,
  );
  return EXIT_OK;
}
