/**
 * Round thirteen: the cause put on an outside agent the word lists have never seen. An invented
 * vendor or tool is known by its grammar, not its name: a capitalised word that is not a sentence
 * word (a pronoun, a determiner, a day, a heading, a common thing of the team's own) standing as
 * the subject of an act done to the writer ("Mailcrest throttled our account", "Xcode update nuked
 * my simulators", "the GitHub Actions image changed under us"), as the cause on a "Cause:" line
 * ("Cause: Pingwire outage", "Cause: RabbitMQ's default heartbeat setting"), as the one that had
 * the outage ("Paytide had a 40-minute outage"), named in apposition after "caused by our
 * provider", or after "because" ("because Docker Compose v2 renamed all the containers"). A
 * person's work as the reason ("@tnowak's migration is why …", "the runbook Rafael wrote pointed
 * at …") and the reader's own systems as the cause ("caused by your firewall") are the same shape.
 * These deflect where nothing is owned in the first person; a passive or agentless cause ("due to
 * a template issue", "a bad config was pushed") names no agent and stays under-owned.
 *
 * The name patterns are case-sensitive (a name is capitalised; "because the cache expired" is
 * not one), so their sentence words are spelled with both cases where a sentence may start with
 * them. Every gap is bounded and each pattern starts on a literal word or a capital (linear).
 */
import { TOOL, type FlagRule } from './ruleParts';
import { NO_SAFEGUARD } from './suggestions';
import { EXPLAIN } from './explanations';

// Capitalised words that start sentences or name the team's own things, not an outside agent.
export const NOT_NAME = String.raw`(?:I|We|My|Our|Us|Me|The|This|That|These|Those|It|Its|A|An|Your|Their|His|Her|He|She|They|You|Someone|Somebody|Nobody|Everyone|Everybody|Anyone|Anybody|Nothing|Something|Everything|There|Here|Yesterday|Today|Tonight|Tomorrow|Last|Next|Earlier|Later|Sorry|Apologies|Hi|Hey|Hello|Dear|Also|Then|So|But|And|Or|Yes|Yeah|No|Not|After|Before|When|While|Since|Because|Once|If|Now|Just|Still|Again|Only|Even|Please|Thanks|Thank|Sadly|Unfortunately|Overall|About|Around|At|On|In|For|From|To|With|By|Of|As|During|Until|Over|Under|Between|What|Why|How|Who|Where|Which|Some|All|Most|Many|Every|Each|Both|One|Two|Three|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Summary|Cause|Fix|Fixed|Prevention|Impact|Update|Postmortem|Retro|Timeline|Status|Root|Note|Staging|Prod|Production|Main|Master|Dev|QA|Local|Nightly|Config|Configuration|Database|DB|DNS|Network|Disk|Memory|Cache|Server|Servers|Schema|Code|Deploy|Deploys|Deployment|Release|Migration|Cert|Certificate|Timeout|Load|Traffic|Power|Hardware|Storage|Queue|Cron|Job|Jobs|Test|Tests|Build|Builds|Feature|Flag|Index|Query|Data|Capacity|Human|Missing|Bad|Wrong|Expired|Stale|Broken|Incorrect|Faulty|Typo|Unknown|Internal|Manual|Checkout|Login|Logins|Search|Billing|Payments|Signup|Auth|App|Site|Users|Customers|Nobody|Everyone)`;
// A name: a capitalised word (with a brand's inner capitals, dots or digits), then up to two more name words or a
// version ("Docker Compose v2", "GitHub Actions").
const NAME = String.raw`(?!${NOT_NAME}\b)[A-Z][\w.-]{1,30}(?:\s+(?:[A-Z][\w.-]{1,30}|v?\d[\w.]{0,10})){0,2}`;
// Lower-case words between the name and its act ("Xcode update nuked", "the GitHub Actions ubuntu image changed"):
// not a pronoun or an auxiliary, which would start a clause of its own.
const NOUNS = String.raw`(?:\s+(?!(?:i|we|you|he|she|they|it|is|was|are|were|has|had|have|and|but|or|so|then|that|which|who)\b)[a-z][\w-]{1,30}){0,2}?`;
const ADVERBS = String.raw`(?:\s+(?:just|silently|suddenly|quietly|apparently|also|again|randomly|has|had|have|then)){0,2}`;
// The act: any past verb, or the irregular ones that do things to other people's work.
// Round eighteen: not a verb of helping ("Git's reflog saved me").
const ACT = String.raw`(?!(?:saved|helped|rescued|caught|warned|alerted|spotted|flagged|unblocked|notified|pinged|paged)\b)(?:[a-z]{2,20}ed|broke|ate|threw|took|wrote|rewrote|made|sent|cut|lost|dropped|shut|killed|hid|overrode|wiped|blew\s+away)`;
// An outage of its own first ("Shipview's preview environments went down and took our PR checks with them").
const WENT_DOWN_AND = String.raw`(?:(?:went\s+down|failed|crashed|broke)\s+and\s+)?`;
// …done to the writer: "our account", "half my branch's imports", "the wrong version of our bundle", "under us".
const TO_US = String.raw`\s+(?:(?:(?:the|a|an|all|half|some|most|every|each)\s+(?:[\w'-]{1,40}\s+){0,3}?(?:of\s+)?)?(?:our|my|us|me)\b|under\s+(?:us|me)\b)`;
const LEAD = String.raw`(?:^|[,;:(—–]\s*|\b(?:[Bb]ecause|[Ss]ince|[Aa]fter|[Ww]hen|[Aa]s|[Bb]ut|[Aa]nd|[Tt]hen|[Oo]nce)\s+)`;
const TROUBLE = String.raw`(?:outage|incident|maintenance|downtime|bug|regression|change|update|release|default|limit|throttling|deprecation|failure|degradation|rollout|error|issue|problem|glitch|hiccup)`;
// The reader's own systems as the cause ("caused by your firewall blocking our IP range").
const YOUR_SIDE = String.raw`(?:firewall|network|proxy|vpn|allowlist|whitelist|setup|settings|environment|browser|browsers|device|devices|dns|certificate|servers?|integration|configuration|sso|identity\s+provider|it\s+(?:team|department)|admins?|security\s+team)`;
// Work a person can own, as the reason ("@tnowak's migration is why …").
const PERSON_WORK = String.raw`(?:migration|change|changes|commit|commits|pr|deploy|script|config|refactor|patch|merge|push|runbook|query|release|upgrade|cleanup|rollout)`;

/** A sentence whose subject is a named outside agent acting on the writer: it owns nothing, whatever "our" it names. */
export const NAMED_AGENT_SUBJECT = new RegExp(String.raw`^(?:[\w-]{1,40}\s*:\s*)?(?:the\s+)?${NAME}(?:'s)?${NOUNS}${ADVERBS}\s+${WENT_DOWN_AND}${ACT}${TO_US}`);

/**
 * A sentence whose failure is explained by an outside agent's act after "because" ("the build on my branch is red because
 * pnpm changed its lockfile format", "payouts were late because our bank partner's file format changed"): the writer's
 * thing in it is the victim, so it owns nothing unless "I" or "we" is in it too.
 */
export const NAMED_AGENT_CAUSE = new RegExp(
  [
    String.raw`\b[Bb]ecause\s+(?:the\s+)?(?:${NAME}|${TOOL})(?:'s)?${NOUNS}${ADVERBS}\s+(?:[a-z]{2,20}ed|broke|threw|sent|dropped|lost)\b`,
    // Round eighteen: a tool by its kind after "because" or "after" ("my branch broke after the VS Code extension auto-formatted …").
    String.raw`\b(?:[Bb]ecause|[Aa]fter)\s+the\s+(?:[\w.-]{1,30}\s+){0,2}?${TOOL}${ADVERBS}\s+(?:(?:[a-z]{2,10}-)?[a-z]{2,20}ed|broke|rewrote|wrote|ate|threw|took|sent|dropped|lost|made)\b`,
    String.raw`\b[Bb]ecause\s+(?:our|the)\s+(?:[\w-]{1,40}\s+)?(?:provider|vendor|partner|supplier|processor|gateway|carrier|registrar|host)'s\s+(?:[\w-]{1,40}\s+){0,3}?(?:changed|broke|went\s+down|[a-z]{2,20}ed)\b`,
  ].join('|'),
);

export const NAMED_AGENT_RULES: readonly FlagRule[] = [
  {
    kind: 'deflection',
    pattern: new RegExp(
      [
        // "Mailcrest throttled our account", "Xcode update nuked my simulators", "because the GitHub Actions image changed under us".
        String.raw`${LEAD}(?:the\s+)?${NAME}(?:'s)?${NOUNS}${ADVERBS}\s+${WENT_DOWN_AND}${ACT}${TO_US}`,
        // "because Docker Compose v2 renamed all the containers": a name after "because" as the doer, any object.
        String.raw`\b[Bb]ecause\s+(?:the\s+)?${NAME}(?:'s)?${NOUNS}${ADVERBS}\s+(?:[a-z]{2,20}ed|broke|threw|sent|dropped|lost)\b`,
        // "Cause: Pingwire outage", "Cause: RabbitMQ's default heartbeat setting".
        String.raw`\b(?:[Cc]ause|[Rr]oot\s+cause|[Rr]eason)\s*:\s*(?:the\s+)?${NAME}(?:'s\b|\s+${TROUBLE}\b)`,
        // "Paytide had a 40-minute outage on Friday".
        String.raw`${LEAD}${NAME}(?:'s\s+[a-z][\w-]{1,30})?\s+(?:had|has\s+had|suffered|experienced|reported)\s+an?\s+(?:[\w-]{1,40}\s+){0,2}?(?:outage|incident|degradation|failure|bug|regression|problem|issue|hiccup|glitch)\b`,
        // "caused by our provider Textlane", "due to the SMS vendor, Textlane".
        String.raw`\b(?:[Cc]aused\s+by|[Dd]ue\s+to|[Bb]ecause\s+of|came\s+from)\s+(?:our|the|their)\s+(?:[\w-]{1,40}\s+)?(?:provider|vendor|partner|supplier|host|processor|gateway|carrier|registrar|cdn|isp)(?:\s+|,\s*)${NAME}`,
        // "caused by your firewall blocking our IP range".
        String.raw`\b(?:[Cc]aused\s+by|[Dd]ue\s+to|[Bb]ecause\s+of|[Bb]locked\s+by)\s+your\s+(?:own\s+)?(?:[\w-]{1,40}\s+)?${YOUR_SIDE}\b`,
        // "our bank partner's file format changed": a vendor's thing changed, as the reason.
        String.raw`\b(?:because|since|after)\s+(?:our|the)\s+(?:[\w-]{1,40}\s+)?(?:provider|vendor|partner|supplier|processor|gateway|carrier|registrar|host)'s\s+(?:[\w-]{1,40}\s+){0,3}?(?:changed|broke|went\s+down|[a-z]{2,20}ed)\b`,
      ].join('|'),
      'g',
    ),
    explanation: EXPLAIN.OUTSIDE_PARTY,
    rewrite: () => NO_SAFEGUARD,
    unlessOwned: 'firstPerson',
  },
  {
    kind: 'blame',
    pattern: new RegExp(
      [
        // "@tnowak's migration is why QA lost its data", "Omar's refactor was the reason".
        String.raw`(?:^|\s)(?!(?:My|Our|Your|Their|His|Her|Its|Today|Yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'s)@?[A-Za-z][\w.-]{1,30}'s\s+(?:[\w-]{1,40}\s+)?${PERSON_WORK}\s+(?:is|was)\s+(?:why|the\s+reason|what\s+broke|the\s+cause)\b`,
        // "The runbook Rafael wrote pointed at the old bucket": a person's work as the subject of the failure.
        String.raw`\b[Tt]he\s+(?:[\w-]{1,40}\s+)?(?:runbook|script|config|migration|docs|guide|job|query|template|patch|checklist|playbook)\s+(?!(?:I|We)\b)@?[A-Z][\w.-]{1,30}\s+(?:wrote|made|set\s+up|added|built|pushed|merged|shipped|configured|created|left)\s+(?:[a-z]{2,20}ed|pointed|broke|had|was|missed|used|deleted|dropped)\b`,
      ].join('|'),
      'g',
    ),
    explanation: 'Naming whose work it was puts the failure on them; say what broke and which check was missing.',
    rewrite: () => 'our',
  },
];
