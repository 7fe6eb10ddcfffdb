/**
 * Parsing for lists of incidents (the sidebar, pickers, `findByCommit`): the same result as
 * `parseIncident`, ~10× faster for files in the subset Own It writes.
 *
 * `readIncidentFast` answers only when the front matter is in the simple subset
 * (simpleFrontMatter.ts) AND every field is valid; for anything else — hand edits with comments,
 * unknown shapes, invalid values — it answers undefined and `parseIncident` reads the file,
 * so problems are reported with the full parser's messages and lines. Opening or saving an
 * incident always uses the full parser (IncidentStore.load / save).
 */
import { parseIncident, readSections } from './incidentFile';
import { splitFrontMatter } from './frontMatter';
import { ACTION_ID_PATTERN, ACTION_KINDS, ISSUE_URL_PATTERN, INCIDENT_STATUSES, SEVERITIES, type ActionItem, type Incident, type TimelineEvent, type TimelineSource } from './model';
import { readSimpleFrontMatter, type SimpleScalar, type SimpleValue } from './simpleFrontMatter';

const TIMELINE_SOURCES: readonly TimelineSource[] = ['manual', 'git', 'deploy', 'own-it'];
const DUE = /^\d{4}-\d{2}-\d{2}$/;

/** `parseIncident`, through the fast path when it can answer. Throws IncidentFileError like it. */
export function parseIncidentForListing(text: string, fileName: string): Incident {
  return readIncidentFast(text) ?? parseIncident(text, fileName);
}

/** Thrown inside the fast path when the file needs the full parser; never escapes this module. */
class NeedsFullParse extends Error {}
/** One instance: the fast path must not pay for a stack trace per fallback. */
const FULL = new NeedsFullParse('needs the full parser');

/** The incident, or undefined when only the full parser can read (or reject) this file. */
export function readIncidentFast(text: string): Incident | undefined {
  const split = splitFrontMatter(text);
  if (!split) return undefined;
  const fields = readSimpleFrontMatter(split.yaml);
  if (!fields) return undefined;
  try {
    // Same key order as parseIncident builds, so even JSON.stringify of both is identical.
    const incident: Partial<Incident> = {
      id: required(text_(fields.get('id'))),
      title: required(text_(fields.get('title'))),
      status: oneOf(fields.get('status'), INCIDENT_STATUSES),
      severity: oneOf(fields.get('severity'), SEVERITIES),
      detected: required(timestamp(fields.get('detected'))),
      resolved: timestamp(fields.get('resolved')),
      culprits: textList(fields.get('culprits')),
      revert: text_(fields.get('revert')),
      deployRefs: textList(fields.get('deployRefs')),
      actions: mapList(fields.get('actions')).map(action),
      events: mapList(fields.get('events')).map(event),
      sections: undefined,
    };
    if (incident.resolved === undefined) delete incident.resolved;
    if (incident.revert === undefined) delete incident.revert;
    return withLazySections(incident as Incident, split.body);
  } catch (err) {
    if (err === FULL) return undefined;
    throw err;
  }
}

/**
 * The body's sections are split on first read: a list of 10,000 incidents shows front-matter
 * fields, and only the few incidents whose prose is read (Insights, a deploy finding's match)
 * pay for it. An ordinary enumerable property once read, at the same key position, so
 * JSON.stringify, spreads and deep equality see the same object as parseIncident's.
 */
function withLazySections(incident: Incident, body: string): Incident {
  Object.defineProperty(incident, 'sections', {
    configurable: true,
    enumerable: true,
    get(this: Incident) {
      const sections = readSections(body);
      Object.defineProperty(this, 'sections', { value: sections, configurable: true, enumerable: true, writable: true });
      return sections;
    },
    set(this: Incident, value: Incident['sections']) {
      Object.defineProperty(this, 'sections', { value, configurable: true, enumerable: true, writable: true });
    },
  });
  return incident;
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw FULL;
  return value;
}

/** A string field; missing is undefined, anything but a string needs the full parser. */
function text_(value: SimpleValue | undefined): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw FULL;
}

function oneOf<T extends string>(value: SimpleValue | undefined, allowed: readonly T[]): T {
  const s = required(text_(value));
  if (!(allowed as readonly string[]).includes(s)) throw FULL;
  return s as T;
}

function timestamp(value: SimpleValue | undefined): string | undefined {
  const s = text_(value);
  if (s !== undefined && Number.isNaN(Date.parse(s))) throw FULL;
  return s;
}

function textList(value: SimpleValue | undefined): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) throw FULL;
  return value;
}

function mapList(value: SimpleValue | undefined): Map<string, SimpleScalar>[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v): v is Map<string, SimpleScalar> => v instanceof Map)) throw FULL;
  return value;
}

/** As incidentFile.ts readAction, for a valid item; its key order too. */
function action(f: Map<string, SimpleScalar>): ActionItem {
  const item: ActionItem = { text: required(text_(f.get('text'))), done: false, kind: 'other' };
  const id = text_(f.get('id'));
  if (id !== undefined) {
    if (!ACTION_ID_PATTERN.test(id)) throw FULL;
    item.id = id;
  }
  const owner = text_(f.get('owner'));
  if (owner !== undefined) item.owner = owner;
  const due = text_(f.get('due'));
  if (due !== undefined) {
    if (!DUE.test(due)) throw FULL;
    item.due = due;
  }
  const added = text_(f.get('added'));
  if (added !== undefined) {
    if (!DUE.test(added)) throw FULL;
    item.added = added;
  }
  const done = f.get('done');
  if (done !== undefined) {
    if (typeof done !== 'boolean') throw FULL;
    item.done = done;
  }
  const kind = text_(f.get('kind'));
  if (kind !== undefined) {
    if (!(ACTION_KINDS as readonly string[]).includes(kind)) throw FULL;
    item.kind = kind as ActionItem['kind'];
  }
  const filePath = text_(f.get('path'));
  if (filePath !== undefined) {
    if (/^([\\/]|[a-zA-Z]:)/.test(filePath) || filePath.split(/[\\/]/).includes('..')) throw FULL;
    item.path = filePath;
  }
  const issue = text_(f.get('issue'));
  if (issue !== undefined) {
    if (!ISSUE_URL_PATTERN.test(issue)) throw FULL;
    item.issue = issue;
  }
  return item;
}

/** As incidentFile.ts readEvent, for a valid event. */
function event(f: Map<string, SimpleScalar>): TimelineEvent {
  const at = required(timestamp(f.get('at')));
  const text = required(text_(f.get('text')));
  const source = text_(f.get('source')) ?? 'manual';
  if (!(TIMELINE_SOURCES as readonly string[]).includes(source)) throw FULL;
  return { at, text, source: source as TimelineSource };
}
