/**
 * A Four Keys-compatible export (dora-team/fourkeys): rows for its `changes`, `deployments`
 * and `incidents` tables as newline-delimited JSON, loadable with
 * `bq load --source_format=NEWLINE_DELIMITED_JSON`. Metrics files hold the failures Own It
 * found, not every commit or deploy, so: incidents are complete for reverts and rollbacks;
 * changes are their root-cause commits; deployments are the rollback deploys. Deployment
 * frequency and lead time still need Four Keys' own collectors.
 */
import type { RepoMetrics } from './readMetricsFile';

export type FourKeysTable = 'changes' | 'deployments' | 'incidents';
export const FOUR_KEYS_TABLES: readonly FourKeysTable[] = ['changes', 'deployments', 'incidents'];
export const FOUR_KEYS_SOURCE = 'own-it';

export interface FourKeysChange {
  source: string;
  event_type: string;
  change_id: string;
  time_created: string;
}

export interface FourKeysDeployment {
  source: string;
  deploy_id: string;
  time_created: string;
  changes: string[];
}

export interface FourKeysIncident {
  source: string;
  incident_id: string;
  time_created: string;
  time_resolved: string;
  /** Root-cause commits, as Four Keys reads them from `root cause: <sha>` lines. */
  changes: string[];
}

export interface FourKeysRows {
  changes: FourKeysChange[];
  deployments: FourKeysDeployment[];
  incidents: FourKeysIncident[];
}

export function fourKeysRows(inputs: readonly RepoMetrics[]): FourKeysRows {
  const rows: FourKeysRows = { changes: [], deployments: [], incidents: [] };
  const seenChanges = new Set<string>();
  for (const { name, report } of inputs) {
    for (const item of report.timeToRecover.items) {
      rows.incidents.push({
        source: FOUR_KEYS_SOURCE,
        incident_id: `${name}:${item.incident ?? item.recoveredBy}`,
        time_created: item.culpritLanded,
        time_resolved: item.recovered,
        changes: [...item.culprits],
      });
      for (const sha of item.culprits) {
        if (seenChanges.has(sha)) continue;
        seenChanges.add(sha);
        rows.changes.push({ source: FOUR_KEYS_SOURCE, event_type: 'push', change_id: sha, time_created: item.culpritLanded });
      }
      if (item.source === 'rollback') rows.deployments.push({ source: FOUR_KEYS_SOURCE, deploy_id: `${name}:${item.recoveredBy}`, time_created: item.recovered, changes: [] });
    }
  }
  return rows;
}

/** One table's rows, or (no table given) every row with a `table` field naming its table. */
export function fourKeysNdjson(rows: FourKeysRows, table?: FourKeysTable): string {
  const tables = table ? [table] : FOUR_KEYS_TABLES;
  const lines: string[] = [];
  for (const t of tables) for (const row of rows[t]) lines.push(JSON.stringify(table ? row : { table: t, ...row }));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
