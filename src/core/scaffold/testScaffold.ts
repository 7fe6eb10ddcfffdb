import { chmod, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { readRepoText } from '../fs/repoFiles';
import { changedSymbols } from './changedSymbols';
import { cBuildNotes } from './cRegistration';
import { noCSuiteMessage } from './cSuites';
import { detectFrameworks, pickFramework } from './frameworks';
import { parseRevertMessage } from '../revert/messageParser';
import { commitMessage, commitSubject, repoTopLevel, resolveCommit } from './git';
import { houseHeader } from './houseHeader';
import { readIncidentInfo, type IncidentInfo } from './incidentInfo';
import { ecosystemOf, isTestFile } from './languages';
import { fileSubject, pascalCase, snakeCase } from './naming';
import { placeTest } from './placement';
import { findSpecFile, planSpecEdit } from './appendToSpec';
import { createExclusive, pathExists, resolveInside } from './safeWrite';
import { isUntargetable, liveTarget, pathsToday, type LiveTarget } from './targets';
import { pythonLineLength, styleGenerated } from './style';
import { renderTest, type Rendered } from './templates';
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
  /** Plan only a new test file, not a case in the existing test file for the changed module. */
  newFile?: boolean;
}

/** Source files of languages Own It writes no tests for (named in the error, so the person knows why). */
const OTHER_CODE = /\.(m|mm|swift|kt|kts|scala|cs|php|sh|bash|lua|pl|pm|ex|exs|erl|hs|ml|dart|zig|nim|r|jl|clj|vue|svelte|sql)$/i;

/** Thrown when the commit changed no source file a test could target. */
export class NothingToTestError extends Error {
  constructor(
    readonly sha: string,
    message = `commit ${sha.slice(0, 7)} changed no source file in a supported language`,
  ) {
    super(message);
    this.name = 'NothingToTestError';
  }
}

/** Thrown when everything the culprit changed is gone from today's tree: a test could not import it. */
export class NothingSurvivesError extends NothingToTestError {
  constructor(sha: string, readonly gone: string[]) {
    super(
      sha,
      `nothing commit ${sha.slice(0, 7)} changed exists in today's tree any more (${gone.slice(0, 5).join(', ')}${gone.length > 5 ? ', …' : ''}), so a test could not import it. ` +
        `A checklist item fits better: own-it scaffold checklist ${sha.slice(0, 7)} --item "<what to check next time>"`,
    );
    this.name = 'NothingSurvivesError';
  }
}

/** Thrown when `--symbol` or `--file` names something the commit did not change. */
export class UnknownTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownTargetError';
  }
}

const CALLABLE = new Set(['function', 'method']);
/** Each candidate may cost a `git grep`; the first ones that survive are what matters. */
const MAX_CANDIDATES = 12;

const symbolLabel = (s: ChangedSymbol): string => (s.container ? `${s.container}.${s.name}` : s.name);

/** Source files the culprit changed that a test may target, best first. */
function targetableFiles(sha: string, files: ChangedFile[], opts: TestScaffoldOptions): ChangedFile[] {
  const usable = (f: ChangedFile): boolean => f.language !== 'unknown' && f.status !== 'deleted' && !isUntargetable(f.path);
  if (opts.file) {
    const named = files.filter((f) => f.path === opts.file || f.oldPath === opts.file);
    if (named.length === 0) throw new UnknownTargetError(`commit ${sha.slice(0, 7)} did not change ${opts.file}; it changed ${files.map((f) => f.path).slice(0, 8).join(', ') || 'no file'}`);
    const ok = named.filter(usable);
    if (ok.length === 0) throw new UnknownTargetError(`${opts.file} is not code a test can import (deleted, a declaration file, vendored, generated or build output)`);
    return ok;
  }
  const score = (f: ChangedFile): number => (f.symbols.some((s) => CALLABLE.has(s.kind)) ? 1e9 : 0) + (f.symbols.length > 0 ? 1e8 : 0) + f.added;
  return files.filter((f) => usable(f) && !isTestFile(f.path)).sort((a, b) => score(b) - score(a));
}

/** The first of the culprit's changes (symbol, else file) that still exists today. */
async function chooseTarget(repo: string, sha: string, files: ChangedFile[], opts: TestScaffoldOptions): Promise<LiveTarget> {
  const sources = targetableFiles(sha, files, opts);
  if (sources.length === 0) {
    const tests = files.filter((f) => isTestFile(f.path));
    if (tests.length > 0 && tests.length === files.filter((f) => f.language !== 'unknown').length) {
      throw new NothingToTestError(sha, `commit ${sha.slice(0, 7)} changed only tests (${tests.map((f) => f.path).slice(0, 4).join(', ')}); those tests are the regression test: restore them from ${sha.slice(0, 7)} if the revert removed them`);
    }
    const others = files.filter((f) => (f.language === 'unknown' || !ecosystemOf(f.language)) && OTHER_CODE.test(f.path) && !isTestFile(f.path)).map((f) => f.path);
    if (others.length === 0) throw new NothingToTestError(sha);
    throw new NothingToTestError(
      sha,
      `commit ${sha.slice(0, 7)} changed no file Own It can write a test for (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}); ` +
        `it writes tests for JavaScript, TypeScript, Python, Go, Rust, Java, Ruby, PHP, C# and C/C++. A checklist item fits instead: own-it scaffold checklist ${sha.slice(0, 7)} --item "<what to check next time>"`,
    );
  }
  const candidates: { file: ChangedFile; symbol?: ChangedSymbol }[] = [];
  if (opts.symbol) {
    for (const file of sources) for (const symbol of file.symbols) if (symbol.name === opts.symbol || symbolLabel(symbol) === opts.symbol) candidates.push({ file, symbol });
    if (candidates.length === 0) {
      const known = [...new Set(sources.flatMap((f) => f.symbols.map(symbolLabel)))];
      throw new UnknownTargetError(`commit ${sha.slice(0, 7)} did not change a symbol named "${opts.symbol}"${known.length ? `; it changed ${known.slice(0, 10).join(', ')}` : ''}`);
    }
  } else {
    for (const file of sources) for (const symbol of file.symbols.filter((s) => CALLABLE.has(s.kind))) candidates.push({ file, symbol });
    for (const file of sources) for (const symbol of file.symbols.filter((s) => !CALLABLE.has(s.kind))) candidates.push({ file, symbol });
    for (const file of sources) candidates.push({ file });
  }
  const moved = await pathsToday(repo, sha);
  const gone: string[] = [];
  for (const c of candidates.slice(0, MAX_CANDIDATES)) {
    // Changes passed in come from the editor's symbol provider (VS Code), which knows names the patterns cannot.
    const live = await liveTarget(repo, moved, c.file, c.symbol, { trustSymbols: opts.changes !== undefined });
    if (live) return live;
    gone.push(c.symbol ? `${symbolLabel(c.symbol)} in ${c.file.path}` : c.file.path);
  }
  if (opts.symbol) throw new UnknownTargetError(`${opts.symbol} no longer exists in today's tree, so a test could not import it`);
  throw new NothingSurvivesError(sha, gone);
}

/** When `sha` is itself a revert, the commit it reverted: that is what the test is about. */
export async function culpritOf(repo: string, sha: string): Promise<string | undefined> {
  const { subject, body } = await commitMessage(repo, sha);
  const parsed = parseRevertMessage(subject, body);
  if (!parsed || parsed.kind === 'reapply') return undefined;
  for (const named of parsed.shas) {
    try {
      const full = await resolveCommit(repo, named);
      if (full !== sha) return full;
    } catch {
      // a sha that is not in this clone names nothing we can read
    }
  }
  return undefined;
}

/** A script that talks to the page (`document`, `window`) and exports nothing: only a browser can run it. */
function isBrowserScript(live: LiveTarget): boolean {
  if (live.language !== 'javascript' && live.language !== 'typescript') return false;
  const exportsSomething = /^\s*export\s|module\.exports|^\s*exports\.\w+\s*=/m.test(live.text);
  return !exportsSomething && /\b(document|window)\.\w+/.test(live.text);
}

function withPreamble(preamble: string[] | undefined, r: Rendered): Rendered {
  if (!preamble || preamble.length === 0) return r;
  // A script's `#!` line must stay the first line.
  const shebang = /^#!.*\n/.exec(r.content)?.[0] ?? '';
  return { content: `${shebang}${preamble.join('\n')}\n${r.content.slice(shebang.length)}`, cursor: { line: r.cursor.line + preamble.length, column: r.cursor.column } };
}

/** Go test functions share one namespace per package: names already taken in `dir`. */
async function goTestNames(repo: string, dir: string): Promise<Set<string>> {
  const names = new Set<string>();
  const entries = await readdir(path.join(repo, dir)).catch(() => [] as string[]);
  for (const e of entries.filter((n) => n.endsWith('_test.go'))) {
    const text = (await readRepoText(repo, path.posix.join(dir, e)).catch(() => undefined)) ?? '';
    for (const m of text.matchAll(/^func\s+(Test\w+)\s*\(/gm)) names.add(m[1]);
  }
  return names;
}

/** An Own It test for the same subject and the same culprit or incident (what a rerun should open, not duplicate). */
export function isSameScaffold(text: string, subject: string, short: string, incidentPath: string | undefined): boolean {
  // A formatter may have wrapped the header comment (clang-format reflows past its column limit): read it joined.
  const joined = text.replace(/[ \t]*\r?\n[ \t]*(?:\/\/|#|\*(?!\/))?[ \t]*/g, ' ');
  if (!joined.includes(`Own It regression test for ${subject} (`)) return false;
  return joined.includes(`Culprit: ${short}`) || (incidentPath !== undefined && joined.includes(`Incident: ${incidentPath}`));
}

function oneLine(s: string, max = 240): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * Plans a regression test for what commit `sha` changed (for a revert, the commit it reverted):
 * the framework this repo uses near the changed code, where such tests live, and a test that stays
 * red (or skipped) until written. It targets today's tree: a symbol that has moved is followed, one
 * that is gone is not targeted. Nothing is written; see `writeScaffold`.
 */
export async function planTestScaffold(repoPath: string, sha: string, options: TestScaffoldOptions = {}): Promise<TestScaffoldPlan> {
  const repo = await repoTopLevel(repoPath);
  const given = await resolveCommit(repo, sha);
  const reverted = options.changes ? undefined : await culpritOf(repo, given);
  const commit = reverted ?? given;
  const files = options.changes ?? (await changedSymbols(repo, commit));
  const live = await chooseTarget(repo, commit, files, options);
  const { symbol } = live;
  const framework = pickFramework(await detectFrameworks(repo, live.file), live.language);
  if (!framework) {
    const c = live.language === 'c' || live.language === 'cpp';
    throw new NothingToTestError(commit, c ? noCSuiteMessage(live.file, commit) : `no test framework found for ${live.file}; add one to the project (or its build file) first`);
  }
  const incident: IncidentInfo | undefined = options.incidentPath ? await readIncidentInfo(repo, options.incidentPath) : undefined;
  const incidentPath = incident?.path ?? options.incidentPath;
  const subjectLine = await commitSubject(repo, commit);
  if (isBrowserScript(live)) {
    throw new NothingToTestError(commit, `${live.file} is a browser script with no exports, so a Node test runner cannot load it; a checklist item fits better: own-it scaffold checklist ${commit.slice(0, 7)} --item "<what to check next time>"`);
  }
  const placement = await placeTest({ repoRoot: repo, framework, file: live.file, language: live.language, symbol, sourceText: live.text });
  const subject = symbol ? symbolLabel(symbol) : fileSubject(live.file);
  const short = commit.slice(0, 7);
  const reproduce = oneLine(options.reproduce ?? incident?.whatHappened ?? `what broke after ${short} "${subjectLine}"`);
  const where = incidentPath ? `incident ${incidentPath}` : `culprit ${short}`;
  const message = `${PLACEHOLDER_MARKER}: write the regression test for ${subject} (${where}). Reproduce: ${reproduce}`;
  const header = [
    `Own It regression test for ${subject} (${live.file}).`,
    ...(incidentPath ? [`Incident: ${incidentPath}`] : []),
    `Culprit: ${short} ${oneLine(subjectLine, 120)}`,
    'Replace the placeholder failure with a test that fails on the culprit and passes with the fix.',
  ];
  const relAt = (n: number): string => path.posix.join(placement.dir, placement.fileName(n));
  // The repository's license block and magic comment go first; a Go build constraint after line comments only.
  const house = (await houseHeader(repo, placement.dir, path.posix.extname(relAt(1)), live.text)).lines;
  const goBlock = framework.ecosystem === 'go' && placement.preamble?.length && /^\s*\/\*/.test(house[0] ?? '');
  const preamble = [...(goBlock ? [] : house), ...(placement.preamble ?? [])];
  const lineLength = framework.ecosystem === 'python' ? await pythonLineLength(repo, framework.root) : undefined;
  const takenGoNames = framework.ecosystem === 'go' ? await goTestNames(repo, placement.dir) : new Set<string>();
  const uniquePascal = (n: number): string => {
    let name = `${pascalCase(subject)}${n > 1 ? n : ''}`;
    for (let k = 2; takenGoNames.has(`TestRegression${name}`); k++) name = `${pascalCase(subject)}${n > 1 ? n : ''}_${k}`;
    return name;
  };
  const render = (n: number) =>
    withPreamble(preamble, renderTest({
      framework: framework.framework,
      style: options.testStyle ?? 'failing',
      moduleSystem: placement.moduleSystem,
      subject,
      title: oneLine(incident?.title ?? subjectLine, 120),
      pascal: uniquePascal(n),
      snake: snakeCase(subject),
      className: placement.className(n),
      header,
      message,
      imports: placement.imports,
      ...(placement.reference ? { reference: placement.reference } : {}),
      ...(placement.packageName ? { packageName: placement.packageName } : {}),
      ...(placement.harness ? { harness: placement.harness } : {}),
      ...(lineLength ? { lineLength } : {}),
    }));
  const styled = async (n: number): Promise<Rendered & { by: string }> => {
    const r = render(n);
    const out = await styleGenerated(repo, framework.root, relAt(n), framework.ecosystem, r.content);
    if (out.content === r.content) return { ...r, by: out.by };
    const lines = out.content.split('\n');
    let line = r.cursor.line;
    for (let i = lines.length - 1; i >= 0; i--) if (lines[i].includes(PLACEHOLDER_MARKER)) { line = i; break; }
    return { content: out.content, cursor: { line, column: (/^\s*/.exec(lines[line] ?? '') ?? [''])[0].length }, by: out.by };
  };
  const first = await styled(1);
  const base = {
    framework,
    target: { file: live.file, ...(symbol ? { symbol } : {}) },
    culprit: commit,
    ...(reverted ? { revert: given } : {}),
    ...(live.movedFrom ? { movedFrom: live.movedFrom } : {}),
  };
  // A maintainer adds the case to the module's existing test file; a rerun finds it there.
  const spec = options.newFile ? undefined : await findSpecFile(repo, framework, live.file);
  const specText = spec ? await readRepoText(repo, spec).catch(() => undefined) : undefined;
  if (spec && specText !== undefined && isSameScaffold(specText, subject, short, incidentPath)) {
    return { ...base, path: spec, content: specText, cursor: first.cursor, exists: true, existing: spec };
  }
  const caseInput = { framework: framework.framework, style: options.testStyle ?? 'failing', subject, pascal: uniquePascal(1), snake: snakeCase(subject), header, message, ...(lineLength ? { lineLength } : {}) } as const;
  const append = spec && specText !== undefined ? await planSpecEdit(repo, framework, spec, caseInput) : undefined;
  // A rerun for the same subject and culprit (or incident) finds the test it wrote before.
  let n = 1;
  for (; await pathExists(path.join(repo, relAt(n))); n++) {
    const text = (await readRepoText(repo, relAt(n)).catch(() => undefined)) ?? '';
    if (isSameScaffold(text, subject, short, incidentPath)) return { ...base, path: relAt(n), content: text, cursor: first.cursor, exists: true, existing: relAt(n) };
  }
  const plan: TestScaffoldPlan = { ...base, path: relAt(1), content: first.content, cursor: first.cursor, exists: n > 1, styledBy: first.by, ...(append ? { append } : {}) };
  if (n > 1) {
    const alt = await styled(n);
    plan.alternative = { path: relAt(n), content: alt.content, cursor: alt.cursor };
  }
  if (framework.ecosystem === 'c') Object.assign(plan, await cBuildNotes(repo, framework, placement.dir, placement.fileName(n)));
  return plan;
}

/**
 * Creates the planned file (or its numbered sibling when the planned one exists). Never overwrites:
 * the file is opened with `wx`, and paths outside the repository are refused.
 * Returns the repository-relative path written (or, for a rerun, the test written before).
 */
export async function writeScaffold(repoPath: string, plan: TestScaffoldPlan): Promise<string> {
  const repo = await repoTopLevel(repoPath);
  if (plan.existing) return plan.existing;
  const chosen = plan.exists ? plan.alternative : plan;
  if (!chosen) throw new Error(`${plan.path} exists and the plan has no free sibling`);
  await createExclusive(repo, chosen.path, chosen.content);
  await markScript(repo, plan, chosen.path);
  return chosen.path;
}

/**
 * Sets mode 0755 on a written shell-suite script (the suite's runner executes each script itself, and
 * git's test-lint checks the bit); nothing for other plans. The editor creates the file through a
 * workspace edit, which cannot set a mode, and calls this after it. `repoRoot`: the top-level folder.
 */
export async function markScript(repoRoot: string, plan: Pick<TestScaffoldPlan, 'executable'>, relPath: string): Promise<void> {
  if (plan.executable) await chmod(await resolveInside(repoRoot, relPath), 0o755);
}

/** `pending` while a scaffolded test still holds the Own It placeholder, `done` once it has been written. */
export function scaffoldStatus(fileText: string): 'pending' | 'done' {
  return fileText.includes(PLACEHOLDER_MARKER) ? 'pending' : 'done';
}
