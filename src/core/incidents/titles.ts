/**
 * Incident titles from commit subjects. A revert's subject wraps the culprit's (`Revert "…"`,
 * `Reapply "…"`, `revert: …`, nested any number of times); the incident is about the culprit, so
 * the wrappers go and the title says what happened to it.
 */

const QUOTED = /^(?:revert|reapply|re-apply|reland)\s*"(.*)"\s*(?:\(#\d+\))?\s*$/i;
const PREFIXED = /^(?:revert|reapply|reland)(?:\([^)]*\))?!?\s*:\s*(.+)$/i;
const BARE = /^revert(?:s|ed)?\s+(?:commit\s+)?(?!to\b|the\b|back\b|some\b|part\b|changes?\b|all\b|this\b|that\b|it\b)(.+)$/i;

/**
 * The culprit's subject inside any number of revert/reapply wrappers:
 * `Revert "Revert "fix(x): y (#1)"" (#2)` → `fix(x): y (#1)`. Subjects without a wrapper are returned trimmed.
 */
export function unwrapRevertSubject(subject: string): string {
  let s = subject.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 10; i++) {
    const quoted = QUOTED.exec(s);
    const next = quoted?.[1] ?? PREFIXED.exec(s)?.[1] ?? (/^revert\s+"/i.test(s) ? undefined : BARE.exec(s)?.[1]);
    if (next === undefined || next.trim() === '' || next.trim() === s) break;
    s = next.trim();
  }
  return s;
}

/**
 * The incident's title: the symptom when someone knows it, else "<culprit subject> reverted".
 * The culprit subject comes from the culprit itself when it is in the repository, else from the revert.
 */
export function incidentTitle(input: { symptom?: string; culpritSubject?: string; revertSubject?: string }): string {
  const symptom = input.symptom?.replace(/\s+/g, ' ').trim();
  if (symptom) return symptom;
  if (input.revertSubject === undefined) return input.culpritSubject?.replace(/\s+/g, ' ').trim() || 'New incident';
  const subject = unwrapRevertSubject(input.culpritSubject ?? input.revertSubject);
  return subject === '' ? 'A change was reverted' : `${subject} reverted`;
}

/** `fix: x (#12)` → `{ text: 'fix: x', pr: '#12' }`: the PR number is said after the quoted subject. */
export function splitPrNumber(subject: string): { text: string; pr?: string } {
  const m = /^(.*?)\s*\((#\d+)\)\s*$/.exec(subject.trim());
  return m && m[1] !== '' ? { text: m[1], pr: m[2] } : { text: subject.trim() };
}

/** True when a title is the one {@link incidentTitle} derives from a subject (no symptom written yet). */
export function isDerivedTitle(title: string, subjects: readonly string[]): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const t = norm(title);
  if (t === '' || /^reverted\b/.test(t) || t === 'a change was reverted' || t === 'new incident') return true;
  return subjects.some((s) => {
    const u = norm(splitPrNumber(unwrapRevertSubject(s)).text);
    return u !== '' && t.includes(u);
  });
}
