/**
 * A point in time as a git date argument (`--since`, `--since-as-filter`, `--until`): epoch
 * seconds with an explicit zone, `@<seconds> +0000`. git reads that form exactly for every value;
 * the bare `@<seconds>` is read as epoch seconds only from 100000000 (March 1973) on: `@0`, the
 * start of "All history", was not a date git knew and matched no commit at all.
 */
export function gitTime(seconds: number): string {
  return `@${Math.max(0, Math.floor(seconds))} +0000`;
}
