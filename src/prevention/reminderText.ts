/** The words of Own It's prevention reminders. No vscode import: unit tests read them directly. */
import type { ChecklistItems, LinkedTestStatus } from './incidentFacts';

export interface ReminderIncident {
  title: string;
  checklists: readonly ChecklistItems[];
  tests: readonly { path: string; status: LinkedTestStatus }[];
}

const MAX_ITEMS = 3;

function quote(s: string): string {
  return `"${s.replace(/\s+/g, ' ').trim()}"`;
}

function listFiles(files: readonly string[]): string {
  if (files.length <= 2) return files.join(' and ');
  return `${files[0]}, ${files[1]} and ${files.length - 2} more`;
}

/** `You're changing src/pay.ts, touched by incident "X". Checklist: a; b; c (+1 more).` */
export function changeReminderText(files: readonly string[], incident: ReminderIncident, others = 0): string {
  const items = incident.checklists.flatMap((c) => c.items);
  const checklist =
    items.length > 0
      ? `Checklist: ${items.slice(0, MAX_ITEMS).join('; ')}${items.length > MAX_ITEMS ? ` (+${items.length - MAX_ITEMS} more)` : ''}.`
      : 'It has no checklist yet.';
  const placeholder = incident.tests.find((t) => t.status === 'pending');
  const test = placeholder ? ` Its regression test ${placeholder.path} is still a placeholder.` : '';
  const more = others > 0 ? ` (${others} other incident${others === 1 ? '' : 's'} touched ${files.length === 1 ? 'it' : 'them'} too.)` : '';
  return `You're changing ${listFiles(files)}, touched by incident ${quote(incident.title)}. ${checklist}${test}${more}`;
}

export type ReapplyVerdict = 'placeholder' | 'written' | 'none';

/** What a re-application ships with: a written test, a placeholder, or nothing. */
export function reapplyVerdict(tests: readonly { status: LinkedTestStatus }[]): ReapplyVerdict {
  if (tests.some((t) => t.status === 'pending')) return 'placeholder';
  if (tests.some((t) => t.status === 'done')) return 'written';
  return 'none';
}

export function reapplyText(subject: string, tests: readonly { path: string; status: LinkedTestStatus }[]): string {
  const what = `You re-applied ${quote(subject)}.`;
  switch (reapplyVerdict(tests)) {
    case 'placeholder': {
      const t = tests.find((x) => x.status === 'pending');
      return `${what} Its regression test ${t?.path ?? ''} is still a placeholder — write it before this ships.`;
    }
    case 'written': {
      const t = tests.find((x) => x.status === 'done');
      return `${what} It has a regression test (${t?.path ?? ''}, written).`;
    }
    case 'none':
      return `${what} It has no regression test yet. Scaffold one?`;
  }
}

/** `Reapply "X"`, `Revert "Revert "X""`, `Revert^2 "X"` → `X`. */
export function reappliedSubject(subject: string): string {
  let s = subject.trim();
  for (let i = 0; i < 8; i++) {
    const m = /^(?:Reapply|Revert(?:\^\d+)?)\s+"(.*)"$/.exec(s);
    if (!m) break;
    s = m[1];
  }
  return s;
}
