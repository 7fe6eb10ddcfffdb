/**
 * `own-it tone [file|-] [--radius local|team|production] [--culprit <commit>] [--json] [--repo <path>]`: the tone check
 * the incident panel shows, for a team update or postmortem in a file or on stdin. Advice, not a
 * gate: a completed check exits 0 whatever the verdict (1 unreadable input, 2 usage).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ownsTheChange, readIncidentFacts } from '../core/facts/incidentFacts';
import { authorNames } from '../core/repo/repoQueries';
import type { BlastRadius } from '../core/teamUpdate/draftTeamUpdate';
import { checkTone, TONE_VERDICT_LINES, type ToneResult } from '../core/teamUpdate/toneCheck';
import { parseArgs, UsageError } from './args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './output';
import type { CliIo } from './metrics';

export const TONE_USAGE = `Usage: own-it tone [file|-] [--radius local|team|production] [--culprit <commit>] [--json] [--repo <path>]

Checks a team update or postmortem for proportion: does it own the failure, say what happened,
what was done and what stops it recurring, without grovelling or pointing at people?
  file | -          the message (a file, or - for stdin; stdin when omitted and piped)
  --radius <r>      local, team (default) or production: how far the breakage reached
  --culprit <commit> the change the message is about: owning it is asked of you only if you wrote it
                    (git's user.email against its author, as the incident panel does)
  --json            one JSON object: verdict, radius, components, flags
  --repo <path>     repository whose author names count as people (default: the current folder)
Exit code 0 for a completed check, whatever the verdict.
`;

const RADII: readonly BlastRadius[] = ['local', 'team', 'production'];
/** Stdin or a file larger than this is not a team update; refuse rather than stall. */
const MAX_INPUT_BYTES = 4 * 1024 * 1024;

const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

export interface ToneInput {
  /** Reads stdin; the default reads the process's. */
  readStdin?: () => Promise<string>;
  stdinIsTty?: boolean;
}

export async function runTone(argv: readonly string[], io: CliIo = processIo, input: ToneInput = {}): Promise<number> {
  let source: string | undefined;
  let radius: BlastRadius;
  let json: boolean;
  let repo: string;
  let culprit: string | undefined;
  try {
    const args = parseArgs(argv, { flags: ['json'], options: ['radius', 'repo', 'culprit'], maxPositionals: 1 });
    source = args.positionals[0];
    const r = args.options.get('radius') ?? 'team';
    if (!(RADII as readonly string[]).includes(r)) throw new UsageError(`option "--radius" needs local, team or production, got "${r}"`);
    radius = r as BlastRadius;
    json = args.flags.has('json');
    repo = path.resolve(args.options.get('repo') ?? '.');
    culprit = args.options.get('culprit');
    if (source === undefined && (input.stdinIsTty ?? process.stdin.isTTY)) throw new UsageError('give a file, or - to read the message from stdin');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`own-it tone: ${err.message}\n${TONE_USAGE}`);
    return EXIT_USAGE;
  }

  let text: string;
  try {
    text = source === undefined || source === '-' ? await (input.readStdin ?? readProcessStdin)() : readFileText(source);
  } catch (err) {
    io.stderr(`own-it tone: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_FAILURE;
  }
  if (!text.trim()) {
    io.stderr(`own-it tone: the message is empty; there is nothing to check\n`);
    return EXIT_USAGE;
  }
  let owns: boolean | undefined;
  if (culprit !== undefined) {
    try {
      owns = await writerOwns(repo, culprit);
    } catch (err) {
      io.stderr(`own-it tone: ${err instanceof Error ? err.message : String(err)}\n`);
      return EXIT_FAILURE;
    }
  }
  const people = await authorNames(repo);
  const result = checkTone(text, { radius, people, ...(owns !== undefined ? { ownsTheChange: owns } : {}) });
  io.stdout(json ? `${JSON.stringify(result)}\n` : formatTone(result));
  return EXIT_OK;
}

/** Whether the user wrote the culprit: the facts module's reading, the rule the panel applies. */
async function writerOwns(repo: string, culprit: string): Promise<boolean> {
  const facts = await readIncidentFacts(repo, { culprits: [culprit], deployRefs: [] });
  if (facts.culprits.length === 0) throw new Error(`--culprit: ${facts.missingCulprits[0]?.reason ?? `not a commit in ${repo}: ${culprit}`}`);
  return ownsTheChange(facts);
}

function readFileText(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new Error(`cannot read ${file}: no such file`);
  }
  if (!stat.isFile()) throw new Error(`cannot read ${file}: not a file`);
  if (stat.size > MAX_INPUT_BYTES) throw new Error(`${file} is larger than 4 MB; the tone check is for messages`);
  return fs.readFileSync(file, 'utf8');
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_INPUT_BYTES) throw new Error('stdin is larger than 4 MB; the tone check is for messages');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The human report: verdict, the six parts, then one line and one rewrite per finding. */
export function formatTone(r: ToneResult): string {
  const lines = [`Tone: ${r.verdict} (${r.radius}) — ${TONE_VERDICT_LINES[r.verdict]}`, '', 'Parts:'];
  for (const c of r.components) {
    const mark = c.present ? '✓' : c.required ? '✗' : '·';
    lines.push(`  ${mark} ${c.name}${c.required ? ' (needed)' : ''}${c.sentence ? `  "${printable(clip(c.sentence))}"` : ''}`);
  }
  lines.push('', r.flags.length === 0 ? 'Findings: none' : 'Findings:');
  for (const f of r.flags) {
    const what = f.kind === 'missing-beat' ? `missing ${f.component ?? 'part'}` : `${f.kind} "${printable(clip(f.excerpt))}"`;
    lines.push(`  - ${what}: ${f.explanation}`);
    const s = f.suggestion;
    lines.push(s.original === '' ? `    add: "${printable(s.replacement.trim())}"` : `    try: "${printable(clip(s.original))}" → "${printable(s.replacement)}"`);
  }
  return `${lines.join('\n')}\n`;
}

function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** The message is the user's, but never echo terminal control sequences. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ');
}
