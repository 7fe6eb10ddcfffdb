import { verdictCases } from '../helpers/toneExpect';

/** Authors of the fictional repository. */
const PEOPLE = ['Ines Varga', 'Kwabena Osei', 'Lotte Brandt', 'Ravi Menon', 'Yuki Tanabe'];
const { check } = verdictCases(PEOPLE);

/**
 * Round nineteen, part A (#18): deflection in grammar the rules had not read (tone/otherSource.ts), and a
 * product named as a modifier no longer read as a person (agentFlags.ts). Every sentence was written for this
 * file (none is a line of a fixture); each class case gets another verdict on round eighteen's rules (e21611f),
 * the near misses the same one.
 */
describe('tone check (round nineteen): another party\'s input in a faulty state, nothing owned', () => {
  check(
    [
      ['a feed "from our supplier" was corrupt', 'The stock levels from our supplier were garbled, so 80 orders were oversold on Sunday. We cancelled them.', 'production'],
      ['data "from our payroll vendor" was truncated', 'The forecast was off because the budget file from our payroll vendor was truncated. Cleaned it up here.', 'team'],
      ['a source named by what it feeds', 'The churn chart was wrong for days because the sales tracker that feeds it had stale entries. I deduped it locally.', 'team'],
      ['made by an outside group, in the passive', 'Apologies to design for the lost mockups; the purge task that removed them was set up by the security rotation in May. I\'ve restored them.', 'team'],
      ['blame located on a named product', 'The sign-in outage is squarely on Authvale; their own status page admits it. About 9k people could not log in on Friday.', 'production'],
    ],
    'deflecting',
    ['deflection'],
  );
});

describe('tone check (round nineteen): the writer\'s side cleared, the failure declared intended or older', () => {
  check(
    [
      ['"Nothing broken on our side," as its own clause', 'Nothing broken on our side, our gateway answered every call; the resellers seeing errors should review their own setup.', 'production'],
      ['"works this way by design"', 'The quota works this way by design; teams who hit it should request more capacity. Roughly 40 jobs were rejected.', 'production'],
      ['unstable before the writer\'s act', 'The smoke tests were unstable well before my branch landed; nothing new in this morning\'s red runs.', 'team'],
    ],
    'deflecting',
    ['deflection'],
  );
});

describe('tone check (round nineteen): the cause moved after owning, or a document only followed', () => {
  check(
    [
      ['"but the problem was the <party>"', 'Sure, I pushed the release on Monday, but the actual issue with invoices was the tax provider, they renamed a field without a heads-up.', 'production'],
      ['following another\'s runbook to the letter', 'Applying Marta\'s upgrade checklist to the letter is what took the search cluster down for the web squad.', 'team'],
    ],
    'deflecting',
    ['deflection'],
  );
});

describe('tone check (round nineteen): a product named as a modifier is not a person', () => {
  check(
    [
      ['"due to a Keycloak-like setting that got changed"', 'Staging checkouts for the payments team were broken for an hour due to a Vaultline token setting that got changed. It has been put back.', 'team'],
    ],
    'under-owned',
  );
});

describe('tone check (round nineteen): near misses that must not change', () => {
  check(
    [
      ['the partner\'s feed fine, the writer\'s parser at fault', 'The rates feed from our partner was correct; my parser dropped the decimals. About 300 quotes were wrong for an hour. I fixed the parser and added a contract test.', 'production'],
      ['the blame located on the writer', 'The outage is entirely on me: I let the signing key expire. Uploads failed for 20 minutes for everyone. I rotated it and added an expiry alert.', 'production'],
      ['a denial the writer then takes back', 'Nothing wrong on our end at first, but then I found my deploy had stripped the header. Reverted, and I added a header check.', 'team'],
      ['"working as intended now" after a repair', 'I shipped a rate limit that was ten times too low and 200 accounts were throttled for a day. I raised it, it is working as intended now, and I added a config test.', 'production'],
      ['a source the writer wrote', 'The report was off because the query I wrote that feeds it had a bad join. I fixed the join and added a uniqueness check.', 'team'],
      ['"caused by our certificate rotation"', 'Card payments failed for 30 minutes for EU shoppers; they were caused by our certificate rotation, which I ran without updating the pin. I restored the old certificate and added a pin check.', 'production'],
    ],
    'right-sized',
  );
  check(
    [
      ['a named vendor\'s incident stays deflecting', 'Map tiles were missing for an hour because of a Tilepoint incident. Service is back.', 'production'],
      ['a name with a gerund is the doer', 'The double refunds were caused by Paystream resending our callbacks twice. We have refunded the difference.', 'production'],
    ],
    'deflecting',
  );
});
