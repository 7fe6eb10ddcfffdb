import * as assert from 'node:assert/strict';
import { mapInSlices } from '../../src/core/incidents/timeSlices';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // holds the thread like a slow synchronous read would
  }
}

describe('mapInSlices', () => {
  it('maps in order', async () => {
    assert.deepEqual(await mapInSlices([3, 1, 2], (n) => n * 2), [6, 2, 4]);
  });

  it('lets the event loop run between slices, and not within one', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      await mapInSlices([1, 2, 3, 4, 5, 6], () => busy(5), 8);
      assert.ok(ticks >= 2, `the event loop ran ${ticks} times during ~30 ms of work`);
      ticks = 0;
      await mapInSlices([1, 2, 3], () => undefined, 1000);
      assert.equal(ticks, 0);
    } finally {
      clearInterval(timer);
    }
  });
});
