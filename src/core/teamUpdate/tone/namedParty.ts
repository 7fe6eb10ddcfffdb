/**
 * A capitalised word in a doer's slot may be a person or a company ("because Quillpost changed their API"):
 * only the repository's authors, @mentions and full names are known to be people.
 */
import type { ToneFlag } from './types';

const UNKNOWN_NAME_EXPLANATION = 'Naming another person or company next to the failure reads as blame; say what the team changed and which safeguard was missing.';
// A first and a last name: "Tom Walsh", "a bad deploy from Dmitri Volkov".
const FULL_NAME = /\p{Lu}\p{Ll}{1,30}\s{1,3}\p{Lu}\p{Ll}{1,30}/u;

/** Lower-case words of the repository's authors' names (first and last), three letters or more. */
export function personWords(people: readonly string[]): Set<string> {
  return new Set(people.flatMap((p) => p.toLowerCase().split(/\s+/)).filter((w) => w.length >= 3));
}

/** True when `name` is an @mention, a full name, or shares a word with a repository author's name (`words`: {@link personWords}). */
function knownPerson(name: string, words: ReadonlySet<string>): boolean {
  if (name.startsWith('@') || FULL_NAME.test(name)) return true;
  return name
    .toLowerCase()
    .split(/\s+/)
    .some((w) => words.has(w.replace(/(?:'s|’s|')$/, '')));
}

/**
 * Naming-people flags about a name not known to be a person are worded for a person or a company, and go where a
 * deflection's rewrite already replaces the name ("because Quillpost changed their API" → "because we had no
 * safeguard for this"): one finding, one rewrite. Flags carry their fitted suggestions.
 */
export function settleNames(flags: readonly ToneFlag[], people: readonly string[]): ToneFlag[] {
  const rewritten = flags.filter((f) => (f.kind === 'deflection' || f.kind === 'blame') && f.suggestion).map((f) => f.suggestion!);
  const words = personWords(people);
  const out: ToneFlag[] = [];
  for (const f of flags) {
    if (f.kind !== 'naming-people' || knownPerson(f.excerpt, words)) {
      out.push(f);
      continue;
    }
    const end = f.index + f.excerpt.length;
    if (rewritten.some((s) => s.index <= f.index && end <= s.index + s.original.length)) continue;
    out.push({ ...f, explanation: UNKNOWN_NAME_EXPLANATION });
  }
  return out;
}
