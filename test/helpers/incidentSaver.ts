/**
 * A separate process that edits one incident file through the public IncidentStore, for the
 * cross-process save stress test: `node incidentSaver.js <repo> <file> <tag> <rounds>`.
 * Each round loads the file, adds the action item `<tag>-<round>`, waits a random moment and
 * saves; it prints one line `ok <tag>-<round>` per save that reported success.
 */
import { IncidentStore } from '../../src/core/incidents/incidentStore';

async function main(): Promise<void> {
  const [repo, file, tag, rounds] = process.argv.slice(2);
  const store = new IncidentStore(repo);
  for (let i = 0; i < Number(rounds); i++) {
    const stored = await store.load(file);
    const text = `${tag}-${i}`;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
    await store.save(stored, { ...stored.incident, actions: [...stored.incident.actions, { text, done: false, kind: 'other' }] });
    process.stdout.write(`ok ${text}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
