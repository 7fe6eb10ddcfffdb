import { verdictCases } from '../helpers/toneExpect';

/** Authors of the fictional repository. */
const PEOPLE = ['Greta Holm', 'Tariq Aziz', 'Lena Vogt', 'Bruno Sá', 'Mika Lahti'];
const { run } = verdictCases(PEOPLE);

/**
 * Round eighteen, part A (#18): the grammar of blind27-28's deflecting misses, either way. Every sentence was
 * written for this file (none is a line of a fixture); the near misses must not change.
 */
describe('tone check (round eighteen): another party as the subject of the clause that caused it, nothing owned', () => {
  run([
    ['a product update as the doer after a comma', "sorry my emulator won't boot, the Gradle 9 upgrade removed the old system images.", 'local', 'deflecting', 'deflection'],
    ["a product's thing as the doer after a comma", "apologies for the empty preview on my branch, Tailwind's purge step stripped the classes.", 'local', 'deflecting', 'deflection'],
    ["another team's thing in a faulty state after a semicolon", "Sorry for the noise in #oncall; the observability team's new paging policy is far too eager.", 'team', 'deflecting', 'deflection'],
    ['a named product after "Cause:"', 'Cause: Zapier renamed the trigger fields. Fix: remapped them.', 'team', 'deflecting', 'deflection'],
    ["the reader's own system after because", 'Hello Ana, your shop saw double orders because your inventory plugin resubmitted each cart. We merged the duplicates.', 'production', 'deflecting', 'deflection'],
    ['a progressive act of a customer system', "Apologies for the failed logins, the client's gateway is rewriting the callback URL.", 'production', 'deflecting', 'deflection'],
    ['the repair alone owns no cause', "sorry for the spam on my fork, Renovate's schedule opened twenty PRs at once, I closed them.", 'local', 'deflecting', 'deflection'],
    ['a tool by its kind after "after"', 'The lint job on my branch went red after the Prettier plugin rewrote every quote. Undid its changes.', 'local', 'deflecting', 'deflection'],
    // Near misses.
    ['near miss: the writer named as the cause later in the sentence', 'Sorry, the preview broke, Storybook rebuilt the bundle after I deleted the shared config. Restored the config.', 'team', 'right-sized'],
    ['a product that only helped is not the doer', "sorry, my cleanup script ate the seed data, Git's stash saved me. restored.", 'local', 'right-sized'],
    ['near miss: an intransitive failure of a named service', 'Sorry, Harbor crashed twice this morning after my deploy. I rolled it back.', 'team', 'right-sized'],
    ['near miss: the writer owns the cause', 'I pinned the wrong Node version, so the Vite build dropped the polyfills for two hours. Sorry. Re-pinned it and added a version check.', 'team', 'right-sized'],
  ]);
});

describe('tone check (round eighteen): the cause located at another party, the served people as doers', () => {
  run([
    ['degraded at a named party', 'Slow page loads from 08:00 to 09:10 were due to packet loss at Transitnet. We rerouted through the other region.', 'production', 'deflecting', 'deflection'],
    ['came from a named product', 'The sync errors come from older iPads with low storage.', 'production', 'deflecting', 'deflection'],
    ['the served people did it themselves', 'Shoppers who lost their wishlists had wiped their cookies themselves.', 'production', 'deflecting', 'deflection'],
    ['any group picked out by a who-clause, with "their own"', 'Drivers who missed pickups had switched off notifications in their own settings.', 'production', 'deflecting', 'deflection'],
    // Near misses.
    ['near miss: the people hit by the writer\'s act', 'Members who renewed on Monday were charged twice because I ran the billing job twice. Sorry. We refunded all 80 and the job now refuses a second run per day.', 'production', 'right-sized'],
    ['near miss: located at a named party, and the writer\'s part owned', 'Checkout errors for an hour came from a routing fault at Netlane, and we had no second route; that part is on us. We failed over and added a second route.', 'team', 'right-sized'],
  ]);
});

describe('tone check (round eighteen): the writer\'s side cleared, a document followed, expected by design', () => {
  run([
    ['not a problem on our end', "This isn't a problem on our end, the school's filter is blocking the video host.", 'production', 'deflecting', 'deflection'],
    ['nothing required from us', 'Summary: texts were delayed for a day. Prevention: nothing required on our side.', 'team', 'deflecting', 'deflection'],
    ['our service green the whole time', 'Our backend stayed green the entire time, and the feed was empty for an hour.', 'production', 'deflecting', 'deflection'],
    ['everything on our side worked', 'Everything on our end worked correctly, the bounced emails had mistyped addresses.', 'production', 'deflecting', 'deflection'],
    ['not from anything we did', 'the red runs on main are unrelated to anything we merged.', 'team', 'deflecting', 'deflection'],
    ['a document followed to the letter', 'I followed the onboarding guide to the letter and it wiped my shared dev bucket. Restored it.', 'team', 'deflecting', 'deflection'],
    ['the document needs fixing', 'Ran the cutover from the wiki and the replica lost an hour of writes. Recovered them. The runbook needs updating.', 'team', 'deflecting', 'deflection'],
    ['declared expected', 'Some Huawei phones ship a broken font renderer, so the garbled receipts on those phones are expected.', 'production', 'deflecting', 'deflection'],
    // Near misses.
    ['near miss: a document followed, a step skipped', 'I followed the guide but I skipped the backup step and wiped the shared dev bucket. Sorry, restored it and added the backup to the script.', 'team', 'right-sized'],
    ['near miss: our service fine, but my alert wrong', 'Our service was healthy the whole time, but my alert rule was wrong and paged the whole team at 3am. Sorry. Fixed the rule.', 'team', 'right-sized'],
  ]);
});

describe('tone check (round eighteen): after owning, the cause moved to another', () => {
  run([
    ['but … only because a product did it', 'I did bump the SDK, but the testers only saw blank maps because Mapforge served the wrong tiles. Rolled back.', 'team', 'deflecting', 'deflection'],
    ["the root cause is a product's thing", 'Our deploy broke uploads for 200 customers for an hour. Sorry. We reverted and added an upload test. For the record, the root cause is Storagio\'s client, which mangles long names.', 'production', 'deflecting', 'deflection'],
    ["another team's thing clearly broken", 'I ran the seed script and it emptied my tables; the data team\'s seed script is obviously broken. Restored them.', 'local', 'deflecting', 'deflection'],
    ["another's problem", 'My job hogged the runners for an hour, but frankly the queue limits are the CI vendor\'s problem. Cancelled it.', 'team', 'deflecting', 'deflection'],
    ['a product told what it should not do', 'We pushed the change and checkout failed for 20 minutes. Sorry. We rolled back and now retry token calls. Vaultly should not be dropping connections like that.', 'production', 'deflecting', 'deflection'],
    ['leaning on another\'s approval', 'I merged the broken migration, sorry, but the on-duty reviewer let it through so I figured it was checked. Reverted.', 'team', 'deflecting', 'deflection'],
    // Near misses.
    ['near miss: the root cause is theirs, but we own a miss', 'Our release broke exports for 90 customers for a day. Sorry. We rolled back and added a test. The root cause was the Sheetly parser, and we didn\'t test empty rows against it.', 'production', 'right-sized'],
  ]);
});

describe('tone check (round eighteen): the writer\'s own side is not another party', () => {
  run([
    ['"by our team" is the writer\'s team', 'At 10:02 a schema change by our team dropped a column the reports read. About 300 reports failed for 40 minutes. I restored the column at 10:42, and schema changes now run a read check first.', 'production', 'right-sized'],
    ['"the team" after "on our side:" is not another team', 'Human error on our side: the team deployed a rule that blocked partner webhooks for an hour. We removed it, and rules now need a review.', 'production', 'under-owned', 'human-error'],
    ['a named person whose thing only suffered after the writer\'s act', "My rebase deleted the shared mocks; Lena's and Tariq's test runs failed until lunch. Restored them from history.", 'team', 'right-sized'],
    ['the writer\'s own commit message called nonsense', 'Sorry, I broke the build on my fork. And sorry again, my commit title was nonsense too.', 'local', 'over-apologetic', 'over-apology'],
    // Near misses.
    ['near miss: another named team still is another party', 'Staging went down because the platform team pushed a bad config.', 'team', 'deflecting'],
    ['near miss: a named person who caused it is still named', "Lena's migration wiped the shared mocks.", 'team', 'deflecting'],
  ]);
});
