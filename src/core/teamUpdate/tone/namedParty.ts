/**
 * A capitalised word in a doer's slot may be a person or a company ("because Quillpost changed their API"):
 * only the repository's authors, @mentions and full names are known to be people. A finding about any
 * other name says so rather than calling it a person.
 */
import type { ToneFlag } from './types';

const UNKNOWN_NAME_EXPLANATION = 'Naming another person or company next to the failure reads as blame; say what the team changed and which safeguard was missing.';
// A first and a last name: "Tom Walsh", "a bad deploy from Dmitri Volkov".
const FULL_NAME = /\p{Lu}\p{Ll}{1,30}\s{1,3}\p{Lu}\p{Ll}{1,30}/u;

/** True when `name` is an @mention, a full name, or shares a word with a repository author's name. */
export function knownPerson(name: string, people: readonly string[]): boolean {
  if (name.startsWith('@') || FULL_NAME.test(name)) return true;
  const words = new Set(people.flatMap((p) => p.toLowerCase().split(/\s+/)).filter((w) => w.length >= 3));
  return name
    .toLowerCase()
    .split(/\s+/)
    .some((w) => words.has(w.replace(/(?:'s|’s|')$/, '')));
}

/** Naming-people flags about a name not known to be a person are worded for a person or a company. */
export function settleNames(flags: readonly ToneFlag[], people: readonly string[]): ToneFlag[] {
  return flags.map((f) => (f.kind === 'naming-people' && !knownPerson(f.excerpt, people) ? { ...f, explanation: UNKNOWN_NAME_EXPLANATION } : f));
}
