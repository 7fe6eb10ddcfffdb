import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StatPoll } from '../../src/services/statPoll';
import { makeTempDir } from '../helpers/tempRepo';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('StatPoll: the safety net under file watchers', () => {
  let dir: string;
  const polls: StatPoll[] = [];
  beforeEach(() => {
    dir = makeTempDir('statpoll-');
  });
  afterEach(() => {
    for (const p of polls.splice(0)) p.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function poll(paths: string[], active: () => boolean = () => true): { calls: () => number } {
    let calls = 0;
    polls.push(new StatPoll({ paths: () => paths, onChange: () => calls++, intervalMs: 40, active }));
    return { calls: () => calls };
  }

  it('sees a file saved into a watched folder by temp file and rename, and a file deleted from it', async () => {
    const folder = path.join(dir, 'incidents');
    fs.mkdirSync(folder);
    const p = poll([folder]);
    await sleep(150);
    assert.equal(p.calls(), 0, 'nothing changed yet');
    fs.writeFileSync(path.join(folder, '.a.md.tmp'), 'x');
    fs.renameSync(path.join(folder, '.a.md.tmp'), path.join(folder, 'a.md'));
    await until('the save', () => p.calls() === 1);
    fs.rmSync(path.join(folder, 'a.md'));
    await until('the delete', () => p.calls() === 2);
    await sleep(150);
    assert.equal(p.calls(), 2, 'one call per change, none while nothing changes');
  });

  it('sees a file written in place, a folder that appears, and one that vanishes', async () => {
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, 'one');
    const later = path.join(dir, 'later');
    const p = poll([file, later]);
    await sleep(100);
    fs.writeFileSync(file, 'two');
    await until('the in-place write', () => p.calls() === 1);
    fs.mkdirSync(later);
    await until('the new folder', () => p.calls() === 2);
    fs.rmSync(later, { recursive: true });
    await until('the removed folder', () => p.calls() === 3);
  });

  it('counts a path that joins the list later as a change (what was read before may be stale)', async () => {
    const first = path.join(dir, 'a.md');
    const paths = [first];
    fs.writeFileSync(first, 'one');
    let calls = 0;
    polls.push(new StatPoll({ paths: () => paths, onChange: () => calls++, intervalMs: 40 }));
    await sleep(150);
    assert.equal(calls, 0, 'the first look at the first list is the baseline');
    paths.push(path.join(dir, 'incidents'));
    await until('the new path', () => calls === 1);
    await sleep(150);
    assert.equal(calls, 1);
  });

  it('waits while inactive and reports a change made meanwhile once it is active again; stops when disposed', async () => {
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, 'one');
    let active = true;
    const p = poll([file], () => active);
    await sleep(100);
    active = false;
    fs.writeFileSync(file, 'two, longer');
    await sleep(200);
    assert.equal(p.calls(), 0, 'a hidden panel does not reload');
    active = true;
    await until('the change made while inactive', () => p.calls() === 1);
    polls.splice(0).forEach((x) => x.dispose());
    fs.writeFileSync(file, 'three');
    await sleep(200);
    assert.equal(p.calls(), 1, 'no call after dispose');
  });
});
