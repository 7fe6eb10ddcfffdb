import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { readRepoText } from '../fs/repoFiles';
import { createExclusive, replaceAtomic } from './safeWrite';

/** Causes a unit test cannot catch; each brings a few concrete review items. */
export type CauseCategory = 'config' | 'deploy' | 'migration' | 'dependency' | 'capacity' | 'process';
export const CAUSE_CATEGORIES: readonly CauseCategory[] = ['config', 'deploy', 'migration', 'dependency', 'capacity', 'process'];

export const CATEGORY_ITEMS: Record<CauseCategory, readonly string[]> = {
  config: [
    'Config changes were validated against the schema for every environment (dev, staging, production)',
    'New or renamed settings have safe defaults and are set in every environment before the code that reads them ships',
  ],
  deploy: [
    'The rollback path was tested: the previous version can be redeployed without manual steps',
    'The change is behind a flag or rolled out gradually, with a health check watched during rollout',
  ],
  migration: [
    'The data migration is backward compatible: old and new code both run against the migrated schema',
    'The migration was run on a production-sized copy and its duration and locks were checked',
  ],
  dependency: [
    'Dependency upgrades were checked against the changelog for breaking changes, and the lockfile diff was reviewed',
    'Transitive dependency changes were reviewed and pinned where the change is risky',
  ],
  capacity: [
    'Load and resource use (CPU, memory, connections, quotas) were estimated for peak traffic',
    'Alerts exist for the resource this change consumes, before it runs out',
  ],
  process: [
    'A second reviewer who knows this area approved the change',
    'The release notes say what changed and who to contact if it misbehaves',
  ],
};

export interface ChecklistRequest {
  /** Repository-relative path of the incident the items link back to; without one the items carry no link. */
  incidentPath?: string;
  /** Absolute blob URL prefix of the repository (see `blobBase`): links in a PR template then resolve in the rendered PR. */
  linkBase?: string;
  category?: CauseCategory;
  /** The person's own lesson, added as an item too. */
  lesson?: string;
  /** Used for `docs/checklists/<area>.md` when the repository has no pull request template. */
  area?: string;
}

export interface ChecklistPlan {
  /** Repository-relative path of the file to write. */
  path: string;
  /** Its full new content (unchanged when nothing was added). */
  content: string;
  /** The items added (without the incident link); empty when all were already there. */
  added: string[];
  /** True when the file does not exist yet. */
  created: boolean;
}

const TEMPLATE_FILES = ['.github/pull_request_template.md', '.github/PULL_REQUEST_TEMPLATE.md', 'docs/pull_request_template.md', 'pull_request_template.md'];
const SECTION_RE = /^(#{1,6})\s+(?:own it checklist|checklist)\s*#*\s*$/i;

/**
 * A template or checklist through repoFiles: missing gives undefined; a symlink out of the
 * repository (`-> ../.git/config`), a FIFO or a device throws an error that says so.
 */
function readMaybe(repoRoot: string, rel: string): Promise<string | undefined> {
  return readRepoText(repoRoot, rel);
}

/** A Markdown link target that cannot end the link or start markup, whatever the file is called. */
function linkTarget(rel: string): string {
  return encodeURI(rel).replace(/[()[\]<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The repository's pull request template, if it has one (a template folder yields default.md or its first file). */
export async function findPullRequestTemplate(repoRoot: string): Promise<string | undefined> {
  for (const rel of TEMPLATE_FILES) {
    if ((await fs.lstat(path.join(repoRoot, rel)).catch(() => undefined)) !== undefined) return rel;
  }
  const folder = '.github/PULL_REQUEST_TEMPLATE';
  try {
    const names = (await fs.readdir(path.join(repoRoot, folder))).filter((n) => n.toLowerCase().endsWith('.md')).sort();
    const pick = names.find((n) => n.toLowerCase() === 'default.md') ?? names[0];
    return pick ? `${folder}/${pick}` : undefined;
  } catch {
    return undefined;
  }
}

/** Comparable form of an item: no checkbox, no incident link, case and spacing folded. */
export function normaliseItem(text: string): string {
  return text
    .replace(/^\s*[-*+]\s+(\[[ xX]\]\s+)?/, '')
    .replace(/\s*\(\[incident\]\([^)]*\)\)\s*$/i, '')
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[.;:!]+$/, '')
    .trim()
    .toLowerCase();
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'general';
}

/**
 * Plans checklist items for an incident: the category's items plus the lesson, each linking to the
 * incident, under an "Own It checklist" (or existing "Checklist") section of the PR template or of
 * `docs/checklists/<area>.md`. Idempotent, and keeps line endings and the trailing newline as they were.
 */
export async function planChecklist(repoRoot: string, req: ChecklistRequest): Promise<ChecklistPlan> {
  const items = [...(req.category ? CATEGORY_ITEMS[req.category] : []), ...(req.lesson?.trim() ? [req.lesson.replace(/\s+/g, ' ').trim()] : [])];
  if (items.length === 0) throw new Error('nothing to add: give a cause category or a lesson');
  const template = await findPullRequestTemplate(repoRoot);
  const rel = template ?? `docs/checklists/${slug(req.area ?? 'general')}.md`;
  const existing = await readMaybe(repoRoot, rel);
  const incidentRel = req.incidentPath?.replace(/\\/g, '/').replace(/^\.\//, '');
  const link =
    incidentRel === undefined
      ? undefined
      : linkTarget(template && req.linkBase ? `${req.linkBase}/${incidentRel}` : path.posix.relative(path.posix.dirname(rel), incidentRel));
  const created = existing === undefined;
  const original = existing ?? `# ${titleCase(req.area ?? 'general')} checklist\n\nItems added after incidents, so the same thing cannot happen again.\n`;
  const eol = /\r\n/.test(original) ? '\r\n' : '\n';
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = bom ? original.slice(1) : original;
  const endsWithNewline = /\n$/.test(text) || created;
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '' && /\n$/.test(text)) lines.pop();
  const have = new Set(lines.filter((l) => /^\s*[-*+]\s+/.test(l)).map(normaliseItem));
  const added: string[] = [];
  for (const item of items) {
    const key = normaliseItem(item);
    if (have.has(key)) continue;
    have.add(key);
    added.push(item);
  }
  if (added.length === 0) return { path: rel, content: original, added, created };
  const newLines = added.map((i) => `- [ ] ${i}${link ? ` ([incident](${link}))` : ''}`);
  insertIntoSection(lines, newLines);
  const content = bom + lines.join(eol) + (endsWithNewline ? eol : '');
  return { path: rel, content, added, created };
}

/** Appends after the last non-blank line of the checklist section, creating the section at the end if missing. */
function insertIntoSection(lines: string[], newLines: string[]): void {
  const start = lines.findIndex((l) => SECTION_RE.test(l));
  if (start < 0) {
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    if (lines.length > 0) lines.push('');
    lines.push('## Own It checklist', '', ...newLines);
    return;
  }
  const level = (SECTION_RE.exec(lines[start]) ?? ['', '##'])[1].length;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const h = /^(#{1,6})\s/.exec(lines[i]);
    if (h && h[1].length <= level) {
      end = i;
      break;
    }
  }
  let last = end - 1;
  while (last > start && lines[last].trim() === '') last--;
  if (last === start) {
    lines.splice(start + 1, 0, '', ...newLines, ...(end < lines.length ? [''] : []));
    return;
  }
  lines.splice(last + 1, 0, ...newLines);
}

function titleCase(s: string): string {
  return s.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}

/** Writes a checklist plan: creates the file exclusively, or replaces it atomically. */
export async function writeChecklist(repoRoot: string, plan: ChecklistPlan): Promise<void> {
  if (plan.added.length === 0) return;
  if (plan.created) await createExclusive(repoRoot, plan.path, plan.content);
  else await replaceAtomic(repoRoot, plan.path, plan.content);
}
