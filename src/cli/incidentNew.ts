/**
 * `own-it incident new <commit>`: opens the incident for a commit exactly as the panel's Open
 * Incident does (same {@link prepareIncident}), so the facts it states are scriptable and testable.
 * Exit codes: 0 written (or printed, or already tracked), 1 unknown commit or unwritable folder,
 * 2 usage, 3 not a git work tree.
 */
import * as path from 'node:path';
import { factLines } from '../core/facts/factLines';
import { prepareIncident } from '../core/facts/prepareIncident';
import { UnsafeFolderError } from '../core/fs/safeFolder';
import { newIncident, serializeIncident } from '../core/incidents/incidentFile';
import { DEFAULT_INCIDENTS_FOLDER, IncidentStore } from '../core/incidents/incidentStore';
import { slugify } from '../core/incidents/slug';
import { parseArgs, UsageError } from './args';
import { findWorkTree, type CliIo } from './incidents';
import { EXIT_FAILURE, EXIT_NOT_A_REPO, EXIT_OK, EXIT_USAGE } from './output';

export const INCIDENT_NEW_USAGE = `Usage: own-it incident new <commit> [--repo <path>] [--print] [--json] [--title <symptom>] [--tag-pattern <glob>] [--folder <dir>]

Creates the incident file for <commit>, the same file the panel's Open Incident creates: for a
revert, the reverted commits are the culprits. The facts it rests on (default branch, whose
commit, pushed or local, deploy tags) are printed on stderr with the git query behind each.
  --print              write nothing; print the file on stdout
  --json               print { path, written, incident, markdown, facts } as JSON
  --title <symptom>    the symptom, used as the title (default: "<culprit subject> reverted")
  --tag-pattern <glob> deploy tags (ownIt.deploy.tagPattern; default deploy/*/*)
  --folder <dir>       incidents folder relative to the repository root (default: ${DEFAULT_INCIDENTS_FOLDER})
`;

const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ');
}

export async function runIncident(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'help' || sub === '--help' || sub === '-h') {
    io.stdout(INCIDENT_NEW_USAGE);
    return EXIT_OK;
  }
  if (sub !== 'new') {
    io.stderr(`own-it incident: ${sub ? `unknown subcommand "${sub}"` : 'missing subcommand (new)'}\n\n${INCIDENT_NEW_USAGE}`);
    return EXIT_USAGE;
  }
  let args;
  try {
    args = parseArgs(rest, { flags: ['print', 'json'], options: ['repo', 'title', 'tag-pattern', 'folder'], maxPositionals: 1 });
    if (!args.positionals[0]) throw new UsageError('missing <commit>');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`own-it incident new: ${err.message}\n\n${INCIDENT_NEW_USAGE}`);
    return EXIT_USAGE;
  }
  const commit = args.positionals[0];
  const tree = await findWorkTree(path.resolve(args.options.get('repo') ?? '.'));
  if ('error' in tree) {
    io.stderr(`own-it incident new: ${tree.error}\n`);
    return tree.gitMissing ? EXIT_FAILURE : EXIT_NOT_A_REPO;
  }
  let store: IncidentStore;
  try {
    store = new IncidentStore(tree.root, args.options.get('folder') ?? DEFAULT_INCIDENTS_FOLDER);
  } catch (err) {
    io.stderr(`own-it incident new: ${err instanceof UnsafeFolderError ? err.message : String(err)}\n`);
    return EXIT_USAGE;
  }
  if (commit.startsWith('-') || !/^[\w./@^~-]+$/.test(commit)) {
    io.stderr(`own-it incident new: "${printable(commit)}" is not a commit name\n`);
    return EXIT_USAGE;
  }
  const symptom = args.options.get('title');
  const tagPattern = args.options.get('tag-pattern');
  let prepared;
  try {
    prepared = await prepareIncident(tree.root, { sha: commit }, { ...(symptom ? { symptom } : {}), ...(tagPattern ? { tagPattern } : {}) });
  } catch (err) {
    io.stderr(`own-it incident new: ${printable(err instanceof Error ? err.message : String(err))}\n`);
    return EXIT_FAILURE;
  }
  const { draft, facts } = prepared;
  const lines = factLines(facts);
  const existing = await store.findByCommit(prepared.detection?.sha ?? facts.culprits[0]?.details.sha ?? commit).catch(() => undefined);

  let written: string | undefined;
  let markdown: string;
  if (args.flags.has('print') || existing) {
    markdown = serializeIncident(newIncident(draft));
  } else {
    try {
      const created = await store.create(draft);
      written = created.relativePath;
      markdown = created.raw;
    } catch (err) {
      io.stderr(`own-it incident new: ${printable(err instanceof Error ? err.message : String(err))}\n`);
      return EXIT_FAILURE;
    }
  }
  const planned = written ?? existing?.relativePath ?? `${store.folder}/${draft.detected?.slice(0, 10) ?? ''}-${slugify(draft.title)}.md`;
  if (args.flags.has('json')) {
    io.stdout(`${JSON.stringify({ path: planned, written: written !== undefined, alreadyTracked: existing !== undefined, incident: newIncident(draft), markdown, facts: lines }, null, 2)}\n`);
    return EXIT_OK;
  }
  for (const l of lines) io.stderr(`${printable(l.label)}: ${printable(l.value)}   [${l.source}]\n`);
  if (existing && !args.flags.has('print')) {
    io.stderr(`An incident already tracks this commit: ${existing.relativePath}. Nothing was written.\n`);
    io.stdout(`${existing.relativePath}\n`);
    return EXIT_OK;
  }
  if (args.flags.has('print')) {
    io.stdout(printable(markdown));
    return EXIT_OK;
  }
  io.stderr(`Wrote ${written}.\n`);
  io.stdout(`${written}\n`);
  return EXIT_OK;
}
