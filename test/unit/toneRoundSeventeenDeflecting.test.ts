import { verdictCases } from '../helpers/toneExpect';

/** Authors of the fictional repository. */
const PEOPLE = ['Ilse Brandt', 'Kofi Mensah', 'Yuki Mori', 'Rafa Ortiz', 'Nadia Petrova'];
const { run } = verdictCases(PEOPLE);

/**
 * Round seventeen, part A (#18): the classes of blind25-26's deflecting misses, either way. Every
 * sentence was written for this file (none is a line of a fixture); the near misses must not change.
 */
describe('tone check (round seventeen): the writer\'s side cleared', () => {
  run([
    ['"my X was fine." as a sentence', 'My rebase was fine. The stale cache on the runners is the actual problem.', 'team', 'deflecting', 'deflection'],
    ['"not our incident."', 'Not our incident. Please take it up with Cardwell directly.', 'production', 'deflecting', 'deflection'],
    ['nothing down on our side', 'Nothing went down on our side; the dashboards people saw were cached in their browsers.', 'production', 'deflecting', 'deflection'],
    ['"didn\'t touch it" opening a sentence', "didn't even touch it. the nightly has been red all week", 'local', 'deflecting', 'deflection'],
    ['the failing thing given to another', 'The flaky e2e suite belongs to someone else, ask around.', 'team', 'deflecting', 'deflection'],
    ['the failing job given to a named group', 'The payout job belongs to the billing platform group, who will follow up.', 'production', 'deflecting', 'deflection'],
    // Near misses.
    ['near miss: a notification that belonged to another customer (a mix-up the writer owns)', 'Sorry, the receipt you got belonged to another customer. We joined two tables on the wrong key; I fixed the join, re-sent the right receipts and added a check that each receipt matches its order.', 'production', 'right-sized'],
    ['near miss: my change was fine in staging, then broke prod', 'My change was fine in staging but broke the prod import for an hour because I skipped the prod config. I reverted it and added the config to the checklist.', 'production', 'right-sized'],
  ]);
});

describe('tone check (round seventeen): after owning, "but" and another\'s thing as the cause', () => {
  run([
    ['their notes left something out', 'Yes, I bumped the ORM, sorry for the broken migrations, but their release notes left out the new default. Rolled back.', 'team', 'deflecting', 'deflection'],
    ["another's sample had a value set", "I ran the importer, but the partner's sample manifest had batch size set to 1.", 'team', 'deflecting', 'deflection'],
    ["another's spec called faulty", "We shipped the new invoice export, but the bank's format sheet was unclear.", 'production', 'deflecting', 'deflection'],
    ['a cleft with a tool default that rewrote', "Sorry, I ran the formatter, but it's ESLint's new default that rewrote the imports.", 'local', 'deflecting', 'deflection'],
    ['requested by your own team', 'We did switch the dates to ISO, apologies, but the switch was requested by your own data team.', 'production', 'deflecting', 'deflection'],
    ['another role approved it', 'We merged the flag change, but the account owner requested it.', 'team', 'deflecting', 'deflection'],
    ['exactly as a source says', 'I set the cron exactly as the onboarding page says. Reverted.', 'team', 'deflecting', 'deflection'],
    ['implemented what was asked', 'We implemented what was agreed in the call; the totals follow that.', 'production', 'deflecting', 'deflection'],
    // Near misses.
    ["near miss: but the writer's own part", "I bumped the ORM but my migration skipped the new default. Rolled back and added a test.", 'team', 'right-sized'],
    ['near miss: but only the impact', 'I ran the importer, but the damage was small: two rows, both fixed.', 'team', 'right-sized'],
  ]);
});

describe('tone check (round seventeen): a named product or an update as the doer, nothing owned', () => {
  run([
    ["a named company's outage as the subject", "Fernbank's outage blocked card payments for half an hour.", 'production', 'deflecting', 'deflection'],
    ['because a named company acted', 'The reminders went out twice because Mailvine resent them.', 'production', 'deflecting', 'deflection'],
    ["because a named product's settings are faulty", "my CI minutes ran out because Runloft's default concurrency settings are broken", 'local', 'deflecting', 'deflection'],
    ['a named product thing that duplicated, after a dash', 'Sorry for the double invoices - the Ledgerly sync job duplicated every line. I removed the extra ones.', 'team', 'deflecting', 'deflection'],
    ['a named tool called unreliable, after a comma', 'Sorry for the red pipeline, the Maven mirror is just unreliable.', 'team', 'deflecting', 'deflection'],
    ['an update that changed behaviour, as the cause', 'Wi-Fi in the office dropped at noon because the access point firmware update resets the channel. Power-cycled it.', 'team', 'deflecting', 'deflection'],
    // Near misses.
    ['near miss: a named product that rejected the writer\'s bad data', 'We sent an invalid tax code in a deploy and Fernbank rejected it as it should. We rolled back and added a contract test; sorry for the failed payments.', 'production', 'right-sized'],
    ["near miss: the writer's part after the product's", 'The reminders went out twice because Mailvine resent them after my job timed out. I made the job idempotent and added an alert on its timeouts.', 'production', 'right-sized'],
  ]);
});

describe('tone check (round seventeen): not another party', () => {
  run([
    ["the writer's own tool", 'The alerts went to the wrong room because of my broken bot config. I fixed the config.', 'team', 'right-sized'],
    ['a generic tool naming a vague failure', 'Some reports were late due to a scheduler problem, which has been resolved.', 'production', 'under-owned'],
    ['a place after "of"', 'The payroll of Portugal was late because of a config problem, now fixed.', 'production', 'under-owned'],
    ['a setting\'s new source, not "from my" a denial', 'The job now reads the locale from the tenant settings, not from my shell. I had hard-coded it and invoices went out in the wrong language; sorry. I re-sent them.', 'production', 'right-sized'],
    // Near misses: still deflecting.
    ['near miss: a vendor issue is still a party', 'Some reports were late due to a vendor problem, which has been resolved.', 'production', 'deflecting', 'deflection'],
    ['near miss: "not from my" as a denial', 'The errors came from the proxy, not from my change.', 'team', 'deflecting'],
  ]);
});

describe('tone check (round seventeen): "human error by our team" is the writer\'s side, told vaguely', () => {
  run([
    ['human error by our team as a label', 'Cause: human error by our team while tidying the queues. Fix: replayed the dead letters.', 'team', 'under-owned'],
    ['a human mistake of our named team', 'A human mistake of our data team emptied the reporting tables for two hours. They are back from the snapshot.', 'production', 'under-owned'],
    // Near misses: another party still.
    ['near miss: human error by a role', 'Human error by the contractor emptied the reporting tables.', 'production', 'deflecting', 'blame'],
    ['near miss: a mistake by our named team, with no "human"', 'The outage was a mistake by our billing team, who pushed a bad config.', 'production', 'deflecting', 'blame'],
  ]);
});
