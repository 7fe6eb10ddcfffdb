/**
 * `own-it incidents [path] [--json] [--folder <dir>]`: lists incident files and their status.
 * Exit codes: 0 all files read, 1 some file is malformed (reported on stderr as file:line),
 * 2 usage, 3 not a git work tree.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { UnsafeFolderError } from '../core/fs/safeFolder';
import { GitUnavailableError } from '../core/git/errors';
import { execOk } from '../core/git/runner';
import { DEFAULT_INCIDENTS_FOLDER, IncidentStore, type StoredIncident } from '../core/incidents/incidentStore';
import { parseArgs, UsageError } from './args';
import { EXIT_FAILURE, EXIT_NOT_A_REPO, EXIT_OK, EXIT_USAGE, jsonText, terminalText, textTable } from './output';

export const INCIDENTS_USAGE = `Usage: own-it incidents [path] [--json] [--folder <dir>]

Lists the incident files of the repository containing [path] (default: the current folder).
  --json           one JSON object per line instead of a table
  --folder <dir>   incidents folder relative to the repository root (default: ${DEFAULT_INCIDENTS_FOLDER})
`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** The work tree root containing `dir`, or a sentence saying why there is none. */
export async function findWorkTree(dir: string): Promise<{ root: string } | { error: string; gitMissing?: boolean }> {
  const git = async (...args: string[]): Promise<string> => (await execOk({ binary: 'git', cwd: dir }, args)).trim();
  try {
    if ((await git('rev-parse', '--is-bare-repository')) === 'true') {
      return { error: `${dir} is a bare git repository: it has no work tree, so it has no incident files` };
    }
  } catch (err) {
    if (err instanceof GitUnavailableError) {
      // Starting a process says ENOENT both for a missing git and for a missing cwd: tell them apart.
      if (!existsSync(dir)) return { error: `${dir} does not exist` };
      return { error: 'git was not found on PATH; install git to list incidents (Own It needs it to find the repository root)', gitMissing: true };
    }
    return { error: `${dir} is not inside a git repository` };
  }
  try {
    return { root: await git('rev-parse', '--show-toplevel') };
  } catch {
    return { error: `${dir} is not inside a git work tree (is it the .git folder?)` };
  }
}

function openActions(s: StoredIncident): number {
  return s.incident.actions.filter((a) => !a.done).length;
}

function jsonLine(s: StoredIncident): string {
  const i = s.incident;
  return jsonText({
    path: s.relativePath,
    id: i.id,
    title: i.title,
    status: i.status,
    severity: i.severity,
    detected: i.detected,
    ...(i.resolved !== undefined ? { resolved: i.resolved } : {}),
    culprits: i.culprits,
    ...(i.revert !== undefined ? { revert: i.revert } : {}),
    openActions: openActions(s),
  });
}

function table(incidents: StoredIncident[]): string {
  const header = ['DATE', 'STATUS', 'SEVERITY', 'TITLE', 'FILE'];
  const rows = incidents.map((s) => [s.incident.detected.slice(0, 10), s.incident.status, s.incident.severity, s.incident.title, s.relativePath]);
  // Titles and file names come from the repository: the CLI frame's table sanitizes every cell.
  return `${textTable(header, rows).join('\n')}\n`;
}

export async function runIncidents(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(INCIDENTS_USAGE);
    return EXIT_OK;
  }
  let args: { path: string; json: boolean; folder: string };
  try {
    const parsed = parseArgs(argv, { flags: ['json'], options: ['folder'], maxPositionals: 1 });
    args = { path: parsed.positionals[0] ?? '.', json: parsed.flags.has('json'), folder: parsed.options.get('folder') ?? DEFAULT_INCIDENTS_FOLDER };
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`own-it incidents: ${err.message}\n\n${INCIDENTS_USAGE}`);
    return EXIT_USAGE;
  }
  const tree = await findWorkTree(path.resolve(args.path));
  if ('error' in tree) {
    io.stderr(`own-it incidents: ${tree.error}\n`);
    return tree.gitMissing ? EXIT_FAILURE : EXIT_NOT_A_REPO;
  }
  let store: IncidentStore;
  try {
    store = new IncidentStore(tree.root, args.folder);
  } catch (err) {
    io.stderr(`own-it incidents: ${(err as Error).message}\n`);
    return EXIT_USAGE;
  }
  let result: Awaited<ReturnType<IncidentStore['list']>>;
  try {
    result = await store.list();
  } catch (err) {
    io.stderr(`own-it incidents: ${err instanceof UnsafeFolderError ? err.message : `cannot read ${store.folder}: ${(err as Error).message}`}\n`);
    return EXIT_FAILURE;
  }
  const { incidents, errors } = result;
  if (args.json) {
    for (const s of incidents) io.stdout(jsonLine(s) + '\n');
  } else if (incidents.length > 0) {
    io.stdout(table(incidents));
  } else if (errors.length === 0) {
    io.stdout(`No incidents in ${store.folder}.\n`);
  }
  for (const e of errors) {
    for (const p of e.problems) io.stderr(`${terminalText(e.file)}:${p.line}: ${terminalText(p.message)}\n`);
  }
  return errors.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
