import * as path from 'node:path';
import { readRepoText } from '../fs/repoFiles';
import { changedSymbols } from './changedSymbols';
import { detectFrameworks, pickFramework } from './frameworks';
import { commitSubject, fileAtCommit, repoTopLevel, resolveCommit } from './git';
import { readIncidentInfo, type IncidentInfo } from './incidentInfo';
import { isTestFile } from './languages';
import { pascalCase, snakeCase } from './naming';
import { placeTest } from './placement';
import { createExclusive, pathExists } from './safeWrite';
import { renderTest } from './templates';
import { PLACEHOLDER_MARKER, type ChangedFile, type ChangedSymbol, type TestScaffoldPlan, type TestStyle } from './types';

export interface TestScaffoldOptions {
  /** Repository-relative path of the incident file the test is for. */
  incidentPath?: string;
  testStyle?: TestStyle;
  /** Scaffold for this changed file instead of the best guess. */
  file?: string;
  /** Scaffold for this symbol name (of `file`, or of any changed file). */
  symbol?: string;
  /** What broke, for the placeholder message; defaults to the incident's "What happened". */
  reproduce?: string;
  /** What the commit changed, when the caller already knows (e.g. from an editor's symbol provider). */
  changes?: ChangedFile[];
}

/** Thrown when the commit changed no source file a test could target. */
export class NothingToTestError extends Error {
  constructor(readonly sha: string) {
    super(`commit ${sha.slice(0, 7)} changed no source file in a supported language`);
    this.name = 'NothingToTestError';
  }
}

const CALLABLE = new Set(['function', 'method']);

function chooseTarget(files: ChangedFile[], opts: TestScaffoldOptions): { file: ChangedFile; symbol?: ChangedSymbol } | undefined {
  const candidates = files.filter((f) => f.language !== 'unknown' && f.status !== 'deleted' && (opts.file ? f.path === opts.file : !isTestFile(f.path)));
  if (opts.symbol) {
    for (const f of candidates) {
      const s = f.symbols.find((x) => x.name === opts.symbol || `${x.container}.${x.name}` === opts.symbol);
      if (s) return { file: f, symbol: s };
    }
  }
  const score = (f: ChangedFile): number => (f.symbols.some((s) => CALLABLE.has(s.kind)) ? 1e9 : 0) + (f.symbols.length > 0 ? 1e8 : 0) + f.added;
  const file = [...candidates].sort((a, b) => score(b) - score(a))[0];
  if (!file) return undefined;
  const symbol = file.symbols.find((s) => CALLABLE.has(s.kind)) ?? file.symbols[0];
  return symbol ? { file, symbol } : { file };
}

function oneLine(s: string, max = 240): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * Plans a regression test for what commit `sha` changed: the framework this repo uses near the
 * changed file, where such tests live, and a test that stays red (or skipped) until written.
 * Nothing is written; see `writeScaffold`.
 */
export async function planTestScaffold(repoPath: string, sha: string, options: TestScaffoldOptions = {}): Promise<TestScaffoldPlan> {
  const repo = await repoTopLevel(repoPath);
  const commit = await resolveCommit(repo, sha);
  const files = options.changes ?? (await changedSymbols(repo, commit));
  const target = chooseTarget(files, options);
  if (!target) throw new NothingToTestError(commit);
  const { file, symbol } = target;
  const framework = pickFramework(await detectFrameworks(repo, file.path), file.language);
  if (!framework) throw new NothingToTestError(commit);
  const incident: IncidentInfo | undefined = options.incidentPath ? await readIncidentInfo(repo, options.incidentPath) : undefined;
  const incidentPath = incident?.path ?? options.incidentPath;
  const subjectLine = await commitSubject(repo, commit);
  // Tests import the code as it is now; fall back to the culprit's version if the file has moved since.
  const sourceText =
    (await readRepoText(repo, file.path).catch(() => undefined)) ?? (await fileAtCommit(repo, commit, file.path)) ?? '';
  const placement = await placeTest({ repoRoot: repo, framework, file: file.path, language: file.language, symbol, sourceText });
  const subject = symbol ? (symbol.container ? `${symbol.container}.${symbol.name}` : symbol.name) : path.posix.basename(file.path);
  const short = commit.slice(0, 7);
  const reproduce = oneLine(options.reproduce ?? incident?.whatHappened ?? `what broke after ${short} "${subjectLine}"`);
  const where = incidentPath ? `incident ${incidentPath}` : `culprit ${short}`;
  const message = `${PLACEHOLDER_MARKER}: write the regression test for ${subject} (${where}). Reproduce: ${reproduce}`;
  const header = [
    `Own It regression test for ${subject} (${file.path}).`,
    ...(incidentPath ? [`Incident: ${incidentPath}`] : []),
    `Culprit: ${short} ${oneLine(subjectLine, 120)}`,
    'Replace the placeholder failure with a test that fails on the culprit and passes with the fix.',
  ];
  const render = (n: number) =>
    renderTest({
      framework: framework.framework,
      style: options.testStyle ?? 'failing',
      moduleSystem: placement.moduleSystem,
      subject,
      title: oneLine(incident?.title ?? subjectLine, 120),
      pascal: pascalCase(subject),
      snake: snakeCase(subject),
      className: placement.className(n),
      header,
      message,
      imports: placement.imports,
      ...(placement.reference ? { reference: placement.reference } : {}),
      ...(placement.packageName ? { packageName: placement.packageName } : {}),
    });
  const relAt = (n: number): string => path.posix.join(placement.dir, placement.fileName(n));
  const first = render(1);
  const exists = await pathExists(path.join(repo, relAt(1)));
  const plan: TestScaffoldPlan = { path: relAt(1), content: first.content, cursor: first.cursor, exists, framework, target: { file: file.path, ...(symbol ? { symbol } : {}) } };
  if (exists) {
    let n = 2;
    while (await pathExists(path.join(repo, relAt(n)))) n++;
    const alt = render(n);
    plan.alternative = { path: relAt(n), content: alt.content, cursor: alt.cursor };
  }
  return plan;
}

/**
 * Creates the planned file (or its numbered sibling when the planned one exists). Never overwrites:
 * the file is opened with `wx`, and paths outside the repository are refused.
 * Returns the repository-relative path written.
 */
export async function writeScaffold(repoPath: string, plan: TestScaffoldPlan): Promise<string> {
  const repo = await repoTopLevel(repoPath);
  const chosen = plan.exists ? plan.alternative : plan;
  if (!chosen) throw new Error(`${plan.path} exists and the plan has no free sibling`);
  await createExclusive(repo, chosen.path, chosen.content);
  return chosen.path;
}

/** `pending` while a scaffolded test still holds the Own It placeholder, `done` once it has been written. */
export function scaffoldStatus(fileText: string): 'pending' | 'done' {
  return fileText.includes(PLACEHOLDER_MARKER) ? 'pending' : 'done';
}
