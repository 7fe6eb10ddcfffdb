import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GRAMMAR_DIR_ENV } from '../../src/core/scaffold/treeSitter';
import { warmScaffold } from '../../src/services/scaffoldWarmUp';

describe('scaffold warm-up (the incident panel, at idle)', function () {
  this.timeout(60000);

  it('loads the grammar of each culprit file that has one, and says which are ready', async () => {
    const ready = await warmScaffold(['src/cart.ts', 'web/App.tsx', 'tools/report.py', 'README.md', 'Makefile']);
    assert.deepEqual(ready, ['src/cart.ts', 'web/App.tsx', 'tools/report.py']);
  });

  it('answers at once for grammars loaded before, and at most for the first eight files', async () => {
    const files = Array.from({ length: 12 }, (_, i) => `src/f${i}.ts`);
    assert.deepEqual(await warmScaffold(files), files.slice(0, 8));
  });

  it('leaves the scaffold cold, without failing, when a grammar cannot be loaded', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'own-it-no-grammars-'));
    process.env[GRAMMAR_DIR_ENV] = empty;
    try {
      assert.deepEqual(await warmScaffold(['src/server.go', 'src/lib.rs']), []);
    } finally {
      delete process.env[GRAMMAR_DIR_ENV];
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
