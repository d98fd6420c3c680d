import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyWhole } from '../../src/node/image-verify.js';

const MEDIA = fileURLToPath(new URL('../fixtures/media/', import.meta.url));

/** Event-loop turns until `promise` settles. */
async function turnsUntil(promise: Promise<unknown>): Promise<number> {
  let settled = false;
  promise.then(() => (settled = true), () => (settled = true));
  let turns = 0;
  while (!settled) {
    await new Promise((r) => setImmediate(r));
    turns++;
  }
  return turns;
}

describe('verifyWhole', () => {
  it("checks a PNG's pixel data off the main thread while that thread is busy (layout runs meanwhile)", async () => {
    // 1000x1000 RGBA: 4 MB of pixel data. Inflated at zlib's default 16 KB a piece, each piece needed
    // the main thread back, so the check only moved on after layout let go of it.
    const png = new Uint8Array(readFileSync(`${MEDIA}kd-7.png`));
    const check = verifyWhole(png, 'png');
    const until = Date.now() + 300;
    while (Date.now() < until) {
      // The main thread is busy, as it is while laying out slides.
    }
    expect(await turnsUntil(check)).toBeLessThanOrEqual(3);
  });

  it('still refuses pixel data longer than the header says', async () => {
    const png = new Uint8Array(readFileSync(`${MEDIA}kd-7.png`));
    // The header's height cut to half: the data now holds twice what the size needs.
    const lying = png.slice();
    new DataView(lying.buffer).setUint32(20, 500);
    await expect(verifyWhole(lying, 'png')).rejects.toThrow(/larger than its header says/);
  });
});
