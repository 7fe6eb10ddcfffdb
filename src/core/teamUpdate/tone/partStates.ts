/**
 * Round eighteen: parts of an apology (components.ts) told as a state the writer left or a thing
 * the message points at, where right-sized updates in blind15–28 were called under-owned:
 * - ownership: the writer left a shared thing in a harmful state or mode ("I left the staging DB
 *   in read-only mode", "we left the preview env scaled to zero"); the change the message is
 *   attached to, pointed at with "this" as the subject of the failure ("This PR caused the 502s",
 *   "this is the commit that broke the Windows job"); an earlier act of the writer's told in the
 *   pluperfect with what it did ("I had added a test that depended on the clock");
 * - impact: the reader's own thing, in a relative clause with "you", that came out wrong ("the
 *   labels you printed yesterday had the wrong warehouse");
 * - prevention: a safeguard told as a participle with "now" after it ("deploys are canaried now",
 *   not "it's fixed now"), and a thing that now runs against a safe stage ("templates now render
 *   against real data in review");
 * - repair: a one-word fragment after the failure ("forgot to delete. deleted.").
 * Every gap is bounded and each piece starts on a literal word (linear on any input).
 */

// A state or mode a shared thing was left in.
const LEFT_STATE = String.raw`(?:in\s+(?:a\s+|an\s+)?(?:[\w-]{1,40}\s+){0,2}?(?:mode|state)|read-only|scaled\s+(?:to\s+zero|down|to\s+0)|disabled|paused|locked|stopped|suspended|detached|unmounted|half-[a-z]{3,20}|pointing\s+at\s+(?:the\s+)?(?:old|wrong|test|staging|my)|active|live|valid|exposed|public|(?:switched|turned)\s+(?:off|on)|off(?=\s*(?:[.,;!]|$|\s+(?:after|for|over|overnight|all|until|since))))`;
// What a message is attached to: the change itself.
const THIS_CHANGE = String.raw`(?:pr|pull\s+request|commit|change|patch|diff|mr|merge|release|deploy)`;
const FAILED_VERB = String.raw`(?:caused|broke|introduced|took\s+down|brought\s+down|knocked\s+out|started|triggered)`;

// What a thing the writer ran did in its relative clause when it did harm.
// Not what takes the extras away ("a script that deleted the duplicates" is the repair).
const HARMED = String.raw`(?:destroyed|deleted|dropped|wiped|broke|corrupted|overwrote|truncated|blocked|locked|crashed|emptied|double-[a-z]{2,20}ed)(?!\s+(?:the\s+|all\s+|those\s+|these\s+)?(?:duplicates?|dupes|extras?|stray|copies|test\s+data|old\s+copies))`;

// German participles of harm, and Spanish first-person acts of harm (perfect participle, or the preterite's own ending).
const GERMAN_HARM = String.raw`(?:gel[öo]e?scht|gestoppt|gesperrt|blockiert|zerschossen|kaputt\s*gemacht|[üu]e?berschrieben|verursacht|vergessen|gebrochen|abgeschossen|lahmgelegt|runtergefahren|heruntergefahren)`;
const SPANISH_HARM_PERFECT = String.raw`(?:roto|borrado|eliminado|bloqueado|causado|sobrescrito|tumbado|desplegado|olvidado|romp[ií]do)`;
const SPANISH_HARM_PAST = String.raw`(?:romp[ií]|rompimos|borr[ée]|borramos|elimin[ée]|eliminamos|bloque[ée]|bloqueamos|causé|causamos|tumb[ée]|tumbamos|olvid[ée]|olvidamos|sobrescrib[ií])`;

export const OWNERSHIP_STATES: readonly string[] = [
  // "Our team applied a Terraform plan that destroyed its load balancer", "we ran a script which truncated the table".
  String.raw`\b(?:i|we|(?:my|our)\s+(?:own\s+)?team)\s+(?:had\s+)?(?:[a-z]{2,20}ed|ran|wrote|built|made|set\s+up|sent|put)\s+(?:a|an|the|my|our)\s+(?:[\w-]{1,40}\s+){0,3}?(?:that|which)\s+(?:also\s+|then\s+|accidentally\s+)?${HARMED}\b`,
  String.raw`\b(?:i|we)\s+(?:accidentally\s+|also\s+)?left\s+(?:a|an|the|my|our)\s+(?:[\w-]{1,40}\s+){0,4}?${LEFT_STATE}`,
  String.raw`(?:^\W{0,3}|[.;:!?]\s{1,3})this\s+${THIS_CHANGE}\s+(?:(?:is\s+)?(?:what|the\s+one\s+that)\s+)?${FAILED_VERB}\b|\bthis\s+is\s+the\s+${THIS_CHANGE}\s+that\s+${FAILED_VERB}\b`,
  String.raw`\b(?:i|we)(?:'d|\s+had)\s+(?:wrote|written|built|set\s+up|made|added|shipped|introduced|merged|deployed)\s+(?:a|an|the)\s+(?:[\w-]{1,40}\s+){0,2}?(?:that|which)\s+(?:[a-z]{2,20}ed|broke|sent|ran|took|made|dropped|lost)\b`,  // A first-person act in German or Spanish, with an English or a native participle of harm ("ich habe the shared state
  // locked", "wir haben die Runner gestoppt", "he borrado la tabla", "borré el bucket"): the subject owns as "I" does.
  String.raw`\b(?:ich\s+habe|ich\s+hab|wir\s+haben|hab\s+ich|habe\s+ich)\s+(?:[\w'-]{1,40}\s+){0,6}?(?:${GERMAN_HARM}|${HARMED}|deployed|pushed|merged|caused|broken|misconfigured|overwritten)\b`,
  // The mistake named as the writer's with a word for its kind ("…, my scheduling mistake."; not "our error budget").
  String.raw`\b(?:my|our)\s+(?:[\w-]{1,30}\s+){1,2}?(?:mistake|error|oversight|slip-?up|blunder|goof|screw-?up|fault)\b(?!\s+(?:budget|rate|page|logs?|handling|messages?|tracking|reporting|counts?|codes?|alerts?|spikes?)\b)`,
  String.raw`\b(?:he|hemos)\s+(?:${SPANISH_HARM_PERFECT})\b|\b(?:${SPANISH_HARM_PAST})(?=[\s,.;:!?]|$)`,
];

const WENT_WRONG = String.raw`(?:wrong|incorrect|missing|duplicated?|old|stale|outdated|empty|broken|bad|blank|last\s+(?:year|week|month)'s)`;

// Records a business keeps, as the object of the failure.
const RECORDS = String.raw`(?:orders|invoices|payments|records|rows|bookings|appointments|shipments|transactions|messages|emails|files|entries|reports|payslips|receipts|labels|tickets|events)`;

export const IMPACT_STATES: readonly string[] = [
  // "skipped Tuesday's orders", "shifted appointments by one hour", "dropped the March invoices".
  String.raw`\b(?:skipped|dropped|missed|lost|duplicated|deleted|omitted|double-counted|shifted|mislabell?ed|misrouted|garbled|truncated)\s+(?:(?:the|all|some|most|half|every|our|their|your|[a-z]{3,12}'s)\s+)?(?:[\w-]{1,40}\s+)?${RECORDS}\b`,
  String.raw`\bfor\s+(?:about\s+|around\s+|nearly\s+|over\s+)?half\s+(?:a|the)\s+(?:day|night|week|morning|afternoon|shift|weekend)\b`,
  String.raw`\b(?:to|for)\s+(?:your|their|our)\s+(?:~\s?)?\d[\d,]{0,8}\s+(?:[\w-]{1,40}\s+)?(?:clients|customers|patients|users|partners|members|subscribers|tenants|merchants|students|drivers|guests)\b`,
  // A counted share of the readers or of a group ("for 73 of you", "210 of them"), and a consequence told as a participle
  // after the failure ("…, delaying payouts by two days", "…, leaving 40 drivers without routes").
  String.raw`\b\d[\d,]{0,8}\s+of\s+(?:you|them|us|our\s+[\w-]{3,30})\b`,
  String.raw`[,;]\s{0,3}(?:delaying|blocking|leaving|stranding|locking\s+out|logging\s+out|double-charging|charging|overcharging|preventing|stopping|breaking|costing|dropping|cancell?ing)\s+(?:[\w'-]{1,40}\s+){0,3}?(?:by|for|without|from|out|twice|\d|customers|users|orders|payouts|payments|[\w-]{3,30}s)\b`,
  String.raw`\byou\s+(?:[a-z]{2,20}ed|sent|ran|got|set\s+up|made|bought|built|wrote|paid|drew)\s+(?:[\w-]{1,40}\s+){0,3}?(?:had|got|showed|contained|carried|came\s+with|were|was|used|listed|printed)\s+(?:the\s+|an?\s+)?${WENT_WRONG}\b`,
];

export const PREVENTION_STATES: readonly string[] = [
  // A standing state that replaced the old one ("the billing contact is now a shared address instead of one inbox"),
  // and a standing guard that halts on a condition ("Now the import stops if any price is zero").
  String.raw`\bnow\s+(?:[\w'-]{1,40}\s+){1,6}?(?:instead\s+of|rather\s+than)\b`,
  String.raw`\bnow\s+(?:[\w'-]{1,40}\s+){0,4}?(?:stops|halts|aborts|fails|refuses|exits|pauses|bails|blocks|rejects|errors\s+out)\s+(?:[\w'-]{1,40}\s+){0,3}?(?:if|when|whenever|unless|once|as\s+soon\s+as|on\s+(?:any|a|an|the\s+first))\b`,
  // A key added that makes each item unique ("added a per-message dedup key"; not "deployed without idempotency keys").
  String.raw`\b(?:add(?:ed|ing|s)?|introduced|put\s+in)\s+(?:[^\s.!?]{1,40}\s+){0,4}?(?:dedup(?:e|lication)?|de-dup(?:e|lication)?|idempotency|uniqueness)\s+(?:keys?|checks?|ids?|tokens?)\b`,
  String.raw`\b(?:is|are)\s+(?:always\s+|also\s+)?(?!(?:fixed|restored|resolved|recovered|reverted|deployed|closed|merged|released|refunded|updated|stabili[sz]ed|unblocked|cleared|patched|enabled|re-?enabled|processed|delivered|finished|completed|sorted|handled|backed)\b)[a-z][a-z-]{2,20}ed\s+now\b`,
  String.raw`\bnow\s+(?!(?:works?|loads?|pass(?:es)?|returns?|shows?)\b)[a-z]{3,20}\s+(?:[\w-]{1,40}\s+){0,4}?(?:against|in|on|through)\s+(?:a\s+|the\s+)?(?:review|staging|ci|sandbox|canary|preview|dry-?run|shadow\s+mode)\b`,
];

// A thing done again to restore it ("We reinstated the old cert, retried the failed payments", "reconnected the
// sessions"), money paid out to the people hit ("We have paid out everyone"), things "are back", and a repair in German
// or Spanish ("Ich habe den lock entfernt", "lo arreglé").
export const REPAIR_STATES: readonly string[] = [
  // Only where the writer is the doer or the verb heads a clause ("the app retried and failed" is no repair).
  String.raw`(?:\b(?:i|we)(?:'ve|\s+have)?\s+(?:(?:then|also|just|already|now|quickly|manually)\s+)?|[,;:]\s{0,3}(?:and\s+)?|^\W{0,3}|\band\s+)re(?:instated|tried|activated|connected|indexed|imported|processed|queued|submitted|scheduled|provisioned|configured|mounted|synced|generated|issued|published|uploaded|attached|assigned|computed|calculated|enqueued|seeded|opened|keyed|paired|linked|granted|applied|delivered|migrated)\b`,
  String.raw`\bpaid\s+(?:out|back)\b|\b(?:i|we)(?:'ve|\s+have)?\s+paid\s+(?:everyone|everybody|all|each|every|the\s+(?:missing|delayed|affected|late|held))\b`,
  // The bad thing's removal told as a state ("The duplicate job is deleted"), a thing put back in the present ("I add
  // the route back"), and "works now".
  String.raw`\b(?:duplicate|extra|stray|bad|broken|faulty|wrong|rogue|leftover|bogus)\s+(?:[\w-]{1,30}\s+)?(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+)?(?:deleted|removed|cancell?ed|stopped|disabled|gone|killed|purged|reverted)\b`,
  String.raw`\b(?:i|we)\s+(?:add|put|turn|set|bring|switch|roll)\s+(?:[\w.'-]{1,30}\s+){0,3}?back\b|\bworks?\s+now\b`,
  String.raw`\b(?:are|were)\s+(?:now\s+|all\s+)?back(?=\s*(?:[.,;:!?]|$|\s+(?:and|online|up|to\s+normal|in\s+place|where|as)\b))`,
  String.raw`\b(?:entfernt|behoben|repariert|korrigiert|gefixt|zur[üu]e?ckgesetzt|zur[üu]e?ckgerollt|wiederhergestellt|r[üu]e?ckg[äa]e?ngig\s+gemacht|neu\s+gestartet)\b|\b(?:lo|la|los|las)\s+(?:arregl[ée]|arreglamos|correg[ií]|corregimos|restaur[ée]|restauramos|revert[ií]|revertimos)\b|\b(?:arreglado|corregido|restaurado|revertido)\b`,
];

// "deleted.", "Reverted it.": a repair in one word after the failure (not a report: "noticed.").
const REPAIR_FRAGMENT = /^\W{0,3}(?!(?:noticed|checked|confirmed|tested|investigated|escalated|paged|asked|reported|posted|monitored|watched|tried|failed|crashed|broke|broken|missed|forgot|caused|started|happened|affected|expected|noted|acknowledged|ack'?ed)\b)(?:[a-z][a-z-]{2,20}ed|undid|rebuilt|reran|redid)(?:\s+(?:it|them|that|this|now|again|back|both|all|everything))?\s*[.!]?\s*$/i;

export const PART_STATE_PATTERNS: readonly (readonly [string, RegExp])[] = [['part states: repair fragment', REPAIR_FRAGMENT]];

/** A sentence after the first that is only a repair verb: "deleted.", "Reverted it." */
export const repairFragment = (text: string, index: number) => index > 0 && REPAIR_FRAGMENT.test(text);
