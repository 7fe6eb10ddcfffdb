/**
 * A tiny argument parser shared by CLI commands. Commands declare their boolean flags and
 * their options that take a value; anything else starting with `-` is a usage error, so a typo
 * never silently changes what a command does.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ArgSpec {
  /** Boolean switches, e.g. `['json']` for `--json`. */
  flags?: readonly string[];
  /** Options with a value, e.g. `['since']` for `--since <v>` or `--since=<v>`. */
  options?: readonly string[];
  /** How many positional arguments are allowed (default 0). */
  maxPositionals?: number;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/** Parses `argv` (without the command name). `--` ends options. @throws UsageError */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  const flagNames = new Set(spec.flags ?? []);
  const optionNames = new Set(spec.options ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (flagNames.has(name)) {
      if (eq >= 0) throw new UsageError(`option "--${name}" takes no value`);
      flags.add(name);
    } else if (optionNames.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`option "--${name}" needs a value`);
      options.set(name, value);
    } else {
      throw new UsageError(`unknown option "--${name}"`);
    }
  }
  if (positionals.length > (spec.maxPositionals ?? 0)) {
    throw new UsageError(`unexpected argument "${positionals[spec.maxPositionals ?? 0]}"`);
  }
  return { positionals, flags, options };
}

/** A whole number ≥ 1, for options such as `--max-count`. @throws UsageError */
export function positiveInteger(name: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`option "--${name}" needs a whole number of at least 1, got "${value}"`);
  }
  return Number(value);
}

const DAY_MS = 86_400_000;
const RELATIVE = /^(\d{1,6})[ .](second|minute|hour|day|week|month|year)s?[ .]ago$/i;
const UNIT_MS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS };

/**
 * The one reader of `--since` / `--until` for every command, returning an ISO 8601 time (UTC).
 * Accepted: a day `2026-01-31` (midnight UTC), an ISO 8601 time `2026-01-31T09:30[:00][Z|+02:00]`,
 * `N days ago` (seconds to years; months and years by the calendar), `yesterday`, `today`
 * (midnight UTC) and `now`. Anything else is a usage error: JavaScript's own date parser reads
 * "0" as the year 2000 and git falls back to "now" for words it does not know, so either would
 * quietly answer for the wrong window. @throws UsageError
 */
export function dateOption(name: string, value: string, now: Date = new Date()): string {
  const v = value.trim();
  const fail = (why = ''): never => {
    throw new UsageError(`option "--${name}" needs a date such as 2026-01-31, 2026-01-31T09:30Z or "2 weeks ago", got "${value}"${why}`);
  };
  let ms: number;
  const relative = RELATIVE.exec(v);
  if (relative) {
    const n = Number(relative[1]);
    const unit = relative[2].toLowerCase();
    if (unit === 'month' || unit === 'year') {
      const d = new Date(now.getTime());
      d.setUTCMonth(d.getUTCMonth() - (unit === 'year' ? 12 * n : n));
      ms = d.getTime();
    } else {
      ms = now.getTime() - n * UNIT_MS[unit];
    }
  } else if (/^now$/i.test(v)) {
    ms = now.getTime();
  } else if (/^today$/i.test(v)) {
    ms = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  } else if (/^yesterday$/i.test(v)) {
    ms = now.getTime() - DAY_MS;
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    ms = Date.parse(`${v}T00:00:00Z`);
    // Date.parse rolls 2026-02-31 over to March; a day that does not exist is a typo.
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== v) fail(' (no such day)');
  } else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(v)) {
    ms = Date.parse(v.replace(' ', 'T'));
    if (Number.isNaN(ms)) fail(' (no such time)');
  } else {
    return fail();
  }
  if (Number.isNaN(ms) || ms < 0) fail(' (before 1970, where git keeps no commit dates)');
  if (new Date(ms).getUTCFullYear() > 9999) fail();
  return new Date(ms).toISOString();
}
