import { verdictExpecter } from '../helpers/toneExpect';
import type { ToneFlagKind, ToneVerdict } from '../../src/core/teamUpdate/toneCheck';

type Radius = 'local' | 'team' | 'production';

/** Authors of the fictional repository. */
const PEOPLE = ['Ilse Brandt', 'Kofi Mensah', 'Yuki Mori', 'Rafa Ortiz', 'Nadia Petrova', 'Quillon'];
const expectVerdict = verdictExpecter(PEOPLE);
type Case = [name: string, text: string, radius: Radius, verdict: ToneVerdict, kind?: ToneFlagKind];
const run = (cases: readonly Case[]) => {
  for (const [name, text, radius, verdict, kind] of cases) it(name, () => expectVerdict(text, radius, verdict, kind));
};

/**
 * Session sixteen, part A (#18): the classes of blind15-24's misses where deflection was read
 * wrongly, either way. Every sentence was written for this file (none is a line of a fixture).
 */
describe('tone check (session sixteen): a name in the message that is not blamed', () => {
  run([
    ['spoken to after an apology and a spaced dash', 'Sorry, Kofi - my force-push to the shared feature branch erased your last commit. I pushed it back from my reflog.', 'team', 'right-sized'],
    ['spoken to at the start, then "i\'m" in lower case', "Yuki i'm really sorry my half-done branch ate your afternoon", 'local', 'over-apologetic', 'over-apology'],
    ['spoken to after a label, then "you"', 'Review reply: Rafa, you were right, my parser change broke the CSV import for quoted fields. Fixed in the next commit.', 'local', 'right-sized'],
    ['spoken to after a label and a greeting', 'Thread reply: heads up Nadia, my branch had a bad seed file for an hour while you were on it. Pushed a fix.', 'local', 'right-sized'],
    ['spoken to after an apology in another language', 'Lo siento mucho, Ilse - my stale lockfile broke the branch you pulled. Regenerated it.', 'local', 'over-apologetic', 'over-apology'],
    ['spoken to between commas in an apology', 'Apologies for the flood of CI mails from my fork, Yuki, and apologies again for the noise in your inbox. Turned the workflow off.', 'local', 'over-apologetic', 'over-apology'],
    ['a vendor cleared by its own predicate', "Short review: Quillon didn't fail us; I let the API token expire and every export failed for an hour. Sorry. I renewed it, and token expiry now pages two weeks ahead.", 'production', 'right-sized'],
    ['a vendor cleared as "fine"', 'Quillon was fine; I broke the staging webhooks with a typo in the URL. Fixed the URL and the stuck jobs went through.', 'team', 'right-sized'],
    ['nothing wrong on the vendor\'s side', "Nothing was wrong on Quillon's side; the mapping change was mine. I re-sent the 300 failed messages, and the mapping now has a contract test. Sorry to the 300 customers who saw the failure.", 'production', 'right-sized'],
    ["the vendor's outage conceded with the writer's part", "Checkout was down for 20 minutes for every shopper on Friday. The outage itself was Quillon's, but the missing fallback was ours. We switched to the backup provider by hand, and the fallback now switches automatically.", 'production', 'right-sized'],
    ['a person only with the writer', 'I dropped my local database while Nadia was debugging with me. I restored it from the dump. Sorry, Nadia, for the lost hour, and sorry again.', 'local', 'over-apologetic', 'over-apology'],
  ]);
  // Near misses: a name that did it stays blamed.
  run([
    ['a name that did it, after an apology, stays blamed', 'Sorry all - Kofi pushed the broken config to staging.', 'team', 'deflecting', 'naming-people'],
    ['a name after a cause label with a comma stays blamed', 'Cause: Rafa, who skipped the review, merged it.', 'team', 'deflecting', 'naming-people'],
    ['a vendor that did fail stays the cause', 'Quillon went down again and the exports failed for an hour.', 'production', 'deflecting'],
  ]);
});

describe('tone check (session sixteen): another party next to the failure that is not charged with it', () => {
  run([
    ['a role the writer says is themself, in brackets', 'Root cause: human error by our release engineer (me), who tagged the wrong commit; 15% of users got the old app for an hour. Re-tagged; tags are now checked against main.', 'production', 'under-owned', 'human-error'],
    ['a role the writer says is themself, in a relative clause', 'An unfortunate human error by the on-call dev, who was me: I silenced the wrong alert and payments queued for 30 minutes for all EU users. Unsilenced, and silences now expire after an hour.', 'production', 'under-owned', 'human-error'],
    ['a department that acted on the writer\'s fault', 'Incident note: support sent customers the wrong refund amounts on Tuesday because my report rounded the totals. I fixed the rounding and sent support the corrected list.', 'team', 'right-sized'],
    ['a team that suffered it, put down to the writer with "was my"', "Yesterday's staging freeze (two hours, the whole mobile team waiting) was my cache change. I reverted it at 16:10.", 'team', 'right-sized'],
    ['a department that only noticed it', 'The weekly revenue export was empty on Monday, finance noticed. Could someone look at the query?', 'team', 'under-owned', 'missing-beat'],
    ['an email "they didn\'t ask for"', 'We sent 4,000 customers a renewal notice they didn\'t ask for, because my segment filter matched the wrong plan. I sent a correction within the hour, and segment filters now need a preview count. Sorry for the confusion.', 'production', 'right-sized'],
    ['a count, not a version', 'I broke the staging emails with a typo in the sender domain. Fixed it, and the 350 waiting test emails went out.', 'team', 'right-sized'],
    ['the team\'s own tool', 'Reports for 12 schools arrived six hours late: our cron job ran in UTC after I moved it to the new host. Sorry. I re-sent the reports, and each school now has its own timezone setting.', 'production', 'right-sized'],
  ]);
  // Near misses: another party that did it is still charged.
  run([
    ['a role that is not the writer stays blamed', 'The outage was human error by the on-call engineer, who restarted the wrong cluster.', 'production', 'deflecting'],
    ['"not because of our change" stays a denial', 'The sync was down two hours because of the vendor client update, not because of our change.', 'team', 'deflecting'],
    ['a vendor that decided it stays outside', 'The payouts failed because our vendor changed the file format overnight.', 'production', 'deflecting'],
  ]);
});
