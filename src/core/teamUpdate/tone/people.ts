/**
 * Finds people named next to a failure: @mentions, the repository's own author names (git log
 * with the mailmap applied; full names and first names), and any capitalised name directly
 * followed by a failure verb. The excerpt is always the whole name ("Alice Martin", not "Martin").
 */
import { isCredit } from './components';
import { FAILURE_VERB } from './flagRules';
import type { Sentence } from './sentences';

export interface NamedPerson {
  /** The name as written (an @mention keeps its @). */
  name: string;
  index: number;
  /** Written as "Name's", so a rewrite says "our" rather than "we". */
  possessive: boolean;
}

// Capitalised words that start sentences or name things, not people.
const NOT_A_NAME = new Set(
  `I We You He She It They This That These Those The A An Our My Your Their His Her Its There Here What Which Who Why When Where How
   Nothing Nobody Someone Somebody Everyone Everything Something Anything Today Yesterday Tonight Monday Tuesday Wednesday Thursday Friday
   Saturday Sunday Production Prod Staging Main Master Release CI CD QA API UI Git GitHub GitLab Jenkins Docker Kubernetes Revert Reverting
   Reverted Heads Impact Update Status Summary Fix Fixed Then After Before Once If But And So Also Unfortunately Luckily Initially Later
   Finally Please Checkout Login Search Payments Deploy Deployment Build Migration Config Commit Change PR Tests Test Monitoring Alerting
   Sorry Apologies Honestly Technically Regarding Root Cause Postmortem Incident Users Customers Orders Errors Mistakes Whoever Blame
   Thanks Sadly Anyway Cause Why Prevention Note Quick Hey Hi Team All Folks Everybody Users Ugh Oops Whoops Yeah Okay Ok
   Not No Never Yes Dear Per Next Great Well Recap Resolved Short Pairing Feel Whatever Whichever Wherever However Whenever`
    .split(/\s+/)
    .filter(Boolean),
);

const NEAR_FAILURE = new RegExp(
  String.raw`\b(?:${FAILURE_VERB}|broke|caused|without|fault|error|mistake|failed|missed|forgot|skipped|wrong|red|down|messed|screwed|took|brought|crashed|wiped)\b`,
  'i',
);
const CAPITALISED_RUN = /(?<!\p{L})\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){0,2}/gu;
const MENTION = /(?<![\w@])@[A-Za-z0-9][\w.-]{0,38}/gu;
// A mention of a whole group addresses the readers, it names nobody: "@channel I pushed …".
const GROUP_MENTION = /^@(?:channel|here|everyone|all|team|room)$/i;
const FOLLOWED_BY_FAILURE = new RegExp(
  String.raw`^(?:'s)?\s+(?:(?:change|changes|commit|commits|pr|mr|code|config|deploy|push|merge|migration|script|patch|refactor)\s+)?(?:(?:just|accidentally|apparently|then|also|never)\s+)?${FAILURE_VERB}\b`,
  'i',
);
// A capitalised word after a determiner names a thing: "my Terraform change", "the Postgres upgrade".
const AFTER_DETERMINER = /\b(?:my|our|the|a|an|this|that|your|their|its)\s+$/i;
const NAME_CHAR = /[\p{L}\d]/u;
// A person who helped, caught or fixed it is being credited, not blamed: "Priya helped me bring it back".
const HELPED = /^\s+(?:(?:just|quickly|kindly|then|also|first)\s+)?(?:helped|caught|spotted|noticed|found|flagged|reported|fixed|reverted|rolled|restored|debugged|paired|pointed|jumped|saved|unblocked)\b/i;
const TOGETHER_WITH_ME = /^\s+(?:and|&)\s+(?:i|me)\b/i;
// Round seven: a share named next to the writer's own ("Kwame's Helm upgrade and mine ran in the same window").
const SHARED_WITH_ME = /^'s\s+(?:[\w-]{1,40}\s+){0,3}?(?:and|&)\s+(?:mine|ours|my|our)\b/i;
// …a name that is denied the blame ("ours, not Quayside Cloud's"), or the one the failure cost work
// ("the extra work this caused Dariusz and Callum").
const DENIED_OR_HIT = /(?:\bnot\s+|\b(?:caused|cost|costs|gave|for)\s+(?:@?\p{Lu}\p{Ll}{1,40}\s+(?:and|&)\s+)?)$/u;
// …or a name spoken to between commas before the writer's own words ("I can't apologise enough, Gianluca, I wiped …").
const VOCATIVE_BEFORE = /,\s*$/;
const VOCATIVE_AFTER = /^\s*,\s+(?:i|i'm|i've|we|we're|my|our|sorry)\b/i;
// The person an apology or thanks is addressed to is not blamed: "I apologize in particular to Nadia".
// …or greeted with one: "Greta, sorry: I broke your branch".
const SPOKEN_TO = /^,\s+(?:sorry|apologies|my\s+apologies|i'?m\s+sorry)\b/i;
// The person the writer's failure hit is its victim, not its cause: "my rebase dropped Claire's commit",
// "Kwame, whose demo I ruined".
// Only the person's thing as the object of an act ("dropped Claire's commit"); after a verb that reports or
// thinks ("I noticed Priya's commit broke it") the name starts a clause of its own.
const HIT_BY_ME = /\b(?:i|we|my\s+[\w-]+|our\s+[\w-]+)\s+(?:(?:just|accidentally|also|then)\s+)?(?!(?:noticed|saw|found|realized|realised|learned|heard|discovered|checked|confirmed|verified|suspected|assumed|believed|guessed|figured|thought|asked|told|pinged|warned|reported|saw|spotted|traced|tracked)\s)(?:[a-z-]{2,}ed|broke|overwrote|took\s+down|lost|undid|hid)\s+$/i;
const WHOSE_I_HIT = /^,?\s+whose\s+(?:[\w-]+\s+){1,3}?(?:i|we|my|our)\b/i;
const ADDRESSED_TO = /\b(?:(?:apologi[sz]e|apologies|apology|sorry)\s+(?:[\w-]+\s+){0,3}?to|owe|thank|thanks|sorry|apologies|hey|hi)\s+$/i;

/** Every pattern this file runs, named, for the linear-time test. */
// Round ten: a name in a parenthesised list of names ("the three people testing there (Bao, Keoni, Anouk) lost the
// afternoon") says who a group is, not who did anything.
const NAME_LIST_BEFORE = /\(\s*(?:[A-Z][\w'-]{0,40}(?:\s+[A-Z][\w'-]{0,40})?\s*(?:,|\band\b|&)\s*){0,8}$/;
const NAME_LIST_AFTER = /^(?:\s*(?:,|\band\b|&)\s*[A-Z][\w'-]{0,40}(?:\s+[A-Z][\w'-]{0,40})?){0,8}\s*\)/;

/** True when the name at `start` of `text` is one of two or more names listed in parentheses. */
function inNameList(text: string, start: number, name: string): boolean {
  const before = NAME_LIST_BEFORE.exec(text.slice(Math.max(0, start - 200), start));
  const after = NAME_LIST_AFTER.exec(text.slice(start + name.length, start + name.length + 200));
  return !!before && !!after && (/\w/.test(before[0]) || /\w/.test(after[0]));
}

export const PEOPLE_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['name list before', NAME_LIST_BEFORE],
  ['name list after', NAME_LIST_AFTER],
  ['near failure', NEAR_FAILURE],
  ['capitalised run', CAPITALISED_RUN],
  ['mention', MENTION],
  ['group mention', GROUP_MENTION],
  ['followed by failure', FOLLOWED_BY_FAILURE],
  ['after determiner', AFTER_DETERMINER],
  ['name character', NAME_CHAR],
  ['helped', HELPED],
  ['together with me', TOGETHER_WITH_ME],
  ['addressed to', ADDRESSED_TO],
  ['spoken to', SPOKEN_TO],
  ['hit by me', HIT_BY_ME],
  ['whose I hit', WHOSE_I_HIT],
  ['shared with me', SHARED_WITH_ME],
  ['denied or hit', DENIED_OR_HIT],
  ['vocative before', VOCATIVE_BEFORE],
  ['vocative after', VOCATIVE_AFTER],
];

interface KnownNames {
  full: string[];
  first: Set<string>;
}

function knownNames(people: readonly string[]): KnownNames {
  const full: string[] = [];
  const first = new Set<string>();
  for (const raw of people) {
    const words = raw.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    if (words.length > 1) full.push(words.join(' '));
    const head = words[0];
    if (head.length >= 3 && /^\p{Lu}\p{Ll}+$/u.test(head) && !NOT_A_NAME.has(head)) first.add(head);
  }
  full.sort((a, b) => b.length - a.length);
  return { full, first };
}

export function findNamedPeople(sentences: readonly Sentence[], people: readonly string[]): NamedPerson[] {
  const known = knownNames(people);
  const out: NamedPerson[] = [];
  for (const s of sentences) {
    if (isCredit(s.text) || !NEAR_FAILURE.test(s.text)) continue;
    for (const m of s.text.matchAll(MENTION)) {
      const at = m.index ?? 0;
      const after = s.text.slice(at + m[0].length, at + m[0].length + 40);
      if (GROUP_MENTION.test(m[0]) || HELPED.test(after)) continue;
      // Round eight: a mention an apology or thanks is addressed to is not blamed ("apologies to @bkacz in particular").
      if (ADDRESSED_TO.test(s.text.slice(Math.max(0, at - 60), at)) || SPOKEN_TO.test(after)) continue;
      out.push({ name: m[0], index: s.index + (m.index ?? 0), possessive: false });
    }
    for (const m of s.text.matchAll(CAPITALISED_RUN)) {
      const words = m[0].split(/[ \t]+/);
      let skipped = 0;
      while (words.length > 0 && NOT_A_NAME.has(words[0])) skipped += words.shift()!.length + 1;
      if (words.length === 0) continue;
      const start = (m.index ?? 0) + m[0].indexOf(words[0], skipped > 0 ? skipped - 1 : 0);
      const run = words.join(' ');
      const name = known.full.find((f) => run === f || run.startsWith(`${f} `)) ?? (known.first.has(words[0]) ? (words.length > 1 && known.full.includes(run) ? run : words[0]) : undefined);
      const candidate = name ?? run;
      const after = s.text.slice(start + candidate.length, start + candidate.length + 120);
      if (TOGETHER_WITH_ME.test(after) || HELPED.test(after) || SHARED_WITH_ME.test(after)) continue;
      const before = s.text.slice(Math.max(0, start - 60), start);
      if (DENIED_OR_HIT.test(before) || (VOCATIVE_BEFORE.test(before) && VOCATIVE_AFTER.test(after))) continue;
      if (inNameList(s.text, start, candidate)) continue;
      if (ADDRESSED_TO.test(before) || SPOKEN_TO.test(after) || (HIT_BY_ME.test(before) && after.startsWith("'s")) || WHOSE_I_HIT.test(after)) continue;
      if (!name && (!FOLLOWED_BY_FAILURE.test(after) || AFTER_DETERMINER.test(s.text.slice(Math.max(0, start - 8), start)))) continue;
      out.push({ name: candidate, index: s.index + start, possessive: after.startsWith("'s") });
    }
    out.push(...uncapitalisedFullNames(s, known.full));
  }
  return out;
}

/**
 * True when the name at `index` of `text` is shared with the writer, denied the blame, the one the
 * failure cost work, or spoken to between commas (round seven); the failure-agent reader's flags
 * for a person are dropped then too.
 */
export function sparedName(text: string, index: number, name: string): boolean {
  const before = text.slice(Math.max(0, index - 60), index);
  const after = text.slice(index + name.length, index + name.length + 120);
  if (inNameList(text, index, name)) return true;
  return SHARED_WITH_ME.test(after) || DENIED_OR_HIT.test(before) || (VOCATIVE_BEFORE.test(before) && VOCATIVE_AFTER.test(after));
}

/** A known full name written in lower case ("jonas weber's cron ran"), which the capitalised-run scan cannot see. */
function uncapitalisedFullNames(s: Sentence, full: readonly string[]): NamedPerson[] {
  const out: NamedPerson[] = [];
  const lower = s.text.toLowerCase();
  for (const name of full) {
    const wanted = name.toLowerCase();
    if (wanted === name) continue;
    for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + wanted.length)) {
      const written = s.text.slice(at, at + wanted.length);
      const bounded = !NAME_CHAR.test(s.text.charAt(at - 1)) && !NAME_CHAR.test(s.text.charAt(at + wanted.length));
      if (!bounded || written !== wanted || HELPED.test(s.text.slice(at + wanted.length, at + wanted.length + 40))) continue;
      out.push({ name: written, index: s.index + at, possessive: s.text.startsWith("'s", at + wanted.length) });
    }
  }
  return out;
}
