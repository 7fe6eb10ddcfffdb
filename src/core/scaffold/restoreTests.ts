/**
 * The best regression test is often one the culprit already wrote: a revert takes the culprit's
 * tests out with its code. This plans them back: the culprit's test hunks re-applied into today's
 * test file (or the file recreated where it was, when that path is free and its folder still holds
 * tests), each file with a failing placeholder case that keeps it red until the author confirms.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { readRepoFile } from '../fs/repoFiles';
import { addCaseToText, writeSpecEdit, type SpecEdit } from './appendToSpec';
import { detectFrameworks, pickFramework } from './frameworks';
import { commitSubject, fileAtCommit, gitAt, repoTopLevel, resolveCommit } from './git';
import { ecosystemOf, isTestFile, languageOf } from './languages';
import { createExclusive } from './safeWrite';
import { reapplyHunks, parseHunks } from './hunks';
import { missingNames } from './restoredNames';
import { culpritOf } from './testScaffold';
import { PLACEHOLDER_MARKER, type Cursor, type TestStyle } from './types';

export interface RestoredFile {
  path: string;
  /** `recreate`: the culprit's file written where it was; `reapply`: its hunks put back into today's file. */
  kind: 'recreate' | 'reapply';
  content: string;
  cursor: Cursor;
  /** Names of the tests put back. */
  tests: string[];
  /** For `reapply`: the file as read, so an edit is applied only to that text. */
  edit?: SpecEdit;
  /** A previous run restored these tests here already: open it, write nothing. */
  existing?: boolean;
}

export interface RestorePlan {
  culprit: string;
  revert: string;
  files: RestoredFile[];
  /** Test files the culprit touched that are not offered back, with why. */
  skipped: { path: string; reason: string }[];
}

export interface RestoreOptions {
  incidentPath?: string;
  testStyle?: TestStyle;
}

/** The marker line a restore leaves in the file; a rerun finds it and writes nothing. */
export const restoredMarker = (culprit: string): string => `Own It restored tests from ${culprit.slice(0, 7)}`;

const TEST_NAMES = [
  /^\s*(?:it|test|specify)(?:\.\w+)*\s*\(\s*(['"`])(.*?)\1/,
  /^\s*(?:async\s+)?def\s+(test\w*)/,
  /^func\s+(Test\w+)/,
  /^\s*(?:it|test|specify)\s+(['"])(.*?)\1/,
  /^\s*(?:public\s+)?void\s+(\w+)\s*\(\s*\)/,
];

function testNames(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    for (const re of TEST_NAMES) {
      const m = re.exec(l);
      if (m) {
        out.push(m[m.length - 1]);
        break;
      }
    }
  }
  return out;
}

/** The revert in today's history that undid `culprit`, if any. */
async function findRevert(repo: string, culprit: string): Promise<string | undefined> {
  // A revert of the culprit is never reachable from the culprit itself: only the commits after it
  // are read (the whole history was read before: ~1 s on 100,000 commits for every scaffold).
  const out = await gitAt(repo).raw(['log', '--format=%H', '-F', `--grep=This reverts commit ${culprit}`, `${culprit}..HEAD`, '--']).catch(() => '');
  return out.split('\n').map((s) => s.trim()).filter(Boolean).pop();
}

/** Test files the commit added or changed, with their language known. */
async function testFilesOf(repo: string, sha: string): Promise<string[]> {
  const raw = await gitAt(repo).raw(['show', '--format=', '--name-status', '-z', '--no-renames', '--diff-merges=first-parent', sha, '--']);
  const parts = raw.split('\0');
  const out: string[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const status = parts[i].trim();
    const file = parts[i + 1];
    if ((status === 'A' || status === 'M') && isTestFile(file) && ecosystemOf(languageOf(file))) out.push(file);
  }
  return out;
}

async function folderHoldsTests(repo: string, dir: string): Promise<boolean> {
  const entries = await fs.readdir(path.join(repo, dir)).catch(() => [] as string[]);
  return entries.some((e) => isTestFile(path.posix.join(dir, e)));
}

/**
 * Plans putting back the tests `sha` (a culprit, or the revert of one) added or changed and a
 * revert removed; undefined when it touched no test or no revert of it is in today's history.
 */
export async function planRestoreTests(repoPath: string, sha: string, options: RestoreOptions = {}): Promise<RestorePlan | undefined> {
  const repo = await repoTopLevel(repoPath);
  const given = await resolveCommit(repo, sha);
  const reverted = await culpritOf(repo, given);
  const culprit = reverted ?? given;
  // The culprit's own file list first (one small git show): most culprits touch no test, and then
  // no history is read for their revert.
  const tests = await testFilesOf(repo, culprit);
  if (tests.length === 0) return undefined;
  const revert = reverted ? given : await findRevert(repo, culprit);
  if (!revert) return undefined;
  const short = culprit.slice(0, 7);
  const subject = await commitSubject(repo, culprit);
  const plan: RestorePlan = { culprit, revert, files: [], skipped: [] };
  const helpers: RestoredFile[] = [];
  for (const file of tests) {
    const framework = pickFramework(await detectFrameworks(repo, file), languageOf(file));
    if (!framework) {
      plan.skipped.push({ path: file, reason: 'no test framework found for it' });
      continue;
    }
    const then = (await fileAtCommit(repo, culprit, file)) ?? '';
    const patch = await gitAt(repo).raw(['show', '--format=', '-U3', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '--diff-merges=first-parent', culprit, '--', file]);
    const hunks = parseHunks(patch);
    const addedLines = hunks.flatMap((h) => h.lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1)));
    const today = await readRepoFile(repo, file).catch(() => undefined);
    if (today?.text.includes(restoredMarker(culprit))) {
      plan.files.push({ path: file, kind: 'reapply', content: today.text, cursor: { line: 0, column: 0 }, tests: [], existing: true });
      continue;
    }
    const names = testNames(today ? addedLines : then.split('\n'));
    // A helper beside the tests (`__tests__/SuperTestClass.ts`) comes back as it was, without a placeholder.
    const helper = testNames(then.split('\n')).length === 0;
    if (helper) {
      if (today) plan.skipped.push({ path: file, reason: 'a helper, not a test, and it is there today' });
      else helpers.push({ path: file, kind: 'recreate', content: `${commentFor(file)} ${restoredMarker(culprit)}: a helper the restored tests use.\n${then}`, cursor: { line: 0, column: 0 }, tests: [] });
      continue;
    }
    if (today && hunks.length > 0 && hunks[0].oldStart === 0) {
      plan.skipped.push({ path: file, reason: 'the culprit added it, and a different file is at that path today' });
      continue;
    }
    const input = {
      framework: framework.framework,
      style: options.testStyle ?? 'failing',
      subject: `restored tests from ${short}`,
      title: `tests restored from ${short} are confirmed`,
      pascal: `RestoredFrom${short}`,
      snake: `restored_from_${short}`,
      header: [
        `${restoredMarker(culprit)} (${subject.slice(0, 100)}), removed by revert ${revert.slice(0, 7)}${names.length ? `: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}` : ''}.`,
        ...(options.incidentPath ? [`Incident: ${options.incidentPath}`] : []),
        'Run them: they should fail where the culprit broke and pass with the fix. Then delete this test.',
      ],
      message: `${PLACEHOLDER_MARKER}: confirm the tests restored from ${short}${options.incidentPath ? ` (incident ${options.incidentPath})` : ''}, then delete this test`,
    };
    if (!today) {
      const dir = path.posix.dirname(file);
      if (!(await folderHoldsTests(repo, dir))) {
        plan.skipped.push({ path: file, reason: `${dir === '.' ? 'the repository root' : dir} holds no tests any more` });
        continue;
      }
      const added = await addCaseToText(repo, framework, file, then, input);
      const content = added?.content ?? `${input.header.map((h) => `${commentFor(file)} ${h}`).join('\n')}\n${commentFor(file)} ${input.message}\n${then}`;
      plan.files.push({ path: file, kind: 'recreate', content, cursor: added?.cursor ?? { line: 0, column: 0 }, tests: names });
      continue;
    }
    const present = new Set(today.text.split('\n').map((l) => l.trim()));
    const meaningful = addedLines.map((l) => l.trim()).filter((l) => l.length > 3);
    if (meaningful.length === 0 || meaningful.filter((l) => present.has(l)).length * 2 >= meaningful.length) {
      plan.skipped.push({ path: file, reason: 'its tests from the culprit are still in today’s file' });
      continue;
    }
    const thenLines = then.replace(/\n$/, '').split('\n').length;
    const reapplied = reapplyHunks(today.text, hunks, thenLines, framework.ecosystem === 'python' ? 2 : 1);
    if (typeof reapplied !== 'string') {
      plan.skipped.push({ path: file, reason: `the culprit’s changes no longer apply to today’s file (${reapplied.failed})` });
      continue;
    }
    const missing = missingNames(then, addedLines, reapplied);
    if (missing.length > 0) {
      plan.skipped.push({ path: file, reason: `they use ${missing.slice(0, 4).join(', ')}, which today’s file no longer defines or imports, so the file would stop loading` });
      continue;
    }
    const added = await addCaseToText(repo, framework, file, reapplied, input, today.text);
    if (!added) {
      plan.skipped.push({ path: file, reason: 'no place for the confirming placeholder in today’s file' });
      continue;
    }
    const { ino, size, mtimeMs } = today.stat;
    const edit: SpecEdit = { path: file, content: added.content, cursor: added.cursor, into: added.into, original: today.text, stat: { ino, size, mtimeMs } };
    plan.files.push({ path: file, kind: 'reapply', content: added.content, cursor: added.cursor, tests: names, edit });
  }
  // Helpers only matter with the tests that use them.
  if (plan.files.some((f) => !f.existing)) plan.files.push(...helpers);
  else for (const h of helpers) plan.skipped.push({ path: h.path, reason: 'a helper, and no test of the culprit is restored' });
  return plan.files.length > 0 || plan.skipped.length > 0 ? plan : undefined;
}

function commentFor(file: string): string {
  return /\.(py|rb)$/.test(file) ? '#' : '//';
}

/**
 * Writes the restored files: a recreated file only where no file is (never overwrites), a
 * re-applied one only if it is still the text the plan was made from (FileChangedError otherwise).
 * Returns the paths written; files a previous run restored are left as they are.
 */
export async function writeRestore(repoPath: string, plan: RestorePlan): Promise<string[]> {
  const repo = await repoTopLevel(repoPath);
  const written: string[] = [];
  for (const f of plan.files) {
    if (f.existing) continue;
    if (f.kind === 'recreate') await createExclusive(repo, f.path, f.content);
    else if (f.edit) await writeSpecEdit(repo, f.edit);
    written.push(f.path);
  }
  return written;
}
