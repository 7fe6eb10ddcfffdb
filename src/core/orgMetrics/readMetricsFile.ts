/**
 * Reading `own-it metrics --json` outputs for the org-wide merge. Only the fields the merge uses
 * are checked (a newer Own It may add fields; they are ignored), and a wrong file is named with
 * the field that is missing, so a CI matrix that uploaded the wrong artifact is easy to spot.
 */
import type { MetricsReport } from '../metrics/types';

export class MetricsFileError extends Error {
  override name = 'MetricsFileError';
}

/** One repository's report and the name it is shown under. */
export interface RepoMetrics {
  /** The report's `repository` field when it has one, else the file name without `.json`. */
  name: string;
  report: MetricsReport;
}

type Json = Record<string, unknown>;

function obj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function need(file: string, ok: boolean, field: string): void {
  if (!ok) throw new MetricsFileError(`${file}: not an "own-it metrics --json" output (${field} is missing or has the wrong type)`);
}

const num = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const rate = (v: unknown): boolean => v === null || num(v);

/** @throws MetricsFileError */
export function readMetricsFile(text: string, file: string): RepoMetrics {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new MetricsFileError(`${file}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  need(file, obj(data), 'the top-level object');
  const r = data as Json;
  need(file, typeof r.since === 'string' && typeof r.until === 'string', 'since/until');
  const ttr = r.timeToRecover;
  need(file, obj(ttr) && Array.isArray(ttr.items) && ttr.items.every((i) => obj(i) && num(i.hours) && typeof i.recovered === 'string' && Array.isArray(i.culprits)), 'timeToRecover.items');
  const cf = r.changeFailure;
  need(file, obj(cf) && rate(cf.rate) && num(cf.reverts) && num(cf.rollbacks) && num(cf.denominator) && (cf.basis === 'deploys' || cf.basis === 'merges'), 'changeFailure');
  const rw = r.reworkRate;
  need(file, obj(rw) && num(rw.reverts) && num(rw.reapplies) && num(rw.hotfixes) && num(rw.commits), 'reworkRate');
  const ipm = r.incidentsPerMonth;
  need(file, obj(ipm) && Array.isArray(ipm.months) && ipm.months.every((m) => obj(m) && typeof m.month === 'string' && /^\d{4}-\d{2}$/.test(m.month) && num(m.total)), 'incidentsPerMonth.months');
  const aa = r.actionAge;
  need(file, obj(aa) && Array.isArray(aa.items) && aa.items.every((i) => obj(i) && num(i.ageDays)), 'actionAge.items');
  const stem = file.replace(/\\/g, '/').replace(/^.*\//, '').replace(/\.json$/i, '');
  const name = typeof r.repository === 'string' && r.repository.trim() ? r.repository.trim() : stem;
  return { name, report: data as MetricsReport };
}
