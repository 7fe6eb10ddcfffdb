/**
 * Three-way merge of incidents: `base` is the version an editor started from, `mine` what it
 * wants to save, `theirs` what the file says now (a scaffold's new action item, the CLI's
 * status change, a git checkout). Changes to different fields merge; a field both sides changed
 * to different values is a conflict, and then nothing is dropped: prose keeps both texts, one
 * after the other under a marker line, and a value (status, dates…) keeps mine while the conflict
 * reports both. Action items and timeline events are matched by identity (path or text), so an
 * item added on one side and an item edited on the other both survive.
 *
 * Pure (no Node imports): the panel UI merges with the same function.
 */
import type { ActionItem, Incident, Lessons, TimelineEvent } from './model';

export interface MergeConflict {
  /** Field path, e.g. `status`, `sections.impact`, `actions[2].done`. */
  field: string;
  mine: string;
  theirs: string;
}

export interface MergeResult {
  merged: Incident;
  conflicts: MergeConflict[];
}

/** The line between the two texts kept when both sides rewrote the same prose. */
export const BOTH_KEPT_MARKER = '<!-- Own It kept both versions: the text below was saved elsewhere at the same time -->';

export function mergeIncidents(base: Incident, mine: Incident, theirs: Incident): MergeResult {
  const conflicts: MergeConflict[] = [];
  const m = new Merger(conflicts);
  const lessons = (k: keyof Lessons) => m.text(`sections.lessons.${k}`, base.sections.lessons[k], mine.sections.lessons[k], theirs.sections.lessons[k]);
  const merged: Incident = {
    id: m.value('id', base.id, mine.id, theirs.id),
    title: m.line('title', base.title, mine.title, theirs.title),
    status: m.value('status', base.status, mine.status, theirs.status),
    severity: m.value('severity', base.severity, mine.severity, theirs.severity),
    detected: m.value('detected', base.detected, mine.detected, theirs.detected),
    culprits: mergeSet(base.culprits, mine.culprits, theirs.culprits),
    deployRefs: mergeSet(base.deployRefs, mine.deployRefs, theirs.deployRefs),
    actions: mergeList('actions', base.actions, mine.actions, theirs.actions, actionIdentity, (label, b, x, y) => mergeAction(m, label, b, x, y)),
    events: mergeList('events', base.events, mine.events, theirs.events, (e) => `${e.at}\n${e.text}`, (label, b, x, y) => mergeEvent(m, label, b, x, y)),
    sections: {
      whatHappened: m.text('sections.whatHappened', base.sections.whatHappened, mine.sections.whatHappened, theirs.sections.whatHappened),
      impact: m.text('sections.impact', base.sections.impact, mine.sections.impact, theirs.sections.impact),
      rootCause: m.text('sections.rootCause', base.sections.rootCause, mine.sections.rootCause, theirs.sections.rootCause),
      lessons: { wentWell: lessons('wentWell'), wentWrong: lessons('wentWrong'), gotLucky: lessons('gotLucky') },
      teamUpdate: m.text('sections.teamUpdate', base.sections.teamUpdate, mine.sections.teamUpdate, theirs.sections.teamUpdate),
    },
  };
  const resolved = m.value('resolved', base.resolved, mine.resolved, theirs.resolved);
  if (resolved !== undefined) merged.resolved = resolved;
  const revert = m.value('revert', base.revert, mine.revert, theirs.revert);
  if (revert !== undefined) merged.revert = revert;
  return { merged, conflicts };
}

class Merger {
  constructor(private readonly conflicts: MergeConflict[]) {}

  /** A value only one side may own: on a conflict mine wins and both are reported. */
  value<T>(field: string, base: T, mine: T, theirs: T): T {
    if (same(mine, base) || same(mine, theirs)) return theirs;
    if (same(theirs, base)) return mine;
    this.conflicts.push({ field, mine: show(mine), theirs: show(theirs) });
    return mine;
  }

  /** Prose: on a conflict both texts are kept, mine first. */
  text(field: string, base: string, mine: string, theirs: string): string {
    if (mine === base || mine === theirs) return theirs;
    if (theirs === base) return mine;
    this.conflicts.push({ field, mine, theirs });
    if (mine.trim() === '') return theirs;
    if (theirs.trim() === '') return mine;
    return `${mine.replace(/\s+$/, '')}\n\n${BOTH_KEPT_MARKER}\n\n${theirs.replace(/^\s+/, '')}`;
  }

  /** One-line text (the title): both kept on one line. */
  line(field: string, base: string, mine: string, theirs: string): string {
    if (mine === base || mine === theirs) return theirs;
    if (theirs === base) return mine;
    this.conflicts.push({ field, mine, theirs });
    return `${mine} / ${theirs}`;
  }
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function show(v: unknown): string {
  return v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v);
}

function actionIdentity(a: ActionItem): string {
  return a.path ? `path:${a.path}` : `text:${a.text.trim()}`;
}

function mergeAction(m: Merger, label: string, b: ActionItem, x: ActionItem, y: ActionItem): ActionItem {
  const item: ActionItem = {
    text: m.text(`${label}.text`, b.text, x.text, y.text),
    done: m.value(`${label}.done`, b.done, x.done, y.done),
    kind: m.value(`${label}.kind`, b.kind, x.kind, y.kind),
  };
  const owner = m.value(`${label}.owner`, b.owner, x.owner, y.owner);
  if (owner !== undefined) item.owner = owner;
  const due = m.value(`${label}.due`, b.due, x.due, y.due);
  if (due !== undefined) item.due = due;
  const filePath = m.value(`${label}.path`, b.path, x.path, y.path);
  if (filePath !== undefined) item.path = filePath;
  return item;
}

function mergeEvent(m: Merger, label: string, b: TimelineEvent, x: TimelineEvent, y: TimelineEvent): TimelineEvent {
  return { at: m.value(`${label}.at`, b.at, x.at, y.at), text: m.text(`${label}.text`, b.text, x.text, y.text), source: m.value(`${label}.source`, b.source, x.source, y.source) };
}

/** Additions from both sides, removals from both sides, mine's order first. */
function mergeSet(base: string[], mine: string[], theirs: string[]): string[] {
  const removed = new Set([...base.filter((v) => !mine.includes(v)), ...base.filter((v) => !theirs.includes(v))]);
  const out: string[] = [];
  for (const v of [...mine, ...theirs]) if (!removed.has(v) && !out.includes(v)) out.push(v);
  return out;
}

/**
 * For each base item, the index of the same item in `side` (-1: removed there). Items match by
 * identity first; a base item left over pairs with a left-over side item at the same position
 * (an edit in place, which is how the panel edits an item's text).
 */
function pair<T>(base: T[], side: T[], id: (x: T) => string): number[] {
  const used = new Set<number>();
  const result = base.map((b) => {
    const i = side.findIndex((s, k) => !used.has(k) && id(s) === id(b));
    if (i >= 0) used.add(i);
    return i;
  });
  result.forEach((i, k) => {
    if (i < 0 && k < side.length && !used.has(k)) {
      result[k] = k;
      used.add(k);
    }
  });
  return result;
}

function mergeList<T>(name: string, base: T[], mine: T[], theirs: T[], id: (x: T) => string, mergeItem: (label: string, b: T, x: T, y: T) => T): T[] {
  const inMine = pair(base, mine, id);
  const inTheirs = pair(base, theirs, id);
  const baseOfMine = new Map(inMine.map((i, k) => [i, k]));
  const baseOfTheirs = new Set(inTheirs);
  const out: T[] = [];
  mine.forEach((x, i) => {
    const k = baseOfMine.get(i);
    if (k === undefined || k < 0) {
      out.push(x); // new in mine
      return;
    }
    const j = inTheirs[k];
    if (j >= 0) out.push(mergeItem(`${name}[${out.length}]`, base[k], x, theirs[j]));
    else if (!same(x, base[k])) out.push(x); // they removed it, I edited it: keep my edit
  });
  base.forEach((b, k) => {
    // I removed it; if they edited it meanwhile, their edit is kept.
    const j = inTheirs[k];
    if (inMine[k] < 0 && j >= 0 && !same(theirs[j], b)) out.push(theirs[j]);
  });
  theirs.forEach((y, j) => {
    if (!baseOfTheirs.has(j) && !out.some((o) => id(o) === id(y))) out.push(y); // new in theirs
  });
  return out;
}
