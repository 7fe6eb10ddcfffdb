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
