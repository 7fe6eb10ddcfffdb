// The generated incident files of the 10,000-incident measurements (bench/host.mjs in VS Code,
// bench/incidentIndex.mjs in plain Node), written with the core serializer as Own It writes them.
// Needs `npm run compile-tests` (the core is read from out/).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { repoRoot } from '../scripts/testHost/hostPaths.mjs';

const require = createRequire(import.meta.url);
const { newIncident, serializeIncident } = require(path.join(repoRoot, 'out', 'src', 'core', 'incidents', 'index.js'));

/**
 * `count` incidents one hour apart from 2025-01-01, every third resolved, one open action each.
 * With `linkedTests`, each incident also links a regression test (one of `linkedTests` files
 * under test/regression/, every other one still the scaffolded placeholder), as scaffolding does.
 */
export function writeIncidents(workspace, count, { linkedTests = 0 } = {}) {
  const tests = path.join(workspace, 'test', 'regression');
  if (linkedTests > 0) fs.mkdirSync(tests, { recursive: true });
  for (let t = 0; t < linkedTests; t++) {
    fs.writeFileSync(path.join(tests, `inc-${t}.test.ts`), t % 2 === 0 ? `it.todo('OWN-IT-PLACEHOLDER ${t}');\n` : `it('keeps case ${t}', () => {});\n`);
  }
  const dir = path.join(workspace, 'docs', 'incidents');
  fs.mkdirSync(dir, { recursive: true });
  const base = Date.parse('2025-01-01T09:00:00Z');
  for (let i = 0; i < count; i++) {
    const detected = new Date(base + i * 3_600_000);
    const incident = newIncident(
      {
        id: `INC-${detected.toISOString().slice(0, 10).replace(/-/g, '')}-${i.toString(16).padStart(4, '0')}`,
        title: `Generated incident ${i}`,
        status: i % 3 === 0 ? 'resolved' : 'open',
        ...(i % 3 === 0 ? { resolved: new Date(detected.getTime() + 1_800_000).toISOString() } : {}),
        actions: [
          { text: `Follow up ${i}`, kind: 'fix', done: false },
          ...(linkedTests > 0 ? [{ text: `Regression test ${i}`, kind: 'test', done: false, path: `test/regression/inc-${i % linkedTests}.test.ts` }] : []),
        ],
      },
      detected,
    );
    fs.writeFileSync(path.join(dir, `${detected.toISOString().slice(0, 10)}-generated-${i}.md`), serializeIncident(incident));
  }
}
