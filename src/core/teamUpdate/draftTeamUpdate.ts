/**
 * Drafts the message to the team after something you broke, scaled to who was affected.
 * Every draft has the same four beats — what happened, impact, what I did, what I'm doing so
 * it won't recur — in a calm first-person voice with at most one apology. A local revert
 * (never pushed) usually needs no message at all, and the draft says so.
 */
import type { Incident, IncidentStatus } from '../incidents/model';
import { isDerivedTitle, splitPrNumber, unwrapRevertSubject } from '../incidents/titles';

export type BlastRadius = 'local' | 'team' | 'production';

export interface TeamUpdateInput {
  /** local: reverted before pushing; team: revert on the shared/default branch; production: a failed production deploy. */
  blastRadius: BlastRadius;
  /** The incident title, phrased as the symptom ("Checkout button does nothing"). */
  title: string;
  /** Subjects of the commits that caused it. */
  culpritSubjects: string[];
  /** Sha of the revert or rollback commit, if any. */
  revertSha?: string;
  /** Shared branch the revert landed on (team), e.g. "main". */
  branch?: string;
  /** Who or what was affected, in the author's words. */
  impact?: string;
  /** What the author did about it, in their words. */
  whatIDid?: string;
  /** Action items that stop it happening again. */
  prevention: string[];
  /** For production updates: where things stand. */
  status?: IncidentStatus;
  /**
   * Whether the user wrote the culprits (git's user.email vs the author, mailmap applied). Only
   * then does the draft say "my change"; otherwise it names the change without claiming it.
   * Default true (a caller that cannot tell speaks for the author, as before).
   */
  culpritsMine?: boolean;
  /** Whether the user made the revert. Default true. */
  revertMine?: boolean;
  /** Whether the revert is on a remote branch (team radius). Default true; a local revert is not told as pushed. */
  revertPushed?: boolean;
}

export interface TeamUpdateDraft {
  blastRadius: BlastRadius;
  /** False for local reverts: nobody else was affected, so a message is optional. */
  needed: boolean;
  /** One or two sentences for the author explaining the size of the message. */
  note: string;
  /** First line, usable as a chat headline or an email subject. */
  subject: string;
  markdown: string;
  text: string;
}

interface Beat {
  label: string;
  sentences: string[];
  bullets?: string[];
}

const MAX_SUBJECT = 72;

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function quoteSubject(subject: string): string {
  const s = oneLine(subject);
  return `"${s.length > MAX_SUBJECT ? `${s.slice(0, MAX_SUBJECT - 1)}…` : s}"`;
}

function shortSha(sha: string | undefined): string | undefined {
  if (!sha) return undefined;
  return /^[0-9a-f]{8,}$/i.test(sha) ? sha.slice(0, 7) : sha;
}

/** `"fix: x" (#12)`: the subject quoted without its PR number, which follows it. */
function quoteChange(subject: string): string {
  const { text, pr } = splitPrNumber(unwrapRevertSubject(oneLine(subject)));
  return `${quoteSubject(text)}${pr ? ` (${pr})` : ''}`;
}

/**
 * `my change "A"` / `my changes "A" and "B"` when the user wrote them, else `the change "A" (#12)`:
 * the draft speaks for the user and never claims (or blames anyone for) someone else's commit.
 */
function changesPhrase(subjects: string[], mine: boolean): string {
  const quoted = subjects.filter((s) => oneLine(s) !== '').map(quoteChange);
  const owner = mine ? 'my' : 'the';
  if (quoted.length === 0) return `${owner} change`;
  if (quoted.length === 1) return `${owner} change ${quoted[0]}`;
  return `${owner} changes ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

function sentence(text: string): string {
  const t = oneLine(text);
  return t === '' || /[.!?…]$/.test(t) ? t : `${t}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function preventionBeat(prevention: string[], fallback: string): Beat {
  const items = prevention.map(oneLine).filter((p) => p !== '');
  return items.length > 0
    ? { label: "What I'm doing so it won't happen again", sentences: [], bullets: items }
    : { label: "What I'm doing so it won't happen again", sentences: [fallback] };
}

function beats(input: TeamUpdateInput): { subject: string; beats: Beat[]; closing?: string } {
  const mine = input.culpritsMine ?? true;
  const revertMine = input.revertMine ?? true;
  const changes = changesPhrase(input.culpritSubjects, mine);
  const plural = input.culpritSubjects.filter((s) => oneLine(s) !== '').length > 1;
  const revert = shortSha(input.revertSha);
  // A title derived from the culprit's subject says nothing the change's name does not: skip it.
  const symptom = isDerivedTitle(input.title, input.culpritSubjects) ? undefined : sentence(input.title);
  const impact = input.impact && oneLine(input.impact) !== '' ? sentence(input.impact) : undefined;
  const did = input.whatIDid && oneLine(input.whatIDid) !== '' ? sentence(input.whatIDid) : undefined;
  const whatHappened = (cause: string, fallback: string): string[] => (symptom ? [symptom, cause] : [fallback]);

  if (input.blastRadius === 'local') {
    return {
      subject: mine ? `I caught and reverted ${changes} before pushing it` : `I reverted ${changes} before it was pushed`,
      beats: [
        { label: 'What happened', sentences: whatHappened(mine ? `It came from ${changes}, which I had not pushed yet.` : `It came from ${changes}, which had not been pushed yet.`, `${capitalise(changes)} did not work as intended, so I reverted it before it was pushed.`) },
        { label: 'Impact', sentences: [impact ?? 'None outside my machine: the change never reached the shared branch.'] },
        { label: 'What I did', sentences: [did ?? `I reverted it locally${revert ? ` (${revert})` : ''}.`] },
        preventionBeat(input.prevention, 'I am adding a regression test before I push the change again.'),
      ],
    };
  }
  if (input.blastRadius === 'team') {
    const branch = input.branch ? oneLine(input.branch) : 'the shared branch';
    const undone = plural ? 'them' : 'it';
    const pushed = input.revertPushed ?? true;
    const didText = !pushed
      ? `${revertMine ? `I reverted ${undone}` : 'It is reverted'}${revert ? ` in ${revert}` : ''}; the revert is not on ${branch} yet.`
      : revertMine
        ? `I reverted ${undone}${revert ? ` in ${revert}` : ''} and pushed the revert.`
        : `The revert${revert ? ` ${revert}` : ''} is on ${branch}; I am following up on it.`;
    const pullAgain = pushed ? `If you pulled in between, pull ${branch} again to pick up the revert.` : `Once it is, pull ${branch} again to pick it up.`;
    if (!revert) {
      // Nothing is reverted yet: say what is known and what happens next, not a revert that did not happen.
      return {
        subject: `Heads-up: a problem with ${changes} on ${branch}`,
        beats: [
          { label: 'What happened', sentences: whatHappened(`${capitalise(changes)} caused it.`, `${capitalise(changes)} caused a problem on ${branch}.`) },
          { label: 'Impact', sentences: [impact ?? `Anyone who pulled ${branch} after ${plural ? 'these changes' : 'the change'} landed may run into this.`] },
          { label: 'What I did', sentences: [did ?? 'I am working on a fix and will post again when it lands.'] },
          preventionBeat(input.prevention, 'I am adding a regression test with the fix.'),
        ],
        closing: 'Sorry for the disruption.',
      };
    }
    return {
      subject: !pushed ? `Heads-up: ${changes} on ${branch} is being reverted` : revertMine ? `Heads-up: I reverted ${changes} on ${branch}` : `Heads-up: ${changes} was reverted on ${branch}`,
      beats: [
        { label: 'What happened', sentences: whatHappened(`${capitalise(changes)} caused it.`, `${capitalise(changes)} caused a problem on ${branch} and had to be reverted.`) },
        { label: 'Impact', sentences: [impact ?? `Anyone who pulled ${branch} after ${plural ? 'these changes' : 'the change'} landed may have run into this.`] },
        { label: 'What I did', sentences: [did ?? didText, pullAgain] },
        preventionBeat(input.prevention, 'I am adding a regression test before the change lands again.'),
      ],
      closing: 'Sorry for the disruption.',
    };
  }
  const status = input.status ?? 'open';
  const statusLine =
    status === 'resolved'
      ? 'Status: resolved.'
      : status === 'mitigated'
        ? 'Status: mitigated; I am monitoring it and will post again when it is resolved.'
        : 'Status: ongoing; I will post the next update as soon as anything changes.';
  const shipped = mine ? `It was caused by ${changes}, which I shipped to production.` : `It was caused by ${changes}, which reached production.`;
  return {
    subject: `Incident update: ${oneLine(input.title)}`,
    beats: [
      { label: 'What happened', sentences: [...(symptom ? [symptom] : []), shipped, statusLine] },
      { label: 'Impact', sentences: [impact ?? 'I am confirming the full impact and will include it in the next update.'] },
      { label: 'What I did', sentences: [did ?? (revert ? `I rolled back the change (revert ${revert}).` : 'I rolled back the change.')] },
      preventionBeat(input.prevention, 'I am adding a regression test and a deploy check for this before the change ships again.'),
    ],
    closing: "I'm sorry for the disruption this caused. Send any questions my way.",
  };
}

const NOTES: Record<BlastRadius, string> = {
  local:
    'Probably no message is needed: the revert is only on your machine, so the broken change never reached anyone else. If you had told people it was coming, the short note below explains the delay.',
  team: 'The broken change reached a shared branch, so teammates may have pulled it. A short note in the team channel is enough.',
  production: 'A production deploy failed, so it reached people outside the team. Send a stakeholder update and follow up when the status changes.',
};

export function draftTeamUpdate(input: TeamUpdateInput): TeamUpdateDraft {
  const { subject, beats: parts, closing } = beats(input);
  const md: string[] = [`**${subject}**`];
  const txt: string[] = [subject];
  for (const beat of parts) {
    const body = beat.sentences.filter((s) => s !== '').join(' ');
    md.push(`**${beat.label}:**${body ? ` ${body}` : ''}${beat.bullets ? `\n${beat.bullets.map((b) => `- ${b}`).join('\n')}` : ''}`);
    txt.push(`${beat.label}:${body ? ` ${body}` : ''}${beat.bullets ? `\n${beat.bullets.map((b) => `- ${b}`).join('\n')}` : ''}`);
  }
  if (closing) {
    md.push(closing);
    txt.push(closing);
  }
  return {
    blastRadius: input.blastRadius,
    needed: input.blastRadius !== 'local',
    note: NOTES[input.blastRadius],
    subject,
    markdown: md.join('\n\n') + '\n',
    text: txt.join('\n\n') + '\n',
  };
}

/** Builds the draft input from a stored incident: its action items become the prevention list. */
export function teamUpdateInputFromIncident(
  incident: Incident,
  context: { blastRadius: BlastRadius; culpritSubjects: string[]; branch?: string } & Pick<TeamUpdateInput, 'culpritsMine' | 'revertMine' | 'revertPushed'>,
): TeamUpdateInput {
  return {
    blastRadius: context.blastRadius,
    ...(context.culpritsMine !== undefined ? { culpritsMine: context.culpritsMine } : {}),
    ...(context.revertMine !== undefined ? { revertMine: context.revertMine } : {}),
    ...(context.revertPushed !== undefined ? { revertPushed: context.revertPushed } : {}),
    title: incident.title,
    culpritSubjects: context.culpritSubjects,
    ...(incident.revert ? { revertSha: incident.revert } : {}),
    ...(context.branch ? { branch: context.branch } : {}),
    ...(incident.sections.impact.trim() ? { impact: incident.sections.impact } : {}),
    prevention: incident.actions.map((a) => a.text),
    status: incident.status,
  };
}
