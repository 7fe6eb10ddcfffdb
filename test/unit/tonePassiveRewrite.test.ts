import * as assert from 'node:assert/strict';
import { checkTone } from '../../src/core/teamUpdate/toneCheck';
import { applyToneSuggestion } from '../../src/core/teamUpdate/tone/suggestions';
import { allLabeledMessages } from '../helpers/toneCorpus';

const PASSIVE = /^Passive voice/;

/** The text after applying each passive-voice finding's rewrite, one at a time. */
function passiveRewrites(text: string, radius: 'local' | 'team' | 'production' = 'team'): string[] {
  return checkTone(text, { radius })
    .flags.filter((f) => PASSIVE.test(f.explanation) && f.suggestion)
    .map((f) => applyToneSuggestion(text, f.suggestion!));
}

describe('tone check: a failure told with no doer is rewritten with the writer as its doer', () => {
  it('turns the passive active with its own subject, keeping the adverb and the rest of the sentence', () => {
    assert.deepEqual(passiveRewrites('The invoice export was broken for an hour. Sorry.'), ['I broke the invoice export for an hour. Sorry.']);
    assert.deepEqual(passiveRewrites('Two dashboards were accidentally deleted during cleanup. Restored.'), ['I accidentally deleted two dashboards during cleanup. Restored.']);
    assert.deepEqual(passiveRewrites('A wrong cron schedule was deployed to staging; rolled back.'), ['I deployed a wrong cron schedule to staging; rolled back.']);
  });

  it('gives an unowned mistake an owner, a relative clause its doer, and says "by me" where no subject can be found', () => {
    assert.deepEqual(passiveRewrites('The staging bucket, which got deleted by mistake, is restored.'), ['The staging bucket, which I deleted by mistake, is restored.']);
    assert.deepEqual(passiveRewrites('Some of the files that were deleted are back.'), ['Some of the files that were deleted by me are back.']);
    assert.deepEqual(passiveRewrites('Staging was down; mistakes were made.'), ['Staging was down; I made a mistake.']);
    assert.deepEqual(passiveRewrites('Checkout failed for an hour, the result of an oversight.'), ['Checkout failed for an hour, the result of my oversight.']);
    assert.ok(passiveRewrites('Checkout was down for an hour due to an unfortunate chain of events.').includes('Checkout was down for an hour due to a mistake of mine.'));
  });

  it('does not make the writer the doer where the sentence names another one', () => {
    const out = passiveRewrites('The seed script was broken by the platform team.');
    assert.equal(out.length, 1);
    assert.match(out[0], /^The seed script was broken by the platform team\. My part in this: /);
  });

  it('leaves no fixed rewrite inside a sentence, on every labeled message', function () {
    this.timeout(120_000);
    const stuck: string[] = [];
    let checked = 0;
    for (const m of allLabeledMessages()) {
      for (const f of checkTone(m.text, { radius: m.radius, people: m.authors }).flags) {
        if (!PASSIVE.test(f.explanation) || !f.suggestion || f.suggestion.original === '') continue;
        checked++;
        const out = applyToneSuggestion(m.text, f.suggestion);
        if (/\b(?:I broke this|I did this|I pushed a change that broke this|I made a change that broke this)\b/.test(out) && !m.text.includes('I broke this')) stuck.push(`${m.file}:${m.line} ${out}`);
      }
    }
    assert.ok(checked > 100, `only ${checked} rewrites checked`);
    assert.deepEqual(stuck, []);
  });
});
