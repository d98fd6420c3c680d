import { createHook } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyWhole } from '../../src/node/image-verify.js';

const MEDIA = fileURLToPath(new URL('../fixtures/media/', import.meta.url));

/**
 * How many times zlib's work on libuv's threads calls back into the main thread while `run` goes.
 * Each call back waits for the main thread, so while layout holds it the check stands still; the
 * count, unlike a timing, is the same on a loaded machine as on an idle one.
 */
async function zlibCallbacks(run: () => Promise<unknown>): Promise<number> {
  const zlib = new Set<number>();
  let calls = 0;
  const hook = createHook({
    init(id, type) {
      if (type === 'ZLIB') zlib.add(id);
    },
    before(id) {
      if (zlib.has(id)) calls++;
    },
  }).enable();
  try {
    await run();
  } finally {
    hook.disable();
  }
  if (zlib.size === 0) throw new Error('the check never used zlib');
  return calls;
}

describe('verifyWhole', () => {
  it("checks a PNG's pixel data off the main thread while that thread is busy (layout runs meanwhile)", async () => {
    // 1000x1000 RGBA: 4 MB of pixel data. Inflated at zlib's default 16 KB a piece, each piece needed
    // the main thread back (246 trips), so the check only moved on after layout let go of it.
    const png = new Uint8Array(readFileSync(`${MEDIA}kd-7.png`));
    expect(await zlibCallbacks(() => verifyWhole(png, 'png'))).toBeLessThanOrEqual(3);
  });

  it('still refuses pixel data longer than the header says', async () => {
    const png = new Uint8Array(readFileSync(`${MEDIA}kd-7.png`));
    // The header's height cut to half: the data now holds twice what the size needs.
    const lying = png.slice();
    new DataView(lying.buffer).setUint32(20, 500);
    await expect(verifyWhole(lying, 'png')).rejects.toThrow(/larger than its header says/);
  });
});
