import * as assert from 'node:assert/strict';
import { checkTone } from '../../src/core/teamUpdate/toneCheck';
import { applyToneSuggestion, NO_SAFEGUARD } from '../../src/core/teamUpdate/tone/suggestions';
import { allLabeledMessages } from '../helpers/toneCorpus';

const PEOPLE = ['Priya Raman', 'Bob Okafor'];

/** Every one-click rewrite of `text`, applied alone. */
function rewrites(text: string, radius: 'local' | 'team' | 'production' = 'team', people = PEOPLE): string[] {
  return checkTone(text, { radius, people })
    .flags.filter((f) => f.suggestion && f.suggestion.original !== '')
    .map((f) => applyToneSuggestion(text, f.suggestion!));
}

describe('tone check: a one-click rewrite leaves a sentence that reads', () => {
  it('puts "we had no safeguard for this" in place of the cause, keeping the word that links it', () => {
    assert.ok(rewrites("Staging broke because Priya's migration dropped the table.").includes('Staging broke because we had no safeguard for this.'));
    assert.ok(rewrites('Staging broke because the vendor\'s API changed.').includes('Staging broke because we had no safeguard for this.'));
    assert.ok(rewrites('Login broke because Zorblat changed their API.').includes('Login broke because we had no safeguard for this.'));
    assert.ok(
      rewrites("Proxy settings were ignored for two days; Quillpost's CDN cached the broken wheel. Purged.").includes(
        'Proxy settings were ignored for two days; we had no safeguard for this. Purged.',
      ),
    );
  });

  it("replaces a name's possessive whole, and writes \"our\" in lower case inside a sentence", () => {
    const bob = rewrites("Proxy settings were ignored for two days; Bob's CDN cached the broken wheel.");
    assert.ok(bob.includes('Proxy settings were ignored for two days; our CDN cached the broken wheel.'), bob.join('\n'));
    assert.ok(rewrites("Staging broke because Priya's migration dropped the table.").includes('Staging broke because our migration dropped the table.'));
    assert.ok(rewrites("Bob's migration broke staging.").includes('Our migration broke staging.'));
  });

  it('never glues a rewrite to the words around it, on every labeled message', function () {
    this.timeout(120_000);
    const bad: string[] = [];
    let checked = 0;
    for (const m of allLabeledMessages()) {
      for (const f of checkTone(m.text, { radius: m.radius, people: m.authors }).flags) {
        const s = f.suggestion;
        if (!s || s.original === '') continue;
        checked++;
        // Apply finds the words where the check says they are (no "check the tone again").
        const where = m.text.startsWith(s.original, s.index);
        const out = applyToneSuggestion(m.text, s);
        const before = m.text.slice(0, s.index);
        const after = m.text.slice(s.index + s.original.length);
        const glued = (/[\p{L}\p{N}]$/u.test(before) && /^[\p{L}\p{N}]/u.test(s.replacement)) || (/[\p{L}\p{N}]$/u.test(s.replacement) && /^[\p{L}\p{N}]/u.test(after));
        const clauseLeftOver = s.replacement.toLowerCase().endsWith(NO_SAFEGUARD) && !/^\s*(?:[.!?\u2026"\u201d)]|$)/.test(after);
        if (!where || glued || clauseLeftOver || /\b(?:our|we)['\u2019]s\b/i.test(out)) bad.push(`${m.file}:${m.line} ${f.kind}: ${out}`);
      }
    }
    assert.ok(checked > 500, `only ${checked} rewrites checked`);
    assert.deepEqual(bad, []);
  });
});
