import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { newIncident, parseIncident, serializeIncident } from '../../src/core/incidents/incidentFile';
import { IncidentStore } from '../../src/core/incidents/incidentStore';
import { parseIncidentForListing, readIncidentFast } from '../../src/core/incidents/listingParser';
import type { Incident } from '../../src/core/incidents/model';
import { readScalar } from '../../src/core/incidents/simpleFrontMatter';
import { PAYLOADS } from '../helpers/hostileRepo';
import { makeTempDir } from '../helpers/tempRepo';

const RUNS = Number(process.env.OWN_IT_PROPERTY_RUNS ?? 300);
const NOW = new Date('2026-01-05T09:30:00Z');

/** What a parser made of a text: the incident as JSON (key order included) or the error message. */
function outcome(parse: () => Incident): string {
  try {
    return `ok ${JSON.stringify(parse())}`;
  } catch (err) {
    return `error ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
  }
}

function assertSameAsFullParser(text: string): void {
  assert.equal(outcome(() => parseIncidentForListing(text, 'x.md')), outcome(() => parseIncident(text, 'x.md')), `for:\n${text}`);
}

/** Strings YAML reads as something other than what they look like, and characters it treats specially. */
const HOSTILE_FRAGMENTS = [
  ...['true', 'True', 'FALSE', 'yes', 'no', 'on', 'null', 'Null', '~', 'NaN', '.nan', '.inf', '-.Inf', '123', '-1', '+1', '0x1F', '0o17', '0b101', '1e3', '1.5', '.5', '1_000', '1:20', '0123'],
  ...['2026-01-05', '2026-01-05T09:30:00Z', '- ', '-', '? ', ': ', ':', ' #', '#', '---', '...', '|', '|-', '>', '[', ']', '{', '}', ',', '&a', '*a', '!!str ', '!', '%', '@', '`'],
  ...["'", "''", '"', '\\', '\\n', '\\x41', '\\u00e9', '\\U0001F600', '\\z', ' ', '  ', '\t', '\n', '\r\n', '\r'],
  ...['\u0000', '\u0001', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffe', '\ud800', '\udc00', 'é', '😀', '\u202e'],
  ...Object.values(PAYLOADS),
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ maxLength: 4, unit: 'binary' }), fc.string({ maxLength: 6 })), { maxLength: 5 })
  .map((parts) => parts.join(''));
const iso = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const sha = fc.stringMatching(/^[0-9a-f]{7,40}$/);
const kind = fc.constantFrom('fix' as const, 'test' as const, 'checklist' as const, 'monitoring' as const, 'docs' as const, 'process' as const, 'other' as const);

const incident: fc.Arbitrary<Incident> = fc
  .record({
    title: fc.oneof(hostile, fc.string({ minLength: 1, maxLength: 30 })).filter((s) => s.trim() !== ''),
    status: fc.constantFrom('open' as const, 'mitigated' as const, 'resolved' as const),
    severity: fc.constantFrom('sev1' as const, 'sev2' as const, 'sev3' as const, 'sev4' as const),
    detected: iso,
    resolved: fc.option(iso, { nil: undefined }),
    culprits: fc.array(fc.oneof(sha, hostile), { maxLength: 3 }),
    revert: fc.option(fc.oneof(sha, hostile), { nil: undefined }),
    deployRefs: fc.array(hostile, { maxLength: 2 }),
    actions: fc.array(
      fc.record(
        {
          text: hostile,
          owner: hostile,
          due: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          done: fc.boolean(),
          kind,
          path: fc.constantFrom('test/a.test.ts', 'docs/a b.md', 'x', 'tests/ünï cödé.py'),
        },
        { requiredKeys: ['text', 'done', 'kind'] },
      ),
      { maxLength: 3 },
    ),
    events: fc.array(fc.record({ at: iso, text: hostile, source: fc.constantFrom('manual' as const, 'git' as const, 'deploy' as const, 'own-it' as const) }), { maxLength: 3 }),
    whatHappened: hostile,
  })
  .map(({ whatHappened, ...r }) => newIncident({ ...r, id: 'INC-20260105-0000', sections: { whatHappened } }, NOW));

/**
 * Inserts, deletes or replaces a few characters of the front matter, as a hand edit or a bad merge
 * would: anywhere, or at a line's start or end (where indentation and trailing spaces matter).
 */
const mutated = fc
  .tuple(
    incident,
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('anywhere', 'line start', 'line end'), fc.nat(3), fc.constantFrom(...HOSTILE_FRAGMENTS, '\n  ', '\n    ', '\n  - ', '\nkey: ', '\nid: x', 'owner: ', ' # note')), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([inc, edits]) => {
    let text = serializeIncident(inc);
    for (const [at, where, cut, insert] of edits) {
      const end = Math.max(5, text.indexOf('\n---', 4));
      const breaks = [...text.slice(0, end).matchAll(/\n/g)].map((m) => m.index);
      const line = breaks[at % breaks.length];
      const i = where === 'anywhere' ? 4 + (at % (end - 4)) : where === 'line end' ? line : line + 1;
      text = text.slice(0, i) + insert + text.slice(i + (where === 'line end' ? 0 : cut));
    }
    return text;
  });

describe('listing parser (front matter fast path)', () => {
  it('reads what the serializer writes exactly as the full parser does, hostile strings included', () => {
    let fast = 0;
    fc.assert(
      fc.property(incident, (inc) => {
        const text = serializeIncident(inc);
        assertSameAsFullParser(text);
        if (readIncidentFast(text)) fast++;
      }),
      { numRuns: RUNS },
    );
    // The property must exercise the fast path, not only its fallback.
    assert.ok(fast > RUNS / 4, `fast path answered only ${fast} of ${RUNS}`);
  });

  it('answers like the full parser, or falls back, for hand-edited and broken front matter', () => {
    let fast = 0;
    fc.assert(
      fc.property(mutated, (text) => {
        assertSameAsFullParser(text);
        if (readIncidentFast(text)) fast++;
      }),
      { numRuns: RUNS * 3 },
    );
    assert.ok(fast > 0, 'no mutated file went through the fast path');
  });

  it('takes the fast path for the files Own It writes', () => {
    const inc = newIncident(
      {
        title: 'Checkout: "total" is #1 — wrong',
        culprits: ['0123456', 'abcdef0123456789'],
        revert: '1234567',
        deployRefs: ['v1.2.3', 'null'],
        actions: [{ text: 'Add a regression test', owner: '@me', due: '2026-02-01', done: true, kind: 'test', path: 'test/checkout.test.ts' }],
        events: [{ at: '2026-01-05T10:00:00Z', text: 'rolled back', source: 'deploy' }],
      },
      NOW,
    );
    const text = serializeIncident(inc);
    assert.deepEqual(readIncidentFast(text), inc);
  });

  it('falls back for comments, unknown shapes and invalid values, so errors keep their lines', () => {
    const base = serializeIncident(newIncident({ title: 'T', culprits: ['abcdef0'], actions: [{ text: 'a', done: false, kind: 'fix' }] }, NOW));
    const variants = [
      base.replace('title: T\n', 'title: T # a comment\n'),
      base.replace('title: T\n', '# a comment\ntitle: T\n'),
      base.replace('title: T\n', 'title: T\n\n'),
      base.replace('title: T\n', 'title:\n  T\n'),
      base.replace('title: T\n', 'title: T \n'),
      base.replace('title: T\n', 'title:  T\n'),
      base.replace('title: T\n', 'title: "T" \n'),
      base.replace('culprits:\n  - abcdef0', 'culprits:\n  - abcdef0 '),
      base.replace('title: T\n', 'title: T\ntitle: U\n'),
      base.replace('status: open', 'status: closed'),
      base.replace('status: open', 'status: "open"'),
      base.replace('status: open', "status: 'open'"),
      base.replace('culprits:\n  - abcdef0', 'culprits:\n- abcdef0'),
      base.replace('culprits:\n  - abcdef0', 'culprits: [abcdef0]'),
      base.replace('culprits:\n  - abcdef0', 'culprits:'),
      base.replace('culprits:\n  - abcdef0', 'culprits: 1234567'),
      base.replace('culprits:\n  - abcdef0', 'culprits:\n  - 1234567'),
      base.replace('done: false', 'done: yes'),
      base.replace('done: false', 'done: False'),
      base.replace('done: false', 'done: "false"'),
      base.replace('kind: fix', 'kind: bug'),
      base.replace('kind: fix', 'kind: fix\n    ticket: OPS-1'),
      base.replace('kind: fix', 'kind: fix\n    path: ../../etc/passwd'),
      base.replace('kind: fix', 'kind: fix\n    due: tomorrow'),
      base.replace('title: T\n', 'title: T\nteam: payments\n'),
      base.replace('title: T\n', 'title: T\nteam:\n  - a\n  - b: c\n'),
      base.replace('title: T\n', 'title: &t T\n'),
      base.replace('title: T\n', 'title: !!str T\n'),
      base.replace('title: T\n', 'title: |-\n  T\n'),
      base.replace(/\n/g, '\r\n'),
      base.replace('detected: ', 'detected: not a date '),
      base.replace(/id: [^\n]+\n/, ''),
      base.replace('---\n', '---\n%YAML 1.2\n'),
    ];
    for (const text of variants) assertSameAsFullParser(text);
    assert.equal(readIncidentFast(base.replace('title: T\n', 'title: T # a comment\n')), undefined);
    assert.equal(readIncidentFast(base.replace('kind: fix', 'kind: bug')), undefined);
  });

  it('resolves plain scalars as the core schema does', () => {
    for (const s of ['true', 'True', 'TRUE']) assert.equal(readScalar(s), true);
    for (const s of ['false', 'False', 'FALSE']) assert.equal(readScalar(s), false);
    for (const s of ['null', '~', '123', '0x1F', '0o17', '1e3', '1.5', '.inf', '.NaN']) assert.equal(readScalar(s), undefined, s);
    for (const s of ['yes', 'on', 'NaN', '0b101', '1_000', '2026-01-05', 'a:b', 'a#b', 'v1.2.3']) assert.equal(readScalar(s), s);
    assert.equal(readScalar('"a\\tb\\u00e9\\x41\\U0001F600\\""'), 'a\tbéA😀"');
    assert.equal(readScalar("'it''s'"), "it's");
    assert.equal(readScalar('"unclosed'), undefined);
    assert.equal(readScalar('"closed" trailing'), undefined);
  });

  it('IncidentStore.list gives what load gives for every file, and the full parser errors for broken ones', async () => {
    const root = makeTempDir('listing-');
    try {
      const store = new IncidentStore(root);
      const plain = await store.create({ title: 'Plain one', culprits: ['abcdef0'] }, NOW);
      const edited = await store.create({ title: 'Hand edited' }, NOW);
      fs.writeFileSync(edited.path, edited.raw.replace('title: Hand edited\n', 'title: Hand edited # keep this comment\nteam: payments\n'));
      const broken = path.join(store.folderPath, '2026-01-05-broken.md');
      fs.writeFileSync(broken, edited.raw.replace('status: open', 'status: closed'));
      const { incidents, errors } = await store.list();
      assert.equal(incidents.length, 2);
      for (const listed of incidents) assert.deepEqual(listed, await store.load(listed.path));
      assert.ok(incidents.some((s) => s.path === plain.path));
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /2026-01-05-broken\.md:4: status must be one of open, mitigated, resolved/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
