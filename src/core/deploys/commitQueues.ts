/**
 * The two orders the deploy graph walks in. Binary heaps over commit ids; the keys live in the
 * graph's typed arrays, so a queue holds nothing but numbers.
 */

/** Highest generation first: every commit that can reach a commit is taken before it. */
export class GenerationQueue {
  private readonly heap: number[] = [];

  constructor(private readonly gen: Int32Array) {}

  private readonly higher = (a: number, b: number): boolean => this.gen[a] > this.gen[b];

  get size(): number {
    return this.heap.length;
  }

  clear(): void {
    this.heap.length = 0;
  }

  push(id: number): void {
    siftUp(this.heap, id, this.higher);
  }

  pop(): number {
    return siftDown(this.heap, this.higher);
  }
}

/**
 * git's own walk order (`git log`/`rev-list` without an ordering option): newest committer
 * date first, and among equal dates the commit queued first (git inserts a commit after every
 * queued commit of the same or a newer date).
 */
export class DateQueue {
  private readonly heap: number[] = [];
  private next = 0;
  private readonly before = (a: number, b: number): boolean => {
    const ta = this.time[a];
    const tb = this.time[b];
    return ta > tb || (ta === tb && this.seq[a] < this.seq[b]);
  };

  /**
   * @param seq scratch with a slot per commit id (the order each was queued); a graph passes one
   * array to all its queues (a queue holds a commit at most once), so no map entry per push.
   */
  constructor(
    private readonly time: Float64Array,
    private readonly seq: Float64Array = new Float64Array(time.length),
  ) {}

  get size(): number {
    return this.heap.length;
  }

  push(id: number): void {
    this.seq[id] = this.next++;
    siftUp(this.heap, id, this.before);
  }

  pop(): number {
    return siftDown(this.heap, this.before);
  }
}

function siftUp(heap: number[], id: number, before: (a: number, b: number) => boolean): void {
  heap.push(id);
  let i = heap.length - 1;
  while (i > 0) {
    const up = (i - 1) >> 1;
    if (!before(heap[i], heap[up])) break;
    [heap[up], heap[i]] = [heap[i], heap[up]];
    i = up;
  }
}

function siftDown(heap: number[], before: (a: number, b: number) => boolean): number {
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < heap.length && before(heap[l], heap[best])) best = l;
      if (r < heap.length && before(heap[r], heap[best])) best = r;
      if (best === i) break;
      [heap[best], heap[i]] = [heap[i], heap[best]];
      i = best;
    }
  }
  return top;
}
