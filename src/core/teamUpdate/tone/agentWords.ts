/**
 * The word classes the failure-agent reader (failureAgent.ts) reads with: what ends a phrase,
 * who counts as another agent (a role, team, tool, vendor, document), verbs that restore, help,
 * suffer or malfunction, and the shapes of a question after the doer or a denial. Classes, not
 * lines from a data set; every pattern is anchored or bounded, and all are listed for the
 * linear-time test.
 */
import { ROLE, TEAM_BARE, TEAM_WORD, TOOL, VENDOR } from './ruleParts';

export const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*|[,;:()—–?!]/gu;
export const PUNCT = /^[,;:()—–?!]$/;
// Words that end a noun phrase: conjunctions, relative words, prepositions of place or time.
export const PHRASE_END = /^(?:and|or|but|so|which|that|who|whose|when|while|because|since|in|on|at|for|during|to|into|with|after|before|is|was|were|are|has|had|have|will|would)$/;
// Documents a writer follows: blaming them puts the cause outside the team.
export const DOC = String.raw`(?:documentation|docs|wiki|readme|runbook|spec|specs|guide|instructions|changelog|release\s+notes)`;
// Round eighteen: "the team", "our whole team" is the writer's own team; "the platform team" is another.
const NOT_DETERMINER = String.raw`(?!(?:the|a|an|this|that|whole|entire|same|my|our|own|your|their)\s)`;
export const OTHER_WORDS = String.raw`(?:${TOOL}|${VENDOR}|${ROLE}|${TEAM_BARE}|(?:${TEAM_WORD}|${NOT_DETERMINER}[\w-]{1,40})\s+(?:team|squad|side|folks|guys)|${DOC}|someone|somebody|they|he|she|tool|plugin|extension|registry|mirror)`;
export const OTHER_IN_PHRASE = new RegExp(String.raw`(?:^|\s)${OTHER_WORDS}(?:'s|')?(?=\s|$)`, 'i');
// Round seventeen: another party proper, not a tool or document: "my linter config" is the writer's own thing, and
// "a scheduler problem" names a vague failure of a thing, not a party that caused it.
export const OTHER_PARTY_IN_PHRASE = new RegExp(String.raw`(?:^|\s)(?:${VENDOR}|${ROLE}|${TEAM_BARE}|(?:${TEAM_WORD}|${NOT_DETERMINER}[\w-]{1,40})\s+(?:team|squad|side|folks|guys)|someone|somebody|they|he|she)(?:'s|')?(?=\s|$)`, 'i');
// A vague failure noun that ends a phrase ("a scheduler issue").
export const VAGUE_FAILURE = /^(?:issue|issues|problem|problems|glitch|hiccup|error|errors|failure|thing)$/;
/** After "my" or "our", the words that make the phrase another party ("our vendor", "my team's"; "my linter config" is the writer's own). */
export const namesOtherAfterOwner = (owner: string, rest: string): boolean => /^(?:my|our)$/.test(owner) && (owner === 'our' ? OTHER_IN_PHRASE : OTHER_PARTY_IN_PHRASE).test(rest);
/** A phrase (its lower-case words) that names another party; a tool only naming a vague failure ("a scheduler issue") is none. */
export function namesOtherParty(lowers: readonly string[]): boolean {
  const text = lowers.join(' ');
  return OTHER_IN_PHRASE.test(text) && (!VAGUE_FAILURE.test(lowers[lowers.length - 1]) || OTHER_PARTY_IN_PHRASE.test(text));
}
// …as the head of the phrase (its last word): "the merge tool", not "the tool config".
export const OTHER_HEAD = new RegExp(String.raw`(?:^|\s)${OTHER_WORDS}$`, 'i');
export const DETERMINER = /^(?:the|a|an|this|that|some)$/;
export const CLAUSE_BREAK = /^[;:—–]$/;
// Verbs whose subject suffers the failure or is in a state: "Wei's dashboard went blank", "Tom's build failed".
export const SUFFERED = /^(?:went|failed|crashed|stopped|died|hung|errored|timed|was|were|is|are|got|showed|turned|looked|became|kept|stayed|lost)$/;
// How far (in words) a clause is read either side of a word: longer clauses are rare, and the bound keeps each sentence's reading linear.
export const CLAUSE_REACH = 40;
// Verbs of helping and noticing: their subject helped with the failure, it did not cause it.
export const HELPING = /^(?:helped|caught|spotted|flagged|reported|paired|pointed|saved|unblocked|warned|alerted|paged|escalated|raised|debugged|traced|diagnosed|investigated)$/;
// A product named in camel case ("IntelliJ", "GitHub"): a tool or a vendor, never a person.
export const CAMEL = /\p{Ll}\p{Lu}/u;
// Words after "X's" that make it "X is" or "X has": "Pipeline's been red", "Prod's back".
export const STATE_WORD = /^(?:been|not|still|now|back|a|an|the|all|up|fine|gone|going|getting|green|ok|okay|live|out|over|done|fixed|working)$/;
export const FIRST_PERSON = /^(?:i|we|i've|we've|i'd|we'd|me|us|my|our|myself|ourselves)$/;
// Verbs that put things back: their doer repaired the failure ("Priya reverted it"). Narrower than the
// agency reader's repair verbs: "the bot switched off the job", "PyCharm rewrote my config" are acts.
export const RESTORING = /^(?:reverted|rolled|fixed|restored|resolved|recovered|patched|hotfixed|mitigated|redeployed|re-deployed|unblocked|rebuilt|refunded|reissued|backfilled|corrected|reran|re-ran|reinstalled|re-enabled|reenabled|recreated|re-created|redid|undid)$/;
// Session sixteen: verbs of repairing, answering or paying back, as a word class for the flag rules: a team or department
// that "restarted", "refunded" or "posted" something reacted to the failure, it did not cause it.
export const REPAIRED = String.raw`(?:reverted|rolled|fixed|restored|resolved|recovered|patched|hotfixed|mitigated|redeployed|re-deployed|rebooted|restarted|rebuilt|recreated|reinstalled|refunded|reissued|credited|resent|re-sent|reran|re-ran|unblocked|posted|answered|replied|published|communicated|contacted|updated)`;
// Idioms of breaking that are more than one word: "fell over", "blew up", "nobody could log in".
export const BREAK_IDIOM = /\b(?:(?:nothing|nobody|no\s+one|no-one)\s+(?:could|was\s+able\s+to)|fell\s+over|fell\s+apart|blew\s+up|went\s+(?:sideways|dark|haywire)|misbehav\w*|malfunction\w*|delay(?:s|ed))\b/i;
// Verbs of malfunction: the doer of one is the agent of the failure even with no other failure word.
export const MALFUNCTION = /^(?:misbehaved|malfunctioned|glitched|flaked|choked|nuked|clobbered|mangled|borked|trashed|wrecked|ruined|skipped|dropped|ate|swallowed|ignored)$/;
// Past forms that tell of a victim or a state, not of an act.
export const NOT_AN_ACT = /^(?:was|were|been|had|failed|crashed|went|died|stopped|hung|errored|fell|timed|expired|degraded|broken|got|did|became|came|seemed|looked)$/;
// Possessives that name a time or everyone, not a doer: "yesterday's deploy", "everyone's builds".
export const NOT_AN_OWNER = /^(?:it|that|what|let|there|here|he|she|who|where|how|today|yesterday|tonight|tomorrow|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|night|everyone|everybody|nobody|anyone|one|other|customers|users|people|service|team|company|world|sprint|quarter|day|hour|minute)$/;
// Words before a doer that say it caused the failure.
export const CAUSE_MARK = /^(?:because|bc|since|after|by|from|blame|courtesy|thanks|due|via)$/;
// Capitalised words that are not people (sentence openers, products of the team itself, months…).
export const NOT_A_PERSON = /^(?:I|We|The|A|An|This|That|It|Our|My|Your|Their|So|And|But|Then|Sorry|Thanks|FYI|Fyi|Hey|Hi|Status|Update|Impact|Summary|Incident|Postmortem|Root|Cause|Prevention|Fix|Fixed|Staging|Production|Prod|Main|Master|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|UTC|EU|US|UI|API|CI|CD|QA|PR|DB|Nice|Great|Well|Whose|Who|Dear|Best|Please)$/;
export const QUESTION_OPEN = /^(?:who|whose)$/;
// Round eight: a mention of a whole group names nobody; all capitals ("SPF", "DNS") is an acronym, not a
// person; a gerund after "by" says how, not who ("by letting the record lapse").
export const GROUP = /^(?:channel|here|everyone|all|team|room)$/;
export const ACRONYM = /^\p{Lu}{2,}(?:'s)?$/u;
export const GERUND = /^\p{Ll}[\p{L}-]{1,40}ing$/u;
// Round nine: participles whose "by X" is not the doer of a failure — an effect, a feeling, a standing role
// ("affected by", "confused by", "reviewed by the on-call DBA").
export const NOT_A_DOING = /^(?:affected|impacted|hit|confused|surprised|annoyed|bothered|frustrated|worried|concerned|upset|inconvenienced|blocked|delayed|reviewed|owned|maintained|managed|hosted|provided|supported|used|led|followed|requested|covered|protected|guarded|monitored|tested|verified|signed)$/;
// Words before an embedded question after the doer: "not sure who merged it", "no idea who approved".
export const ASKING = /^(?:sure|know|idea|clue|wonder|wondering|ask|asking|tell|guess|find|out|me)$/;
// "…is not related to my deploy", "nothing to do with our change": a denial tied to the writer's work.
// Round seventeen: not a source contrasted after a setting's new source ("taken from the account, not from my env").
export const DENIAL = /(?<!\b(?:taken|reads?|loads?|loaded|pulls?|pulled|fetch(?:es|ed)?|sourced|derived)\s+(?:[\w-]{1,40}\s+){0,3}from\s[^.;!?]{1,60})(?:\bnot|n't|\bnever)\s+(?:[\w-]+\s+){0,2}?(?:related\s+to|caused\s+by|due\s+to|because\s+of|connected\s+to|linked\s+to|from)\s+(?:my|our|me|us)\b|\b(?:nothing\s+to\s+do\s+with|unrelated\s+to|independent\s+of)\s+(?:my|our|me|us)\b/i;
export const DENIAL_CONCEDED = /^\s*,?\s*but\s+(?:my|our|i|we)\b/i;

// Round eleven: "It was me who deleted it", a cleft naming the writer: the pronoun and the verb before "who".
export const CLEFT_PRONOUN = /^(?:me|us)$/;
export const CLEFT_VERB = /^(?:was|is|it's|it’s|'s)$/;

/** Every pattern this file runs, named, for the linear-time test. */
export const FAILURE_AGENT_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['agent: token', TOKEN],
  ['agent: other in phrase', OTHER_IN_PHRASE],
  ['agent: other party in phrase', OTHER_PARTY_IN_PHRASE],
  ['agent: vague failure', VAGUE_FAILURE],
  ['agent: other as head', OTHER_HEAD],
  ['agent: determiner', DETERMINER],
  ['agent: clause break', CLAUSE_BREAK],
  ['agent: suffered', SUFFERED],
  ['agent: helping verb', HELPING],
  ['agent: camel case', CAMEL],
  ['agent: state word', STATE_WORD],
  ['agent: denial', DENIAL],
  ['agent: denial conceded', DENIAL_CONCEDED],
  ['agent: not a person', NOT_A_PERSON],
  ['agent: malfunction', MALFUNCTION],
  ['agent: asking', ASKING],
  ['agent: restoring verb', RESTORING],
  ['agent: idiom of breaking', BREAK_IDIOM],
  ['agent: not an owner', NOT_AN_OWNER],
  ['agent: group mention', GROUP],
  ['agent: acronym', ACRONYM],
  ['agent: gerund', GERUND],
  ['agent: not a doing', NOT_A_DOING],
  ['agent: cleft pronoun', CLEFT_PRONOUN],
  ['agent: cleft verb', CLEFT_VERB],
];
