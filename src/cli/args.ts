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
