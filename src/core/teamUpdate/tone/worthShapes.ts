/**
 * Round eleven: the size of an apology and the writer's judgement of themself, read by grammar
 * where blind11's over-apologies passed as right-sized:
 * - an apology made bigger by any "-ly" adverb of degree before it ("horribly sorry",
 *   "unspeakably sorry", "sincerely, wholeheartedly apologise"), and a big apology noun with its
 *   adjectives stacked ("my heartfelt, unreserved apology");
 * - the writer judging their own fitness for the work: unfit to be trusted or allowed near it ("I
 *   genuinely shouldn't be trusted with a terminal", "I don't think I should be allowed to touch
 *   the CI config", "I clearly can't be trusted to spell"), "no business being on call", wondering
 *   why they were given rights or access, giving up the tools of the job ("I should probably just
 *   hand in my laptop"), "not cut out for", "a hopeless case with", "someone to fire, it's me";
 * - the impact made small in more shapes ("barely down", "nobody really noticed", "Minor stuff"),
 *   and a failure told as a run of bad luck with no doer ("an unfortunate sequence of events").
 * Every gap is bounded and each pattern starts on a literal word (linear on any input).
 */
import { BIG, likeCase, PASSIVE_VOICE, rx, type FlagRule } from './ruleParts';
import { EXPLAIN } from './explanations';

// An adverb of degree, by its shape: any "-ly" word but the few that limit or place in time ("only", "early").
const LY = String.raw`(?!(?:only|early|lately|recently|previously|initially|originally|finally|briefly|partly|mostly|likely|publicly|personally|formally|officially)\b)[a-z]{3,20}ly`;
// What a writer can be unfit for: being trusted or allowed, or let near the work.
const UNFIT = String.raw`(?:allowed|trusted|let\s+near|given)`;

export const WORTH_RULES: readonly FlagRule[] = [
  {
    kind: 'over-apology',
    pattern: rx([
      // "We are horribly sorry", "I'm unspeakably sorry", "we sincerely, wholeheartedly apologise".
      String.raw`\b(?:am|are|'m|'re|is|was|were|feel|felt)\s+(?:${LY},?\s+(?:and\s+)?){1,3}sorry\b`,
      String.raw`\b(?:i|we)\s+(?:${LY},?\s+(?:and\s+)?){1,3}apologi[sz]e\b`,
      // "my heartfelt, unreserved apology", "a sincere and humble apology".
      String.raw`\b(?:an?|my|our)\s+(?:(?:${LY}|${BIG}),?\s+(?:and\s+)?){1,3}apolog(?:y|ies)\b`,
    ]),
    explanation: EXPLAIN.BIGGER_SORRY,
    rewrite: (m) => likeCase(m, /apologi[sz]e$/i.test(m) ? 'we apologise' : /apolog/i.test(m) ? 'an apology' : m.replace(/\s.*$/, ' sorry')),
  },
  {
    kind: 'self-deprecation',
    pattern: rx([
      String.raw`\bi\s+(?:${LY}\s+|just\s+|probably\s+){0,2}(?:shouldn'?t|should\s+not|can'?t|cannot|can\s+not|should\s+never)\s+(?:ever\s+)?be\s+${UNFIT}\b`,
      String.raw`\b(?:don'?t|do\s+not)\s+think\s+i\s+should\s+(?:ever\s+)?be\s+${UNFIT}\b`,
      String.raw`\bi\s+(?:have|had)\s+no\s+business\s+(?:being|doing|touching|running|anywhere|near|on)\b`,
      // Wondering why one was given the rights or the job: "don't know why they gave me merge rights".
      String.raw`\b(?:know|wonder|see|idea)\s+why\s+(?:they|anyone|anybody|you|people|we|the\s+team)\s+(?:ever\s+|even\s+|still\s+)?(?:gave|give|gives|let|lets|hired|hire|trust|trusted|trusts|allow|allowed|allows|promoted)\s+me\b`,
      // Giving up the tools of the job: "I should probably just hand in my laptop".
      String.raw`\bi\s+(?:should|might\s+as\s+well|may\s+as\s+well|ought\s+to)\s+(?:${LY}\s+|just\s+|probably\s+){0,2}(?:hand\s+in|turn\s+in|give\s+up|return)\s+my\s+(?:laptop|badge|keys|keyboard|access|commit\s+(?:rights|access)|notice)\b|\bi\s+(?:should|might\s+as\s+well)\s+(?:just\s+)?(?:resign|quit)\b`,
      // Round twelve: the privileges of the job taken away ("I should have my deploy rights revoked").
      String.raw`\bi\s+(?:should|ought\s+to|deserve\s+to)\s+(?:${LY}\s+|just\s+|probably\s+){0,2}(?:have|get)\s+my\s+(?:[\w-]{1,40}\s+)?(?:rights|access|permissions?|privileges|keys|laptop|badge|pager)\s+(?:revoked|taken\s+away|removed|pulled|confiscated|suspended)\b|\b(?:someone|somebody|you|they)\s+should\s+(?:${LY}\s+|just\s+|probably\s+){0,2}(?:revoke|take\s+away|pull|suspend)\s+my\s+(?:[\w-]{1,40}\s+)?(?:rights|access|permissions?|privileges|keys)\b`,
      String.raw`\b(?:not|n't|never)\s+(?:sure\s+)?(?:(?:i'?m|i\s+am|if\s+i'?m)\s+)?cut\s+out\s+for\b`,
      // Round seventeen: too green for the work ("I'm clearly too junior to be touching the CI config"), others asked
      // why they let the writer near it ("Who let me near the users table"), or told to take the tools away
      // ("Somebody should take my laptop away", "keep me away from prod").
      String.raw`\bi(?:'m|\s+am)\s+(?:${LY}\s+|just\s+|probably\s+){0,2}(?:far\s+|way\s+|much\s+)?too\s+[a-z]{3,20}\s+to\s+be\s+(?:${UNFIT}|touching|running|doing|handling|near|on\s+call|in\s+charge)\b`,
      String.raw`\b(?:who|why\s+did\s+(?:anyone|anybody|you|they|we))\s+(?:keeps\s+|kept\s+)?(?:let|lets|letting|allowed|allows|allowing|gave|gives|giving)\s+me\s+(?:anywhere\s+)?(?:near|touch|loose|access)\b|\b(?:don'?t|never|do\s+not)\s+(?:ever\s+)?let\s+me\s+(?:anywhere\s+)?(?:near|touch)\b`,
      String.raw`\b(?:someone|somebody|you|they|please)\s+(?:should\s+|needs?\s+to\s+|must\s+|(?:has|have)\s+to\s+)?(?:${LY}\s+|just\s+|probably\s+){0,2}(?:take|keep)\s+(?:my\s+(?:[\w-]{1,40}\s+)?(?:laptop|keyboard|keys|access|rights|terminal|computer|badge|pager|sudo)\s+away|me\s+away\s+from)\b`,
      // "I really am a hopeless case with Terraform", "I'm just bad with deploys".
      String.raw`\bi(?:'m|\s+am|\s+${LY}\s+am)\s+(?:just\s+|such\s+|so\s+)?(?:an?\s+)?(?:hopeless\s+case|hopeless|useless|terrible|awful|rubbish|the\s+worst)\s+(?:at|with)\b`,
      String.raw`\b(?:someone|somebody|a\s+person|who)\s+to\s+(?:fire|sack|demote)\b[^.!?]{0,20}?\b(?:it'?s|it\s+is|that'?s)\s+me\b`,
    ]),
    explanation: EXPLAIN.PUT_DOWN,
    rewrite: () => 'I made a mistake',
  },
  {
    kind: 'minimizing',
    pattern: rx([
      String.raw`\b(?:barely|hardly|scarcely)\s+(?:even\s+)?(?:down|broken|noticeable|visible|an?\s+(?:outage|issue|problem))\b`,
      // Not when it dates the detection ("nobody even noticed until Monday"): that is a fact about monitoring.
      String.raw`\b(?:nobody|no\s+one|no-one)\s+(?:really|even|actually|much)\s+(?:noticed|cared|minded)\b(?!\s+(?:until|till|for|before|in\s+time))`,
      String.raw`\b(?:minor|small|tiny|little|trivial)\s+(?:stuff|potatoes|matter)\b`,
    ]),
    explanation: EXPLAIN.PLAYED_DOWN,
    rewrite: () => '',
    notLocal: true,
  },
  {
    kind: 'non-apology',
    pattern: rx([
      String.raw`\b(?:an?\s+)?(?:unfortunate|unlucky|unforeseen|regrettable|strange|odd)\s+(?:[\w-]{1,40}\s+)?(?:sequence|series|chain|combination|set|turn)\s+of\s+(?:events|circumstances)\b|\bperfect\s+storm\b`,
    ]),
    explanation: PASSIVE_VOICE,
    rewrite: () => 'I made a change that broke this',
  },
];
