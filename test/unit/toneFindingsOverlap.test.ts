import * as assert from 'node:assert/strict';
import { checkTone } from '../../src/core/teamUpdate/toneCheck';
import { allLabeledMessages } from '../helpers/toneCorpus';

const QUILL = 'Checkout was down for an hour because Quillpost changed their API without notice.';

describe('tone check: each finding once, and names worded for what is known of them', () => {
  it('does not report a finding inside the text an earlier finding of its kind already rewrites', () => {
    const flags = checkTone(QUILL, { radius: 'production' }).flags.filter((f) => f.kind === 'deflection');
    assert.deepEqual(
      flags.map((f) => f.suggestion?.original),
      ['because Quillpost changed their API without notice'],
    );
  });

  it('still reports a second finding of the same kind outside that text', () => {
    const text = "Checkout broke because Quillpost changed their API. The retries failed because of the payments team's proxy.";
    const flags = checkTone(text, { radius: 'team' }).flags.filter((f) => f.kind === 'deflection');
    assert.ok(flags.length >= 2, JSON.stringify(flags.map((f) => f.excerpt)));
  });

  it('calls an author or a full name a person, and an unknown single name a person or company', () => {
    const unknown = checkTone('Quillpost pushed a bad config and checkout broke.', { radius: 'team' }).flags.find((f) => f.kind === 'naming-people');
    assert.equal(unknown?.excerpt, 'Quillpost');
    assert.match(unknown.explanation, /person or company/);
    const author = checkTone('Quillpost pushed a bad config and checkout broke.', { radius: 'team', people: ['Quillpost Adeyemi'] }).flags.find((f) => f.kind === 'naming-people');
    assert.match(author?.explanation ?? '', /^Naming a person/);
    const full = checkTone('Checkout broke because Tomas Brandt pushed a bad config.', { radius: 'team' }).flags.find((f) => f.kind === 'naming-people');
    assert.match(full?.explanation ?? '', /^Naming a person/);
  });

  it('leaves an unknown name to the deflection finding whose rewrite already replaces it, but not an author', () => {
    assert.deepEqual(
      checkTone(QUILL, { radius: 'production' }).flags.filter((f) => f.kind !== 'missing-beat').map((f) => f.kind),
      ['deflection'],
    );
    const author = checkTone(QUILL, { radius: 'production', people: ['Quillpost Adeyemi'] }).flags.filter((f) => f.kind !== 'missing-beat');
    assert.deepEqual(author.map((f) => f.kind).sort(), ['deflection', 'naming-people']);
  });

  it('reads a code name after a verb as its object, not as the one who broke it', () => {
    const flags = checkTone('Builds that imported fromDataToStream broke for about a day.', { radius: 'team' }).flags;
    assert.deepEqual(flags.filter((f) => f.kind !== 'missing-beat'), []);
    // Near miss: a product as the subject still moves the cause.
    assert.ok(checkTone('The updated PagerDuty SDK broke our alerts.', { radius: 'team' }).flags.some((f) => f.kind === 'deflection'));
  });

  it('leaves no same-kind finding inside another\'s rewrite, on every labeled message', function () {
    this.timeout(120_000);
    const inside: string[] = [];
    let pairs = 0;
    for (const m of allLabeledMessages()) {
      const flags = checkTone(m.text, { radius: m.radius, people: m.authors }).flags.filter((f) => f.suggestion && f.suggestion.original !== '');
      for (const a of flags) {
        const s = a.suggestion!;
        for (const b of flags) {
          if (b === a || b.kind !== a.kind || b.index <= a.index) continue;
          pairs++;
          if (b.index + b.excerpt.length <= s.index + s.original.length && s.index <= a.index) inside.push(`${m.file}:${m.line} ${a.kind} "${b.excerpt}"`);
        }
      }
    }
    assert.ok(pairs > 100, `only ${pairs} pairs of same-kind findings`);
    assert.deepEqual(inside, []);
  });
});
