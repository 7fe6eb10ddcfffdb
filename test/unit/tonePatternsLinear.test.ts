import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { AGENT_KIND_PATTERNS } from '../../src/core/teamUpdate/tone/agentKind';
import { CAUSE_LINK_PATTERNS } from '../../src/core/teamUpdate/tone/causeLink';
import { BLAME_ELSEWHERE_RULES } from '../../src/core/teamUpdate/tone/blameElsewhere';
import { OUTSIDE_CAUSE_RULES } from '../../src/core/teamUpdate/tone/outsideCause';
import { PROPORTION_RULES } from '../../src/core/teamUpdate/tone/proportionShapes';
import { SOURCE_SHAPE_PATTERNS } from '../../src/core/teamUpdate/tone/sourceShapes';
import { OTHER_AGENT_RULES } from '../../src/core/teamUpdate/tone/otherAgentShapes';
import { WORTH_RULES } from '../../src/core/teamUpdate/tone/worthShapes';
import { TONE_PATTERNS } from '../../src/core/teamUpdate/toneCheck';
import { STEP_LIMIT, worstGrowth, type PatternResult } from '../helpers/linearProbe';

/**
 * Every regular expression of the tone check, alone, on adversarial inputs up to 1 MB
 * (test/helpers/linearProbe.ts says how growth is measured). The patterns are measured in a fresh
 * Node process, so the heap left by the rest of the unit run does not count.
 */
describe('tone check: every pattern is linear on adversarial 1 MB inputs', function () {
  this.timeout(600000);
  const KB = 1024;
  let results: PatternResult[] = [];

  before(async () => {
    const probe = path.join(__dirname, '..', 'helpers', 'linearProbe.js');
    const { stdout } = await promisify(execFile)(process.execPath, [probe], { maxBuffer: 16 * 1024 * 1024 });
    results = JSON.parse(stdout) as PatternResult[];
  });

  it('the measurement tells a quadratic pattern from a linear one', () => {
    const word = (n: number) => 'a'.repeat(n);
    const sizes = [2 * KB, 32 * KB];
    assert.ok(worstGrowth(/[\w-]+'s fault/g, word, sizes).growth >= STEP_LIMIT, 'a backtracking pattern is caught');
    assert.ok(worstGrowth(/\b[\w-]+'s fault/g, word, sizes).growth < STEP_LIMIT, 'its anchored form passes');
  });

  it('covers the patterns of every part of the check', () => {
    const names = TONE_PATTERNS.map(([n]) => n);
    for (const part of ['apology', 'deflection rule', 'blame rule', 'non-apology rule', 'minimizing rule', 'part: ownership', 'part: prevention', 'part: agency: token', 'part: agency: failure word', 'part: agency: owned phrase', 'part: hedged before', 'people: capitalised run', 'people: addressed to', 'agent: other in phrase', 'agent flags: own verb', 'blame elsewhere: disowns', 'part: vague resolve', 'part: clause or and', 'people: vocative after', 'people: denied or hit', 'people: shared with me', 'part: ownership grammar', 'part: part shapes', 'part: main clause lead', 'agent: gerund', 'agent: acronym', 'agent kind: role head', 'cause link: link', 'cause link: charge', 'cause link: denied']) {
      assert.ok(names.some((n) => n.startsWith(part)), `${part} is measured`);
    }
    assert.deepEqual(results.map((r) => r.name), names, 'the probe measured every pattern');
    // Round seven's rules for blame aimed elsewhere are flag rules, measured under their flag-rule names.
    const sources = new Set(TONE_PATTERNS.map(([, re]) => re.source));
    for (const rule of BLAME_ELSEWHERE_RULES) assert.ok(sources.has(rule.pattern.source), `${rule.kind} rule of blameElsewhere.ts is measured`);
    // …and round eight's, in outsideCause.ts.
    for (const rule of OUTSIDE_CAUSE_RULES) assert.ok(sources.has(rule.pattern.source), `${rule.kind} rule of outsideCause.ts is measured`);
    // …and round nine's agent kinds and cause links, listed by their modules.
    for (const [name, re] of [...AGENT_KIND_PATTERNS, ...CAUSE_LINK_PATTERNS]) assert.ok(sources.has(re.source), `${name} is measured`);
    // …and round ten's: the size rules, the located sources, and the name list of people.ts.
    for (const rule of PROPORTION_RULES) assert.ok(sources.has(rule.pattern.source), `${rule.kind} rule of proportionShapes.ts is measured`);
    for (const [name, re] of SOURCE_SHAPE_PATTERNS) assert.ok(sources.has(re.source), `${name} is measured`);
    for (const part of ['people: name list before', 'people: name list after', 'source shapes: fault in']) assert.ok(names.some((n) => n.startsWith(part)), `${part} is measured`);
    // …and round eleven's: the size and self-judgement rules, the other-agent rules, the cleft and the vocative lead.
    for (const rule of [...WORTH_RULES, ...OTHER_AGENT_RULES]) assert.ok(sources.has(rule.pattern.source), `${rule.kind} rule of round eleven is measured`);
    for (const part of ['agent: cleft pronoun', 'agent: cleft verb', 'agent flags: vocative lead']) assert.ok(names.some((n) => n.startsWith(part)), `${part} is measured`);
  });

  for (const [name] of TONE_PATTERNS) {
    it(`${name}: cost per byte stays flat from 4 kB to 1 MB`, () => {
      const result = results.find((r) => r.name === name);
      assert.ok(result, `${name} was measured`);
      assert.ok(result.growth < STEP_LIMIT, `${name} on "${result.label}": cost per byte grew ×${result.growth.toFixed(1)} up to ${result.at / KB} kB (linear ≈ 1, quadratic ≈ 8)`);
    });
  }
});
