/**
 * The commits of a deploy history held as numbers and bytes, not as one object or string per
 * commit: 100,000 commits read as strings cost ~25 MB of heap and most of a second of
 * allocation and garbage collection. A commit is a small integer id; its sha lives as binary
 * in one byte array (found again through an open-addressing table), its subject as UTF-8 bytes
 * in one growing buffer, decoded only when a range is listed.
 */
export class CommitStore {
  /** Bytes per binary sha: 20 for SHA-1, 32 for SHA-256 (set by the first sha stored). */
  private width = 0;
  private count = 0;
  private shaBytes = new Uint8Array(0);
  /** id + 1 per slot, 0 for empty; always at most half full. */
  private table = new Int32Array(1 << 10);
  private parents = new Int32Array(0);
  private times = new Float64Array(0);
  /** Where each subject's bytes start and end in {@link subjectBytes} (both 0: no subject). */
  private subjectStarts = new Int32Array(0);
  private subjectEnds = new Int32Array(0);
  private subjectBytes = Buffer.alloc(0);
  private subjectLength = 0;
  /** Parents after the first, for merges only. */
  private readonly moreParents = new Map<number, number[]>();

  get size(): number {
    return this.count;
  }

  /** The time array, shared (not copied) with the walk queues; valid until the next commit is added. */
  get committerTimes(): Float64Array {
    return this.times.subarray(0, this.count);
  }

  /**
   * The id of the hex sha in `text[start, start + length)` (40 or 64 hex digits), added when new;
   * -1 when it is no sha of this store's kind.
   */
  idOfHex(text: Uint8Array, start: number, length: number): number {
    if (this.width === 0) {
      if (length !== 40 && length !== 64) return -1;
      this.width = length / 2;
    }
    if (length !== this.width * 2) return -1;
    const key = this.scratch();
    if (!decodeHex(text, start, key)) return -1;
    return this.idOfKey(key, true);
  }

  /** The id of the hex sha in `text[start, start + length)`, or -1 when it is not stored. */
  findHex(text: Uint8Array, start: number, length: number): number {
    if (this.width === 0 || length !== this.width * 2) return -1;
    const key = this.scratch();
    if (!decodeHex(text, start, key)) return -1;
    return this.idOfKey(key, false);
  }

  /** The id of a sha given as text, or undefined when it is not stored. */
  find(sha: string): number | undefined {
    if (this.width === 0 || sha.length !== this.width * 2) return undefined;
    const key = this.scratch();
    if (!decodeHex(Buffer.from(sha, 'latin1'), 0, key)) return undefined;
    const id = this.idOfKey(key, false);
    return id < 0 ? undefined : id;
  }

  /** Full lowercase hex sha of `id`. */
  shaOf(id: number): string {
    const at = id * this.width;
    return Buffer.from(this.shaBytes.buffer, this.shaBytes.byteOffset + at, this.width).toString('hex');
  }

  /** Stores a commit; its subject is `bytes[start, end)` (copied). */
  setCommit(id: number, firstParent: number, more: number[] | undefined, time: number, bytes: Uint8Array, start: number, end: number): void {
    this.parents[id] = firstParent;
    if (more && more.length > 0) this.moreParents.set(id, more);
    this.times[id] = time;
    // Appended in the order git lists commits (a commit met first as a parent got its id earlier).
    this.appendSubject(id, bytes, start, end);
  }

  /** `test` applied to the subject of `id` as bytes (no string made). */
  testSubject(id: number, test: (bytes: Uint8Array, start: number, end: number) => boolean): boolean {
    return test(this.subjectBytes, this.subjectStarts[id], this.subjectEnds[id]);
  }

  subjectOf(id: number): string {
    return this.subjectBytes.toString('utf8', this.subjectStarts[id], this.subjectEnds[id]);
  }

  timeOf(id: number): number {
    return this.times[id];
  }

  firstParentOf(id: number): number {
    return this.parents[id];
  }

  moreParentsOf(id: number): number[] | undefined {
    return this.moreParents.get(id);
  }

  /**
   * Ends the arrays at the last commit once every commit is in. Views, not copies: a copy of
   * every array at the end of the walk, while the walk's output still waits for the garbage
   * collector, was the graph's peak (the spare capacity, at most half, stays allocated).
   */
  trim(): void {
    this.parents = this.parents.subarray(0, this.count);
    this.times = this.times.subarray(0, this.count);
    this.shaBytes = this.shaBytes.subarray(0, this.count * this.width);
    this.subjectStarts = this.subjectStarts.subarray(0, this.count);
    this.subjectEnds = this.subjectEnds.subarray(0, this.count);
    this.subjectBytes = this.subjectBytes.subarray(0, this.subjectLength);
  }

  /** The binary key being looked up, {@link width} bytes (made once the width is known: no view per lookup). */
  private keyBuffer = new Uint8Array(0);

  private scratch(): Uint8Array {
    if (this.keyBuffer.length !== this.width) this.keyBuffer = new Uint8Array(this.width);
    return this.keyBuffer;
  }

  private idOfKey(key: Uint8Array, add: boolean): number {
    const mask = this.table.length - 1;
    const w = this.width;
    // A sha is uniformly random: its first four bytes are a good enough hash.
    let slot = ((key[0] << 24) | (key[1] << 16) | (key[2] << 8) | key[3]) & mask;
    for (;;) {
      const entry = this.table[slot];
      if (entry === 0) break;
      const at = (entry - 1) * w;
      let same = true;
      for (let i = 0; i < w; i++) {
        if (this.shaBytes[at + i] !== key[i]) {
          same = false;
          break;
        }
      }
      if (same) return entry - 1;
      slot = (slot + 1) & mask;
    }
    if (!add) return -1;
    const id = this.count++;
    this.grow(id + 1);
    this.shaBytes.set(key, id * w);
    this.parents[id] = -1;
    this.table[slot] = id + 1;
    if (this.count * 2 > this.table.length) this.rehash();
    return id;
  }

  /** The first growth makes room for this many commits (a lower bound the caller knows, e.g. the tips). */
  private reserved = 0;

  /** Room for at least `commits` commits once the first is added, so the arrays grow fewer times. */
  reserve(commits: number): void {
    this.reserved = Math.max(this.reserved, Math.floor(commits));
  }

  private grow(needed: number): void {
    if (needed <= this.parents.length) return;
    let capacity = Math.max(1024, this.parents.length * 2);
    while (capacity < this.reserved) capacity *= 2;
    this.reserved = 0;
    this.parents = grown(this.parents, new Int32Array(capacity));
    this.times = grown(this.times, new Float64Array(capacity));
    this.subjectStarts = grown(this.subjectStarts, new Int32Array(capacity));
    this.subjectEnds = grown(this.subjectEnds, new Int32Array(capacity));
    this.shaBytes = grown(this.shaBytes, new Uint8Array(capacity * this.width));
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    const w = this.width;
    for (let id = 0; id < this.count; id++) {
      const at = id * w;
      const b = this.shaBytes;
      let slot = ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }

  private appendSubject(id: number, bytes: Uint8Array, start: number, stop: number): void {
    const end = this.subjectLength + (stop - start);
    if (end > this.subjectBytes.length) {
      const bigger = Buffer.alloc(Math.max(end, this.subjectBytes.length * 2, 64 * 1024));
      this.subjectBytes.copy(bigger, 0, 0, this.subjectLength);
      this.subjectBytes = bigger;
    }
    for (let i = start, to = this.subjectLength; i < stop; i++, to++) this.subjectBytes[to] = bytes[i];
    this.subjectStarts[id] = this.subjectLength;
    this.subjectEnds[id] = end;
    this.subjectLength = end;
  }
}

const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) HEX[97 + i] = HEX[65 + i] = 10 + i;

/** Decodes `out.length` bytes of hex from `text` at `start`; false when a digit is not hex. */
function decodeHex(text: Uint8Array, start: number, out: Uint8Array): boolean {
  for (let i = 0; i < out.length; i++) {
    const hi = HEX[text[start + 2 * i]];
    const lo = HEX[text[start + 2 * i + 1]];
    if (hi < 0 || lo < 0) return false;
    out[i] = (hi << 4) | lo;
  }
  return true;
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Reads `%H %P` (`bytes[start, end)`): every sha gets an id; `out` gets the commit's id, its first
 * parent and further parents (-1 when the field holds no sha; `more` undefined for one parent or
 * none). No array is made for a commit with fewer than three parents.
 */
export function parseShaAndParents(store: CommitStore, bytes: Buffer, start: number, end: number, out: ShaAndParents): void {
  let id = -2;
  let first = -1;
  let more: number[] | undefined;
  let at = start;
  while (at < end) {
    let stop = bytes.indexOf(SPACE, at);
    if (stop < 0 || stop > end) stop = end;
    if (stop > at) {
      const sha = store.idOfHex(bytes, at, stop - at);
      if (id === -2) id = sha;
      else if (sha >= 0) {
        if (first < 0) first = sha;
        else (more ??= []).push(sha);
      }
    }
    at = stop + 1;
  }
  if (id < 0) {
    out.id = out.first = -1;
    out.more = undefined;
    return;
  }
  out.id = id;
  out.first = first;
  out.more = more;
}

export interface ShaAndParents {
  id: number;
  first: number;
  more: number[] | undefined;
}

const SPACE = 0x20;
