import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The little a scaffold needs from an incident file: its title, what happened, and the commits it names. */
export interface IncidentInfo {
  /** Repository-relative path, forward slashes. */
  path: string;
  title?: string;
  whatHappened?: string;
  culprits: string[];
  revert?: string;
}

function frontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) return { data: {}, body: text };
  try {
    const data = parseYaml(m[1]) as unknown;
    return { data: data && typeof data === 'object' ? (data as Record<string, unknown>) : {}, body: m[2] };
  } catch {
    return { data: {}, body: m[2] };
  }
}

/** Reads an incident file; `incidentPath` may be repository-relative or absolute. Undefined when unreadable. */
export async function readIncidentInfo(repoRoot: string, incidentPath: string): Promise<IncidentInfo | undefined> {
  const abs = path.resolve(repoRoot, incidentPath);
  let text: string;
  try {
    text = await fs.readFile(abs, 'utf8');
  } catch {
    return undefined;
  }
  const { data, body } = frontMatter(text);
  const section = /^##\s+What happened\s*$([\s\S]*?)(?=^##\s|(?![\s\S]))/im.exec(body)?.[1];
  const firstParagraph = section
    ?.split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, ' ').trim())
    .find((p) => p.length > 0);
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    path: path.relative(repoRoot, abs).split(path.sep).join('/'),
    ...(typeof data.title === 'string' ? { title: data.title } : {}),
    ...(firstParagraph ? { whatHappened: firstParagraph } : {}),
    culprits: strings(data.culprits),
    ...(typeof data.revert === 'string' ? { revert: data.revert } : {}),
  };
}

/** The incident in `folder` whose culprits or revert name `sha` (full or abbreviated), if any. */
export async function findIncidentForCommit(repoRoot: string, sha: string, folder = 'docs/incidents'): Promise<IncidentInfo | undefined> {
  let names: string[];
  try {
    names = (await fs.readdir(path.join(repoRoot, folder))).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return undefined;
  }
  const matches = (s: string): boolean => s.length >= 7 && (s.startsWith(sha) || sha.startsWith(s));
  for (const n of names) {
    const info = await readIncidentInfo(repoRoot, path.join(folder, n));
    if (info && (info.culprits.some(matches) || (info.revert !== undefined && matches(info.revert)))) return info;
  }
  return undefined;
}
