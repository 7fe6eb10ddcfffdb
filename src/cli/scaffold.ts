import * as path from 'node:path';
import {
  CAUSE_CATEGORIES,
  changedSymbols,
  findIncidentForCommit,
  isTestFile,
  NothingToTestError,
  NotAGitRepositoryError,
  OutsideRepositoryError,
  planChecklist,
  planTestScaffold,
  UnknownCommitError,
  writeChecklist,
  writeScaffold,
  type CauseCategory,
  type TestStyle,
} from '../core/scaffold';
import { parseArgs, UsageError } from './args';
import { EXIT_FAILURE, EXIT_NOT_A_REPO, EXIT_OK, EXIT_USAGE } from './exitCodes';

/** The planned file existed and so did the sibling chosen for it by the time we wrote (a race). */
export const EXIT_EXISTS = 4;

export const SCAFFOLD_USAGE = `Usage:
  own-it scaffold test <sha> [--repo <path>] [--incident <path>] [--style failing|skipped] [--file <path>] [--symbol <name>] [--print]
  own-it scaffold checklist <sha> [--item "<lesson>"] [--category ${CAUSE_CATEGORIES.join('|')}] [--area <name>] [--repo <path>] [--incident <path>] [--print]

<sha> is the culprit commit (for a revert, the commit it reverted). --print writes nothing and shows the path and content.
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
    if (err instanceof UnknownCommitError || err instanceof NothingToTestError || err instanceof OutsideRepositoryError) {
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
  const args = parseArgs(argv, { flags: ['print'], options: ['repo', 'incident', 'style', 'file', 'symbol'], maxPositionals: 1 });
  const sha = oneSha(args.positionals);
  const style = args.options.get('style') ?? 'failing';
  if (style !== 'failing' && style !== 'skipped') throw new UsageError(`--style must be failing or skipped, got "${style}"`);
  const repo = path.resolve(args.options.get('repo') ?? '.');
  const incidentPath = args.options.get('incident') ?? (await findIncidentForCommit(repo, sha))?.path;
  const plan = await planTestScaffold(repo, sha, {
    testStyle: style as TestStyle,
    ...(incidentPath ? { incidentPath } : {}),
    ...(args.options.has('file') ? { file: args.options.get('file') } : {}),
    ...(args.options.has('symbol') ? { symbol: args.options.get('symbol') } : {}),
  });
  const chosen = plan.exists && plan.alternative ? plan.alternative : plan;
  const about = `${plan.framework.framework} (${plan.framework.evidence}) for ${plan.target.symbol?.name ?? plan.target.file}`;
  if (args.flags.has('print')) {
    if (plan.exists) io.stdout(`# ${plan.path} exists; would create ${chosen.path}\n`);
    io.stdout(`# ${chosen.path} — ${about}\n${chosen.content}`);
    return EXIT_OK;
  }
  try {
    const written = await writeScaffold(repo, plan);
    io.stdout(plan.exists ? `${plan.path} exists; created sibling ${written} — ${about}\n` : `Created ${written} — ${about}\n`);
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
  const args = parseArgs(argv, { flags: ['print'], options: ['repo', 'incident', 'item', 'category', 'area'], maxPositionals: 1 });
  const sha = oneSha(args.positionals);
  const category = args.options.get('category');
  if (category !== undefined && !CAUSE_CATEGORIES.includes(category as CauseCategory)) {
    throw new UsageError(`--category must be one of ${CAUSE_CATEGORIES.join(', ')}, got "${category}"`);
  }
  const lesson = args.options.get('item');
  if (!lesson && !category) throw new UsageError('give --item "<lesson>" or --category <category>');
  const repo = path.resolve(args.options.get('repo') ?? '.');
  // Validates the repository and the commit before anything else, and names the area after what the commit touched.
  const files = await changedSymbols(repo, sha);
  const incidentPath = args.options.get('incident') ?? (await findIncidentForCommit(repo, sha))?.path;
  if (!incidentPath) throw new UsageError(`no incident in docs/incidents names ${sha}; pass --incident <path>`);
  const main = files.find((f) => !isTestFile(f.path)) ?? files[0];
  const area = args.options.get('area') ?? (main && main.path.includes('/') ? main.path.split('/')[0] : 'general');
  const plan = await planChecklist(repo, {
    incidentPath,
    area,
    ...(category ? { category: category as CauseCategory } : {}),
    ...(lesson ? { lesson } : {}),
  });
  if (args.flags.has('print')) {
    io.stdout(`# ${plan.path}${plan.added.length === 0 ? ' (no new items)' : ''}\n${plan.content}`);
    return EXIT_OK;
  }
  await writeChecklist(repo, plan);
  io.stdout(plan.added.length === 0 ? `${plan.path} already has these items\n` : `${plan.created ? 'Created' : 'Updated'} ${plan.path}: ${plan.added.length} item(s) added\n`);
  return EXIT_OK;
}
