/**
 * Synchronous work over many items, in slices of a few milliseconds with a turn of the event loop
 * between them: the extension host keeps answering (other extensions, the UI, file events) while
 * thousands of incident files are read, without paying a promise round trip per item.
 */

/** Longest stretch the main thread is held before yielding, in ms. */
export const SLICE_MS = 8;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `items.map(fn)`, yielding to the event loop whenever a slice has run `sliceMs`. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R, sliceMs: number = SLICE_MS): Promise<R[]> {
  const out: R[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    out.push(fn(item));
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  return out;
}
