import * as path from 'node:path';
import {
  CAUSE_CATEGORIES,
  changedSymbols,
  findIncidentForCommit,
  NothingToTestError,
  NotAGitRepositoryError,
  OutsideRepositoryError,
  planChecklist,
  planTestScaffold,
  readIncidentInfo,
  UnknownCommitError,
  UnknownTargetError,
  writeChecklist,
  writeScaffold,
  writeSpecEdit,
  changedRegion,
  FileChangedError,
  type CauseCategory,
  type TestStyle,
} from '../core/scaffold';
import { IncidentStore } from '../core/incidents';
import { blobBase, checklistArea } from '../core/scaffold/checklistContext';
import { commitSubject as commitSubjectOf, repoTopLevel as repoRoot, resolveCommit } from '../core/scaffold/git';
import { terminalBlock, terminalText } from './output';
import { restoreTests } from './scaffoldRestore';
import { parseArgs, UsageError } from './args';
import { EXIT_FAILURE, EXIT_NOT_A_REPO, EXIT_OK, EXIT_USAGE } from './output';

/** The planned file existed and so did the sibling chosen for it by the time we wrote (a race). */
export const EXIT_EXISTS = 4;

export const SCAFFOLD_USAGE = `Usage:
  own-it scaffold test <sha> [--repo <path>] [--incident <path>] [--style failing|skipped] [--file <path>] [--symbol <name>] [--placeholder] [--new-file] [--print]
  own-it scaffold checklist <sha> [--item "<lesson>"] [--category ${CAUSE_CATEGORIES.join('|')}] [--area <name>] [--repo <path>] [--incident <path> | --no-incident] [--print]

<sha> is the culprit commit; given a revert, the test is for the commit it reverted. --print writes nothing and shows the path and content.
When the culprit added or changed tests that its revert removed, they are put back (preferred; red until you confirm them);
--placeholder writes a placeholder test instead (so do --file and --symbol). A placeholder goes into the existing test file
of the changed module when there is one; --new-file creates a file beside it instead.
A checklist links its items to the incident naming <sha>, creating one when none does (--no-incident: no link).
`;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

export async function runScaffold(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [kind, ...rest] = argv;
  try {
    if (kind === 'test') return await scaffoldTest(rest, io);
    if (kind === 'checklist') return await scaffoldChecklist(rest, io);
    if (kind === 'help' || kind === '--help' || kind === '-h') {
      io.stdout(SCAFFOLD_USAGE);
      return EXIT_OK;
    }
    throw new UsageError(kind ? `unknown scaffold kind "${kind}"` : 'missing scaffold kind (test or checklist)');
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`own-it scaffold: ${err.message}\n\n${SCAFFOLD_USAGE}`);
      return EXIT_USAGE;
    }
    if (err instanceof NotAGitRepositoryError) {
      io.stderr(`own-it scaffold: ${err.message}\n`);
      return EXIT_NOT_A_REPO;
    }
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      io.stderr(`own-it scaffold: a file appeared where Own It was about to create one; nothing was overwritten. Run again.\n`);
      return EXIT_EXISTS;
    }
    if (err instanceof FileChangedError) {
      io.stderr(`own-it scaffold: ${err.message.replace('while it was being saved', 'after Own It read it')} Run again to add to the file as it is now.\n`);
      return EXIT_EXISTS;
    }
    if (err instanceof UnknownCommitError || err instanceof UnknownTargetError || err instanceof NothingToTestError || err instanceof OutsideRepositoryError) {
      io.stderr(`own-it scaffold: ${err.message}\n`);
      return EXIT_FAILURE;
    }
    throw err;
  }
}

function oneSha(positionals: string[]): string {
  const [sha] = positionals;
  if (!sha) throw new UsageError('missing <sha>');
  return sha;
}

async function scaffoldTest(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['print', 'placeholder', 'new-file'], options: ['repo', 'incident', 'style', 'file', 'symbol'], maxPositionals: 1 });
  const sha = oneSha(args.positionals);
  const style = args.options.get('style') ?? 'failing';
  if (style !== 'failing' && style !== 'skipped') throw new UsageError(`--style must be failing or skipped, got "${style}"`);
  const repo = path.resolve(args.options.get('repo') ?? '.');
  const incidentPath = args.options.get('incident') ?? (await findIncidentForCommit(repo, sha))?.path;
  const placeholderChosen = args.flags.has('placeholder') || args.options.has('file') || args.options.has('symbol');
  const restored = await restoreTests(repo, sha, { print: args.flags.has('print'), placeholderChosen, testStyle: style as TestStyle, ...(incidentPath ? { incidentPath } : {}) }, io);
  if (restored !== undefined) return restored;
  const plan = await planTestScaffold(repo, sha, {
    ...(args.flags.has('new-file') ? { newFile: true } : {}),
    testStyle: style as TestStyle,
    ...(incidentPath ? { incidentPath } : {}),
    ...(args.options.has('file') ? { file: args.options.get('file') } : {}),
    ...(args.options.has('symbol') ? { symbol: args.options.get('symbol') } : {}),
  });
  const chosen = plan.exists && plan.alternative ? plan.alternative : plan;
  const styleNote = plan.styledBy && plan.styledBy !== 'as generated' ? `; style from ${plan.styledBy}` : '';
  const about = `${plan.framework.framework} (${plan.framework.evidence}) for ${plan.target.symbol?.name ?? plan.target.file}${styleNote}`;
  const notes = [
    ...(plan.revert ? [`${plan.revert.slice(0, 7)} is a revert; the test is for the commit it reverted, ${plan.culprit.slice(0, 7)}.`] : []),
    ...(plan.movedFrom ? [`${plan.target.symbol?.name ?? 'The code'} has moved since the culprit: ${plan.movedFrom} → ${plan.target.file}.`] : []),
  ];
  if (plan.existing) {
    io.stdout([...notes, `${plan.existing} already holds the regression test for ${plan.target.symbol?.name ?? plan.target.file}; nothing was written.`].join('\n') + '\n');
    return EXIT_OK;
  }
  if (plan.append) {
    const edit = plan.append;
    const where = `${edit.path} (${edit.into})`;
    if (args.flags.has('print')) {
      for (const note of notes) io.stdout(`# ${note}\n`);
      const region = changedRegion(edit.original, edit.content);
      io.stdout(`# would add to ${terminalText(where)} at line ${region.start + 1} — ${terminalText(about)}; --new-file: ${terminalText(chosen.path)}\n${terminalBlock(`${region.lines.join('\n')}\n`)}`);
      return EXIT_OK;
    }
    await writeSpecEdit(repo, edit);
    for (const note of notes) io.stdout(`${note}\n`);
    io.stdout(`Added a regression case to ${where}, line ${edit.cursor.line + 1} — ${about}${edit.styledBy ? `; file formatted with ${edit.styledBy}` : ''}. --new-file creates ${chosen.path} instead.\n`);
    return EXIT_OK;
  }
  if (args.flags.has('print')) {
    for (const note of notes) io.stdout(`# ${note}\n`);
    if (plan.exists) io.stdout(`# ${plan.path} exists; would create ${chosen.path}\n`);
    if (plan.registration) io.stdout(`# ${terminalText(plan.registration)}\n`);
    io.stdout(`# ${terminalText(chosen.path)} — ${terminalText(about)}\n${terminalBlock(chosen.content)}`);
    return EXIT_OK;
  }
  try {
    const written = await writeScaffold(repo, plan);
    for (const note of notes) io.stdout(`${note}\n`);
    io.stdout(plan.exists ? `${plan.path} exists; created sibling ${written} — ${about}\n` : `Created ${written} — ${about}\n`);
    if (plan.registration) io.stdout(`${terminalText(plan.registration)}\n`);
    return EXIT_OK;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      io.stderr(`own-it scaffold: ${chosen.path} appeared while writing; nothing was overwritten. Run again to pick the next sibling.\n`);
      return EXIT_EXISTS;
    }
    throw err;
  }
}

async function scaffoldChecklist(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['print', 'no-incident'], options: ['repo', 'incident', 'item', 'category', 'area'], maxPositionals: 1 });
  const sha = oneSha(args.positionals);
  const category = args.options.get('category');
  if (category !== undefined && !CAUSE_CATEGORIES.includes(category as CauseCategory)) {
    throw new UsageError(`--category must be one of ${CAUSE_CATEGORIES.join(', ')}, got "${category}"`);
  }
  const lesson = args.options.get('item');
  if (!lesson && !category) throw new UsageError('give --item "<lesson>" or --category <category>');
  const standalone = args.flags.has('no-incident');
  if (standalone && args.options.has('incident')) throw new UsageError('--incident and --no-incident cannot be combined');
  const repo = path.resolve(args.options.get('repo') ?? '.');
  // Validates the repository and the commit before anything else, and names the area after what the commit touched.
  const files = await changedSymbols(repo, sha);
  const top = await repoRoot(repo);
  const full = await resolveCommit(top, sha);
  const print = args.flags.has('print');
  let incidentPath: string | undefined;
  let createdIncident = false;
  if (!standalone) {
    const store = new IncidentStore(top);
    const given = args.options.get('incident');
    if (given !== undefined) {
      incidentPath = await validIncident(store, given);
    } else {
      const { incidents } = await store.list();
      const names = (s: string): boolean => s.length >= 7 && full.startsWith(s);
      incidentPath =
        incidents.find((i) => i.incident.culprits.some(names) || (i.incident.revert !== undefined && names(i.incident.revert)))?.relativePath ??
        // Hand-written files the strict reader rejects still count when their front matter names the commit.
        (await findIncidentForCommit(top, full))?.path;
      if (!incidentPath && !print) {
        const subject = await commitSubjectOf(top, full);
        incidentPath = (await store.create({ title: `Checklist after ${full.slice(0, 7)} ${subject}`.slice(0, 120), culprits: [full] })).relativePath;
        createdIncident = true;
      }
    }
  }
  const area = args.options.get('area') ?? checklistArea(files);
  const linkBase = await blobBase(top);
  const plan = await planChecklist(top, {
    area,
    ...(incidentPath ? { incidentPath } : {}),
    ...(linkBase ? { linkBase } : {}),
    ...(category ? { category: category as CauseCategory } : {}),
    ...(lesson ? { lesson } : {}),
  });
  if (print) {
    if (!standalone && !incidentPath) io.stdout(`# no incident names ${full.slice(0, 7)}; without --print one would be created and linked\n`);
    io.stdout(`# ${terminalText(plan.path)}${plan.added.length === 0 ? ' (no new items)' : ''}\n${terminalBlock(plan.content)}`);
    return EXIT_OK;
  }
  if (createdIncident) io.stdout(`No incident named ${full.slice(0, 7)}; created ${incidentPath} for the items to link to\n`);
  await writeChecklist(top, plan);
  io.stdout(plan.added.length === 0 ? `${plan.path} already has these items\n` : `${plan.created ? 'Created' : 'Updated'} ${plan.path}: ${plan.added.length} item(s) added\n`);
  return EXIT_OK;
}

/** `--incident` must name an incident file the tools read (in the incidents folder, parseable). */
async function validIncident(store: IncidentStore, given: string): Promise<string> {
  try {
    return (await store.load(given)).relativePath;
  } catch (err) {
    // A hand-written incident the strict reader rejects is still an incident when it sits in the folder.
    const lenient = await readIncidentInfo(store.repoRoot, given).catch(() => undefined);
    if (lenient && lenient.path.startsWith(`${store.folder}/`) && lenient.path.endsWith('.md')) return lenient.path;
    throw new UsageError(`--incident ${given} is not an incident file in ${store.folder}/ (${err instanceof Error ? err.message : String(err)}); run \`own-it incidents\` to list them`);
  }
}
