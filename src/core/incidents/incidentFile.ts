/**
 * Pure conversion between an incident file's text and the Incident model.
 *
 * File layout: YAML front matter for machine fields, then Markdown with one `## ` section per
 * prose field. `serializeIncident(next, original)` edits the original text in place — only the
 * front matter keys and sections whose values changed are rewritten — so comments, unknown keys,
 * extra sections and formatting survive, and an unchanged incident yields the original bytes.
 */
import { randomBytes } from 'node:crypto';
import { Document, isScalar, type Node } from 'yaml';
import { IncidentFileError } from './errors';
import { applyChanges, deepEqual, FrontMatterReader, mapFields, splitFrontMatter, type PlainValue } from './frontMatter';
import { renderActions, renderTimeline } from './generatedSections';
import { detectEol, headingKey, joinSections, renderContent, sectionValue, splitSections, withTrailingBlankLine, type SplitBody } from './markdownBody';
import {
  ACTION_KINDS,
  INCIDENT_STATUSES,
  SEVERITIES,
  ACTION_ID_PATTERN,
  ISSUE_URL_PATTERN,
  type ActionItem,
  type Incident,
  type IncidentSections,
  type Lessons,
  type TimelineEvent,
  type TimelineSource,
} from './model';

const TIMELINE_SOURCES: readonly TimelineSource[] = ['manual', 'git', 'deploy', 'own-it'];

type ProseKey = Exclude<keyof IncidentSections, 'lessons'>;
type SectionId = ProseKey | 'lessons' | 'timeline' | 'actions';

/** Canonical headings, in the order a new file has them. */
const SECTION_HEADINGS: [SectionId, string][] = [
  ['whatHappened', 'What happened'],
  ['impact', 'Impact'],
  ['timeline', 'Timeline'],
  ['rootCause', 'Root cause and contributing factors'],
  ['actions', 'Action items'],
  ['lessons', 'Lessons'],
  ['teamUpdate', 'Team update'],
];
const LESSON_HEADINGS: [keyof Lessons, string][] = [
  ['wentWell', 'What went well'],
  ['wentWrong', 'What went wrong'],
  ['gotLucky', 'Where we got lucky'],
];

/** Heading spellings people actually write, mapped to the section they mean. */
const SECTION_ALIASES: Record<string, SectionId> = {
  'what happened': 'whatHappened',
  summary: 'whatHappened',
  impact: 'impact',
  timeline: 'timeline',
  'root cause and contributing factors': 'rootCause',
  'root cause': 'rootCause',
  'root causes': 'rootCause',
  'action items': 'actions',
  actions: 'actions',
  lessons: 'lessons',
  'lessons learned': 'lessons',
  'team update': 'teamUpdate',
};
const LESSON_ALIASES: Record<string, keyof Lessons> = {
  'what went well': 'wentWell',
  'what went wrong': 'wentWrong',
  'where we got lucky': 'gotLucky',
  'where we were lucky': 'gotLucky',
  'got lucky': 'gotLucky',
};

export function emptySections(): IncidentSections {
  return { whatHappened: '', impact: '', rootCause: '', lessons: { wentWell: '', wentWrong: '', gotLucky: '' }, teamUpdate: '' };
}

/** `INC-YYYYMMDD-xxxx`: sortable by day, random enough that two people on one day do not collide. */
export function newIncidentId(now: Date = new Date()): string {
  return `INC-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(2).toString('hex')}`;
}

/** What a caller knows when opening an incident; everything but the title has a default. */
export type IncidentDraft = Partial<Omit<Incident, 'sections'>> & {
  title: string;
  sections?: Partial<Omit<IncidentSections, 'lessons'>> & { lessons?: Partial<Lessons> };
};

/** A new incident with defaults (open, sev3, detected now), overridden by `draft`. */
export function newIncident(draft: IncidentDraft, now: Date = new Date()): Incident {
  return {
    id: draft.id ?? newIncidentId(now),
    title: draft.title,
    status: draft.status ?? 'open',
    severity: draft.severity ?? 'sev3',
    detected: draft.detected ?? now.toISOString(),
    ...(draft.resolved !== undefined ? { resolved: draft.resolved } : {}),
    culprits: [...(draft.culprits ?? [])],
    ...(draft.revert !== undefined ? { revert: draft.revert } : {}),
    deployRefs: [...(draft.deployRefs ?? [])],
    actions: (draft.actions ?? []).map((a) => ({ ...a })),
    events: (draft.events ?? []).map((e) => ({ ...e })),
    sections: { ...emptySections(), ...draft.sections, lessons: { ...emptySections().lessons, ...draft.sections?.lessons } },
  };
}

/** Parses an incident file. Throws IncidentFileError naming `fileName` and the line of every problem. */
export function parseIncident(text: string, fileName: string): Incident {
  const split = splitFrontMatter(text);
  if (!split) {
    const message = /^\uFEFF?---[ \t]*\r?\n/.test(text)
      ? 'the front matter is not closed: add a line with --- after the YAML fields'
      : 'missing YAML front matter: an incident file starts with a line --- followed by its fields';
    throw new IncidentFileError(fileName, [{ line: 1, message }]);
  }
  const r = new FrontMatterReader(split.yaml, split.yamlFirstLine);
  if (!r.ok) throw new IncidentFileError(fileName, r.problems);

  const incident: Partial<Incident> = {
    id: r.string('id', true),
    title: r.string('title', true),
    status: r.oneOf('status', INCIDENT_STATUSES),
    severity: r.oneOf('severity', SEVERITIES),
    detected: r.timestamp('detected', true),
    resolved: r.timestamp('resolved', false),
    culprits: r.stringList('culprits'),
    revert: r.string('revert', false),
    deployRefs: r.stringList('deployRefs'),
    actions: r.seq('actions').flatMap((node, i) => readAction(r, node, `actions[${i}]`)),
    events: r.seq('events').flatMap((node, i) => readEvent(r, node, `events[${i}]`)),
    sections: readSections(split.body),
  };
  if (!r.ok) throw new IncidentFileError(fileName, r.problems);
  if (incident.resolved === undefined) delete incident.resolved;
  if (incident.revert === undefined) delete incident.revert;
  return incident as Incident;
}

function readAction(r: FrontMatterReader, node: Node, label: string): ActionItem[] {
  const f = mapFields(r, node, label);
  if (!f) return [];
  const before = r.problems.length;
  const text = str(r, f, 'text', label);
  if (text === undefined && !f.has('text')) r.problem(node, `${label} is missing text`);
  const item: ActionItem = { text: text ?? '', done: false, kind: 'other' };
  const id = str(r, f, 'id', label);
  if (id !== undefined) {
    if (ACTION_ID_PATTERN.test(id)) item.id = id;
    else r.problem(f.get('id'), `${label}.id must be letters, digits, - or _ (at most 40), like a1`);
  }
  const owner = str(r, f, 'owner', label);
  if (owner !== undefined) item.owner = owner;
  const due = str(r, f, 'due', label);
  if (due !== undefined) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(due)) item.due = due;
    else r.problem(f.get('due'), `${label}.due must be a date like 2026-01-31`);
  }
  const added = str(r, f, 'added', label);
  if (added !== undefined) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(added)) item.added = added;
    else r.problem(f.get('added'), `${label}.added must be a date like 2026-01-31`);
  }
  const done = f.get('done');
  if (done) {
    if (isScalar(done) && typeof done.value === 'boolean') item.done = done.value;
    else r.problem(done, `${label}.done must be true or false`);
  }
  const kind = str(r, f, 'kind', label);
  if (kind !== undefined) {
    if ((ACTION_KINDS as readonly string[]).includes(kind)) item.kind = kind as ActionItem['kind'];
    else r.problem(f.get('kind'), `${label}.kind must be one of ${ACTION_KINDS.join(', ')}`);
  }
  const filePath = str(r, f, 'path', label);
  if (filePath !== undefined) {
    // Linked files are opened by the extension, so they must stay inside the repository.
    if (/^([\\/]|[a-zA-Z]:)/.test(filePath) || filePath.split(/[\\/]/).includes('..')) {
      r.problem(f.get('path'), `${label}.path must be relative to the repository root, without ..`);
    } else item.path = filePath;
  }
  const issue = str(r, f, 'issue', label);
  if (issue !== undefined) {
    if (ISSUE_URL_PATTERN.test(issue)) item.issue = issue;
    else r.problem(f.get('issue'), `${label}.issue must be an issue URL like https://github.com/owner/repo/issues/12`);
  }
  return r.problems.length === before ? [item] : [];
}

function readEvent(r: FrontMatterReader, node: Node, label: string): TimelineEvent[] {
  const f = mapFields(r, node, label);
  if (!f) return [];
  const before = r.problems.length;
  const at = str(r, f, 'at', label);
  if (at === undefined && !f.has('at')) r.problem(node, `${label} is missing at (a date and time)`);
  else if (at !== undefined && Number.isNaN(Date.parse(at))) r.problem(f.get('at'), `${label}.at must be a date and time like 2026-01-05T09:30:00Z`);
  const text = str(r, f, 'text', label);
  if (text === undefined && !f.has('text')) r.problem(node, `${label} is missing text`);
  const source = str(r, f, 'source', label) ?? 'manual';
  if (!(TIMELINE_SOURCES as readonly string[]).includes(source)) r.problem(f.get('source'), `${label}.source must be one of ${TIMELINE_SOURCES.join(', ')}`);
  return r.problems.length === before ? [{ at: at ?? '', text: text ?? '', source: source as TimelineSource }] : [];
}

function str(r: FrontMatterReader, f: Map<string, Node>, key: string, label: string): string | undefined {
  const node = f.get(key);
  return node ? r.scalarString(node, `${label}.${key}`) : undefined;
}

function sectionId(heading: string): SectionId | undefined {
  return SECTION_ALIASES[headingKey(heading)];
}

/** The prose sections of a Markdown body (also used by the listing fast path, listingParser.ts). */
export function readSections(body: string): IncidentSections {
  const sections = emptySections();
  const seen = new Set<SectionId>();
  for (const s of splitSections(body, 2).sections) {
    const id = sectionId(s.heading);
    // The first section of a kind is the one the model edits; later duplicates are kept as prose.
    if (!id || seen.has(id)) continue;
    seen.add(id);
    if (id === 'lessons') sections.lessons = readLessons(s.content);
    else if (id !== 'timeline' && id !== 'actions') sections[id] = sectionValue(s.content);
  }
  return sections;
}

function readLessons(content: string): Lessons {
  const lessons = emptySections().lessons;
  const seen = new Set<keyof Lessons>();
  for (const s of splitSections(content, 3).sections) {
    const key = LESSON_ALIASES[headingKey(s.heading)];
    if (!key || seen.has(key)) continue;
    seen.add(key);
    lessons[key] = sectionValue(s.content);
  }
  return lessons;
}

/** The front matter fields as plain data, in the key order a new file uses. */
function frontMatterData(incident: Incident): { [key: string]: PlainValue } {
  const data: { [key: string]: PlainValue } = {
    id: incident.id,
    title: incident.title,
    status: incident.status,
    severity: incident.severity,
    detected: incident.detected,
    resolved: incident.resolved,
    culprits: [...incident.culprits],
    revert: incident.revert,
    deployRefs: [...incident.deployRefs],
    actions: incident.actions.map((a) => ({ id: a.id, text: a.text, owner: a.owner, due: a.due, done: a.done, kind: a.kind, path: a.path, issue: a.issue, added: a.added })),
    events: incident.events.map((e) => ({ at: e.at, text: e.text, source: e.source })),
  };
  return JSON.parse(JSON.stringify(data)) as { [key: string]: PlainValue }; // drops undefined keys
}

function sectionText(id: SectionId, incident: Incident, eol: string): string {
  if (id === 'timeline') return renderTimeline(incident).replace(/\n/g, eol);
  if (id === 'actions') return renderActions(incident).replace(/\n/g, eol);
  if (id === 'lessons') {
    const l = incident.sections.lessons;
    return LESSON_HEADINGS.map(([key, heading], i) => `### ${heading}${eol}${renderContent(l[key], i === LESSON_HEADINGS.length - 1, eol)}`).join('');
  }
  return incident.sections[id];
}

/** Serializes `next`. With `original` (the text it was loaded from), edits that text minimally. */
export function serializeIncident(next: Incident, original?: string): string {
  if (original === undefined) return freshFile(next);
  const before = parseIncident(original, 'original');
  const split = splitFrontMatter(original);
  if (!split) throw new Error('unreachable: parseIncident accepted a file without front matter');
  const eol = detectEol(original);

  let yaml = split.yaml;
  const oldData = frontMatterData(before);
  const newData = frontMatterData(next);
  if (!deepEqual(oldData, newData)) {
    const doc = new FrontMatterReader(split.yaml, split.yamlFirstLine).doc;
    applyChanges(doc, [], oldData, newData);
    yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
    if (eol !== '\n') yaml = yaml.replace(/\r?\n/g, eol);
  }
  const body = splitSections(split.body, 2);
  if (before.title !== next.title) body.preamble = replaceTitleLine(body.preamble, before.title, next.title);
  for (const [id, heading] of SECTION_HEADINGS) {
    if (id === 'lessons') updateLessons(body, before.sections.lessons, next.sections.lessons, eol);
    else if (id === 'timeline' || id === 'actions' || before.sections[id] !== next.sections[id]) {
      const oldText = sectionText(id, before, eol);
      const newText = sectionText(id, next, eol);
      if (oldText !== newText) setSection(body, id, heading, newText, eol);
    }
  }
  return split.open + yaml + split.close + joinSections(body);
}

function freshFile(incident: Incident): string {
  const yaml = new Document(frontMatterData(incident)).toString({ lineWidth: 0 });
  const sections = SECTION_HEADINGS.map(([id, heading], i) => {
    const text = sectionText(id, incident, '\n');
    const isLast = i === SECTION_HEADINGS.length - 1;
    return `## ${heading}\n${id === 'lessons' ? `\n${text}${isLast ? '' : '\n'}` : renderContent(text, isLast, '\n')}`;
  });
  return `---\n${yaml}---\n\n# ${incident.title.replace(/\s*\r?\n\s*/g, ' ')}\n\n${sections.join('')}`;
}

function replaceTitleLine(preamble: string, oldTitle: string, newTitle: string): string {
  const lines = preamble.split('\n');
  const i = lines.findIndex((l) => l.replace(/\r$/, '') === `# ${oldTitle}`);
  if (i < 0) return preamble; // the person rewrote the heading; theirs wins
  lines[i] = `# ${newTitle.replace(/\s*\r?\n\s*/g, ' ')}${lines[i].endsWith('\r') ? '\r' : ''}`;
  return lines.join('\n');
}

function findSection(body: SplitBody, id: SectionId): number {
  return body.sections.findIndex((s) => sectionId(s.heading) === id);
}

function setSection(body: SplitBody, id: SectionId, heading: string, text: string, eol: string): void {
  const index = findSection(body, id);
  if (index >= 0) {
    const isLast = index === body.sections.length - 1;
    body.sections[index].content = id === 'lessons' ? `${eol}${text}${isLast ? '' : eol}` : renderContent(text, isLast, eol);
    return;
  }
  appendSection(body, `## ${heading}${eol}`, id === 'lessons' ? `${eol}${text}` : renderContent(text, true, eol), eol);
}

function appendSection(body: SplitBody, headingLine: string, content: string, eol: string): void {
  const last = body.sections[body.sections.length - 1];
  if (last) last.content = withTrailingBlankLine(last.content === '' ? eol : last.content, eol);
  else body.preamble = withTrailingBlankLine(body.preamble, eol);
  body.sections.push({ heading: headingLine.replace(/^#+\s*|\s+$/g, ''), headingLine, content });
}

function updateLessons(body: SplitBody, before: Lessons, after: Lessons, eol: string): void {
  if (LESSON_HEADINGS.every(([key]) => before[key] === after[key])) return;
  const index = findSection(body, 'lessons');
  if (index < 0) {
    const lessonsOnly = { ...newIncident({ title: '' }), sections: { ...emptySections(), lessons: after } };
    setSection(body, 'lessons', 'Lessons', sectionText('lessons', lessonsOnly, eol), eol);
    return;
  }
  const section = body.sections[index];
  const sub = splitSections(section.content, 3);
  for (const [key, heading] of LESSON_HEADINGS) {
    if (before[key] === after[key]) continue;
    const i = sub.sections.findIndex((s) => LESSON_ALIASES[headingKey(s.heading)] === key);
    if (i >= 0) sub.sections[i].content = renderContent(after[key], i === sub.sections.length - 1 && index === body.sections.length - 1, eol);
    else appendSection(sub, `### ${heading}${eol}`, renderContent(after[key], index === body.sections.length - 1, eol), eol);
  }
  section.content = joinSections(sub);
  if (index < body.sections.length - 1 && !/(\r?\n){2}$/.test(section.content)) section.content = withTrailingBlankLine(section.content, eol);
}
