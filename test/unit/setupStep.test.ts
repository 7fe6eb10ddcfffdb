// The set-up step of `npm test`, `npm run demo` and .ci/run (scripts/testHost/setup.mjs), run as a
// person runs it. Nothing is installed: OWN_IT_SETUP_ASSUME_MISSING pretends packages are missing,
// OWN_IT_SETUP_ASSUME_USER pretends who runs it, and --dry-run prints the apt commands instead of
// running them (the real apt path is the same code without --dry-run).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const SETUP = path.resolve(__dirname, '..', '..', '..', 'scripts', 'testHost', 'setup.mjs');

function setup(args: string[], assume: { missing: string; user: 'root' | 'sudo' | 'user' }): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [SETUP, ...args], {
    encoding: 'utf8',
    env: { ...process.env, OWN_IT_SETUP_ASSUME_MISSING: assume.missing, OWN_IT_SETUP_ASSUME_USER: assume.user },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('set-up step (scripts/testHost/setup.mjs)', function () {
  this.timeout(30000);

  it('as root, installs what is missing with apt-get and says what and why', () => {
    const r = setup(['--dry-run'], { missing: 'chromium', user: 'root' });
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /installing chromium with apt-get/);
    assert.match(r.out, /chromium: the UI and integration tests drive VS Code/);
    assert.match(r.out, /^\[setup\] \$ apt-get update -q$/m);
    assert.match(r.out, /^\[setup\] \$ apt-get install -y -q chromium$/m);
  });

  it('with password-less sudo, runs apt-get through sudo -n', () => {
    // --force: as if the VS Code host were still to be built, so its build packages count too.
    const r = setup(['--dry-run', '--force'], { missing: 'chromium,libkrb5-dev', user: 'sudo' });
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /^\[setup\] \$ sudo -n apt-get install -y -q chromium libkrb5-dev$/m);
  });

  it('without root or sudo, prints the one command to run and exits non-zero', () => {
    const r = setup(['--dry-run', '--force'], { missing: 'chromium,libkrb5-dev', user: 'user' });
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /Missing system packages: chromium, libkrb5-dev\./);
    assert.match(r.out, /sudo apt-get update && sudo apt-get install -y chromium libkrb5-dev/);
    assert.doesNotMatch(r.out, /\$ apt-get/, 'nothing was run');
  });

  it('does not ask for chromium for the demo, which only serves a URL', () => {
    const r = setup(['--for', 'demo', '--dry-run'], { missing: 'chromium', user: 'user' });
    assert.equal(r.status, 0, r.out);
    assert.doesNotMatch(r.out, /chromium/);
  });

  it('installs clang-format for the tests (the C/C++ scaffold test formats with it), not for the demo', () => {
    const r = setup(['--dry-run'], { missing: 'clang-format', user: 'root' });
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /clang-format: the unit tests of the C\/C\+\+ scaffold/);
    assert.match(r.out, /^\[setup\] \$ apt-get install -y -q clang-format$/m);
    const demo = setup(['--for', 'demo', '--dry-run'], { missing: 'clang-format', user: 'user' });
    assert.equal(demo.status, 0, demo.out);
    assert.doesNotMatch(demo.out, /clang-format/);
  });

  it('rejects an unknown purpose', () => {
    const r = setup(['--for', 'party'], { missing: '', user: 'user' });
    assert.equal(r.status, 1);
    assert.match(r.out, /--for must be test or demo, not "party"/);
  });
});
