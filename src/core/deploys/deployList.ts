import type { Deploy } from './types';

/**
 * The deploy tags as columns, not as one object per tag: tag names as UTF-8 in one buffer,
 * shas as hex in one buffer, dates, environments and the annotated flag in typed arrays.
 * 50,000 `Deploy` objects (each with a tag, sha and ISO date string) held ~22 MB of heap and cost
 * most of the tag stage's CPU in allocation; the columns hold ~4 MB. A {@link Deploy} is made
 * only when asked for ({@link at}): a finding names two, the report none.
 *
 * Oldest first, as {@link sortDeploys} orders a `Deploy[]`: by date, then tag name, then the
 * order read. Made by {@link DeployListBuilder}.
 */
export class DeployList implements Iterable<Deploy> {
  private groupsMemo?: Map<string, Uint32Array>;
  private shaIdsMemo?: { ids: Uint32Array; firsts: Uint32Array };

  /** @internal use {@link DeployListBuilder} */
  constructor(
    private readonly tagBytes: Buffer,
    private readonly tagStart: Uint32Array,
    private readonly tagEnd: Uint32Array,
    private readonly envIndex: Uint32Array,
    /** The environments, each string once. */
    readonly environments: readonly string[],
    /** Hex shas, lowercase, {@link width} bytes each; deploy `i`'s is the `shaAt[i]`-th. */
    private readonly shaHex: Buffer,
    private readonly width: number,
    private readonly shaAt: Uint32Array,
    /** Seconds since the epoch: the tagger date of an annotated tag, the committer date of a lightweight tag's commit. */
    private readonly times: Float64Array,
    private readonly annotatedFlags: Uint8Array,
  ) {}

  static readonly EMPTY = new DeployList(Buffer.alloc(0), new Uint32Array(0), new Uint32Array(0), new Uint32Array(0), [], Buffer.alloc(0), 40, new Uint32Array(0), new Float64Array(0), new Uint8Array(0));

  get length(): number {
    return this.times.length;
  }

  tag(i: number): string {
    return this.tagBytes.toString('utf8', this.tagStart[i], this.tagEnd[i]);
  }

  environment(i: number): string {
    return this.environments[this.envIndex[i]];
  }

  sha(i: number): string {
    const at = this.shaAt[i] * this.width;
    return this.shaHex.toString('latin1', at, at + this.width);
  }

  /** The sha's hex digits as bytes, `[start, end)` of the returned buffer (valid while the list lives; do not change). */
  shaBytes(i: number): [Buffer, number, number] {
    const at = this.shaAt[i] * this.width;
    return [this.shaHex, at, at + this.width];
  }

  /** Whether deploys `i` and `j` deployed the same commit. */
  sameSha(i: number, j: number): boolean {
    const w = this.width;
    const a = this.shaAt[i] * w;
    const b = this.shaAt[j] * w;
    return this.shaHex.compare(this.shaHex, b, b + w, a, a + w) === 0;
  }

  annotated(i: number): boolean {
    return this.annotatedFlags[i] === 1;
  }

  /** Seconds since the epoch. */
  time(i: number): number {
    return this.times[i];
  }

  /** ISO 8601 (UTC, `Z`, no milliseconds), as {@link Deploy.date}. */
  date(i: number): string {
    return isoFromSeconds(this.times[i]);
  }

  /** `Date.parse(date(i))`, without making the string for a date that has an ISO form. */
  dateMs(i: number): number {
    return msOfSeconds(this.times[i]);
  }

  /** Deploy `i` as an object (a new one each call). */
  at(i: number): Deploy {
    return { tag: this.tag(i), environment: this.environment(i), sha: this.sha(i), date: this.date(i), annotated: this.annotated(i) };
  }

  toArray(): Deploy[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  *[Symbol.iterator](): Iterator<Deploy> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  /** How many deploys are dated within [fromMs, toMs]. */
  countBetween(fromMs: number, toMs: number): number {
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      const t = this.dateMs(i);
      if (t >= fromMs && t <= toMs) n++;
    }
    return n;
  }

  /** The deploys of each environment (indices, oldest first), environments in the order their first deploy comes; computed once. */
  groups(): Map<string, Uint32Array> {
    if (this.groupsMemo) return this.groupsMemo;
    const counts = new Uint32Array(this.environments.length);
    for (let i = 0; i < this.length; i++) counts[this.envIndex[i]]++;
    const lists = Array.from(counts, (c) => new Uint32Array(c));
    const filled = new Uint32Array(this.environments.length);
    const order: number[] = [];
    for (let i = 0; i < this.length; i++) {
      const e = this.envIndex[i];
      if (filled[e] === 0) order.push(e);
      lists[e][filled[e]++] = i;
    }
    this.groupsMemo = new Map(order.map((e) => [this.environments[e], lists[e]]));
    return this.groupsMemo;
  }

  /**
   * A small id per distinct sha (`ids[i]`), numbered in the order the shas first appear, and the
   * first deploy of each (`firsts[id]`): the history walk is asked for each commit once.
   */
  shaIds(): { ids: Uint32Array; firsts: Uint32Array } {
    if (this.shaIdsMemo) return this.shaIdsMemo;
    const n = this.length;
    const w = this.width;
    const ids = new Uint32Array(n);
    const firsts: number[] = [];
    let size = 1024;
    while (size < n * 2) size *= 2;
    const table = new Int32Array(size).fill(-1);
    const mask = size - 1;
    const hex = this.shaHex;
    for (let i = 0; i < n; i++) {
      // Shas are uniformly random: their first hex digits are hash enough.
      let slot = hashHex(hex, this.shaAt[i] * w) & mask;
      for (;;) {
        const id = table[slot];
        if (id < 0) {
          table[slot] = firsts.length;
          ids[i] = firsts.length;
          firsts.push(i);
          break;
        }
        if (this.sameSha(firsts[id], i)) {
          ids[i] = id;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    this.shaIdsMemo = { ids, firsts: Uint32Array.from(firsts) };
    return this.shaIdsMemo;
  }
}

/** The first 7 hex digits (lowercase) as a number: 28 uniformly random bits. */
function hashHex(hex: Buffer, at: number): number {
  let h = 0;
  for (let k = 0; k < 7; k++) {
    const c = hex[at + k];
    h = (h << 4) | (c <= 0x39 ? c - 0x30 : c - 0x57);
  }
  return h;
}

/** A git timestamp as {@link normalizeDate} writes dates: UTC, `Z`, no milliseconds. */
export function isoFromSeconds(seconds: number): string {
  const at = new Date(seconds * 1000);
  // A date past year 275760 (a hand-made object) has no ISO form.
  return Number.isNaN(at.getTime()) ? String(seconds) : at.toISOString().replace('.000Z', 'Z');
}

/** `Date.parse(isoFromSeconds(seconds))`. */
export function msOfSeconds(seconds: number): number {
  const ms = seconds * 1000;
  // A Date holds ±8.64e15 ms (no Date made here: this runs per deploy and per comparison).
  return Math.abs(ms) <= 8.64e15 ? ms : Date.parse(String(seconds));
}

/**
 * Collects deploys as they are read (in any order) and sorts them into a {@link DeployList}.
 * First the refs (`addRef`: the tag name's bytes, copied once into the buffer the list keeps,
 * and its environment), then a deploy per ref that turned out to be one (`add`: its sha, date
 * and kind). Nothing is kept per tag but numbers and bytes, and the list keeps the builder's
 * buffers instead of copying them (at 50,000 tags the copies were megabytes waiting for a
 * full garbage collection at the peak).
 */
export class DeployListBuilder {
  private names: Buffer = Buffer.alloc(64 * 1024);
  private namesLength = 0;
  private readonly nameStart = new Column();
  private readonly nameEnd = new Column();
  private readonly refEnvironment = new Column();
  private readonly environments: string[] = [];
  private readonly environmentIds = new Map<string, number>();
  /** Per deploy, in the order added: its ref, sha (hex), time and kind. */
  private readonly refOf = new Column();
  private shaHex: Buffer = Buffer.alloc(0);
  private width = 0;
  private readonly times = new Column('float64');
  private readonly annotatedFlags = new Column();

  get length(): number {
    return this.times.length;
  }

  /** The id of an environment name (each name stored once). */
  environmentId(name: string): number {
    let id = this.environmentIds.get(name);
    if (id === undefined) {
      id = this.environments.length;
      // A string of its own: `name` may be a slice of a tag name that keeps more alive.
      this.environments.push(Buffer.from(name, 'utf8').toString('utf8'));
      this.environmentIds.set(name, id);
    }
    return id;
  }

  /** Adds a deploy tag's ref: its name is `tag[tagStart, tagEnd)` (UTF-8); returns the ref's number for {@link add}. */
  addRef(tag: Uint8Array, tagStart: number, tagEnd: number, environment: number): number {
    this.names = ensure(this.names, this.namesLength + (tagEnd - tagStart));
    for (let i = tagStart, to = this.namesLength; i < tagEnd; i++, to++) this.names[to] = tag[i];
    this.nameStart.push(this.namesLength);
    this.namesLength += tagEnd - tagStart;
    this.nameEnd.push(this.namesLength);
    this.refEnvironment.push(environment);
    return this.nameStart.length - 1;
  }

  /**
   * Adds the deploy of ref `ref`: the sha is the 40 or 64 hex digits at `sha[shaStart]`
   * (lowercased here). False (nothing added) when the sha's length differs from the first one
   * added (one repository has one object format).
   */
  add(ref: number, sha: Uint8Array, shaStart: number, shaLength: number, time: number, annotated: boolean): boolean {
    if (this.width === 0) this.width = shaLength;
    if (shaLength !== this.width) return false;
    const n = this.times.length;
    // Sized for one deploy per ref at the first add (the refs are all in by then): no growing copies.
    this.shaHex = ensure(this.shaHex, Math.max(n + 1, this.nameStart.length) * this.width);
    for (let k = 0; k < shaLength; k++) {
      const c = sha[shaStart + k];
      this.shaHex[n * this.width + k] = c >= 0x41 && c <= 0x46 ? c + 0x20 : c;
    }
    this.refOf.push(ref);
    this.times.push(time);
    this.annotatedFlags.push(annotated ? 1 : 0);
    return true;
  }

  /** The deploys oldest first: by date, ties by tag name (as JavaScript compares strings), then in the order added. */
  finish(): DeployList {
    const n = this.times.length;
    if (n === 0) return DeployList.EMPTY;
    const at = Float64Array.from(this.times.values(), msOfSeconds);
    const names = new Map<number, string>();
    const name = (i: number): string => {
      let s = names.get(i);
      const ref = this.refOf.get(i);
      if (s === undefined) names.set(i, (s = this.names.toString('utf8', this.nameStart.get(ref), this.nameEnd.get(ref))));
      return s;
    };
    const order = Uint32Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
      const byDate = at[a] - at[b];
      if (byDate) return byDate;
      // Same second (or no date): the tag names decide, decoded only for these.
      const ta = name(a);
      const tb = name(b);
      return (ta < tb ? -1 : ta > tb ? 1 : 0) || a - b;
    });
    const tagStart = new Uint32Array(n);
    const tagEnd = new Uint32Array(n);
    const envIndex = new Uint32Array(n);
    const times = new Float64Array(n);
    const annotated = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const ref = this.refOf.get(i);
      tagStart[k] = this.nameStart.get(ref);
      tagEnd[k] = this.nameEnd.get(ref);
      envIndex[k] = this.refEnvironment.get(ref);
      times[k] = this.times.get(i);
      annotated[k] = this.annotatedFlags.get(i);
    }
    // The name and sha buffers are kept as they are (sorted through `order`), not copied.
    return new DeployList(this.names.subarray(0, this.namesLength), tagStart, tagEnd, envIndex, this.environments, this.shaHex.subarray(0, n * this.width), this.width, order, times, annotated);
  }
}

/**
 * A growing column of numbers in a typed array (off the JavaScript heap once it is large):
 * unsigned 32-bit integers (offsets, ids, flags), or doubles for times (`'float64'`).
 */
export class Column {
  private data: Uint32Array | Float64Array;
  length = 0;

  constructor(kind: 'uint32' | 'float64' = 'uint32') {
    this.data = kind === 'float64' ? new Float64Array(1024) : new Uint32Array(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.data instanceof Float64Array ? new Float64Array(this.data.length * 2) : new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** The values pushed so far (a view, valid until the next push). */
  values(): Uint32Array | Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export function ensure(buffer: Buffer, needed: number): Buffer {
  if (needed <= buffer.length) return buffer;
  const bigger = Buffer.alloc(Math.max(needed, buffer.length * 2));
  buffer.copy(bigger);
  return bigger;
}
