/**
 * Property tests over hostile text for the revert parser, the incident file round trip and slugs.
 * A few hundred cases in `npm test`; `npm run fuzz` runs each property 10,000 times
 * (OWN_IT_FUZZ_RUNS, shared with the other property tests).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { IncidentStore } from '../../src/core/incidents/incidentStore';
import { newIncident, parseIncident, serializeIncident } from '../../src/core/incidents/incidentFile';
import type { Incident } from '../../src/core/incidents/model';
import { isWindowsReservedName, MAX_SLUG_LENGTH, slugify } from '../../src/core/incidents/slug';
import { parseRevertMessage } from '../../src/core/revert/messageParser';
import { HOSTILE_NAMES, PAYLOADS } from '../helpers/hostileRepo';
import { makeTempDir } from '../helpers/tempRepo';

const RUNS = Number(process.env.OWN_IT_FUZZ_RUNS ?? 200);
/** File-system properties are slower per case; they get a tenth of the runs. */
const IO_RUNS = Math.max(20, Math.floor(RUNS / 10));

/** Fragments attackers and unlucky histories put in text, mixed with arbitrary characters. */
const fragment = fc.oneof(
  fc.constantFrom(
    ...Object.values(PAYLOADS),
    ...HOSTILE_NAMES,
    'Revert "',
    '"',
    'This reverts commit ',
    'deadbeef1234',
    '--output=/tmp/x',
    '-oProxyCommand=x',
    '\n',
    '\r\n',
    '---',
    '## Impact',
    '…',
    '(#12)',
    'Refs: ',
    '\u0000',
    '\u2028',
    ': ',
    '- ',
    '&a *a !!str',
  ),
  fc.string({ maxLength: 20, unit: 'binary' }),
);
const hostileText = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

describe('fuzz: hostile text (properties)', () => {
  it('the revert parser never throws, never yields an option-like sha, and stays fast', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (subject, body) => {
        const started = Date.now();
        const p = parseRevertMessage(subject, body);
        assert.ok(Date.now() - started < 500, 'parse took longer than 500 ms');
        if (p === null) return;
        for (const s of [...p.shas, ...(p.mergeParent ? [p.mergeParent] : [])]) assert.match(s, /^[0-9a-f]{4,64}$/);
        if (p.subject !== undefined) assert.ok(!p.subject.includes('\n'));
      }),
      { numRuns: RUNS },
    );
  });

  it('front matter: hostile titles, refs, action and event texts survive save and load unchanged', () => {
    const iso = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    const edit = fc.record({
      title: hostileText,
      deployRefs: fc.array(hostileText, { maxLength: 3 }),
      actions: fc.array(fc.record({ text: hostileText, done: fc.boolean(), kind: fc.constantFrom('fix' as const, 'test' as const, 'other' as const) }), { maxLength: 3 }),
      events: fc.array(fc.record({ at: iso, text: hostileText, source: fc.constantFrom('manual' as const, 'git' as const) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(edit, edit, (first, second) => {
        const base = newIncident({ title: 'start' }, new Date('2026-01-05T09:00:00Z'));
        const a: Incident = { ...base, ...first };
        const rawA = serializeIncident(a);
        assert.deepEqual(pick(parseIncident(rawA, 'a.md')), pick(a));
        // Editing an existing file (the minimal-edit path) keeps every field too.
        const b: Incident = { ...a, ...second };
        const rawB = serializeIncident(b, rawA);
        assert.deepEqual(pick(parseIncident(rawB, 'b.md')), pick(b));
      }),
      { numRuns: RUNS },
    );
  });

  it('slugs are always safe file names', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ maxLength: 400, unit: 'grapheme' })), (title) => {
        const slug = slugify(title);
        assert.match(slug, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        assert.ok(slug.length <= MAX_SLUG_LENGTH + '-incident'.length);
        assert.ok(!isWindowsReservedName(slug));
      }),
      { numRuns: RUNS },
    );
  });

  it('creating incidents from hostile titles writes only new files inside the folder', async () => {
    const sandbox = makeTempDir('fuzz-store-');
    const root = path.join(sandbox, 'repo');
    fs.mkdirSync(root);
    const store = new IncidentStore(root);
    let count = 0;
    try {
      await fc.assert(
        fc.asyncProperty(hostileText, async (title) => {
          const s = await store.create({ title }, new Date('2026-01-05T09:00:00Z'));
          count++;
          assert.equal(path.dirname(s.path), store.folderPath);
          assert.equal((await store.load(s.relativePath)).incident.title, title);
          assert.equal(fs.readdirSync(store.folderPath).length, count, 'a file was overwritten');
          assert.deepEqual(fs.readdirSync(sandbox), ['repo']);
        }),
        { numRuns: IO_RUNS },
      );
    } finally {
      fs.rmSync(sandbox, { recursive: true, force: true });
    }
  });
});

/** The fields under test as plain data (fast-check's records have no prototype). */
function pick(i: Incident): Pick<Incident, 'title' | 'deployRefs' | 'actions' | 'events'> {
  return JSON.parse(JSON.stringify({ title: i.title, deployRefs: i.deployRefs, actions: i.actions, events: i.events })) as Pick<Incident, 'title' | 'deployRefs' | 'actions' | 'events'>;
}
