import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runFormatter } from '../../src/core/git/runner';
import { makeTempDir } from '../helpers/tempRepo';

describe('runFormatter: a repository formatter is best effort', function () {
  this.timeout(30_000);

  it('formats text given on stdin', async () => {
    assert.equal(await runFormatter('tr', ['a-z', 'A-Z'], 'fn main() {}\n', makeTempDir()), 'FN MAIN() {}\n');
  });

  it('a formatter that exits without reading stdin (EPIPE on a large input) answers undefined, with no crash', async () => {
    const dir = makeTempDir();
    const quits = path.join(dir, 'quits.sh');
    fs.writeFileSync(quits, '#!/bin/sh\nexit 2\n', { mode: 0o755 });
    // Far beyond a pipe's buffer, so writing fails once the formatter has gone.
    const big = 'let x = 1;\n'.repeat(800_000);
    for (let i = 0; i < 3; i++) assert.equal(await runFormatter(quits, [], big, dir), undefined);
  });

  it('a missing formatter answers undefined', async () => {
    assert.equal(await runFormatter('own-it-no-such-formatter', [], 'x\n', makeTempDir()), undefined);
  });
});
