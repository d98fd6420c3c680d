import { describe, expect, it } from 'vitest';
import { isPng, jpegSegments, pngChunks } from '../../src/formats/image-chunks.js';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('jpegSegments', () => {
  it('walks segments to the start of scan, past fill bytes and markers without a length', () => {
    const jpeg = bytes([0xff, 0xd8], [0xff, 0xe0, 0, 4, 1, 2], [0xff, 0xff, 0xd0], [0xff, 0xc0, 0, 8, 8, 0, 2, 0, 3, 1], [0xff, 0xda, 0, 2], [9, 9, 9]);
    expect(jpegSegments(jpeg)?.map((s) => [s.marker, [...s.body]])).toEqual([
      [0xe0, [1, 2]],
      [0xc0, [8, 0, 2, 0, 3, 1]],
    ]);
  });

  it('gives undefined for a segment that runs past the end, a bad length or no JPEG', () => {
    expect(jpegSegments(bytes([0xff, 0xd8], [0xff, 0xe0, 0, 40, 1, 2]))).toBeUndefined();
    expect(jpegSegments(bytes([0xff, 0xd8], [0xff, 0xe0, 0, 1]))).toBeUndefined();
    expect(jpegSegments(bytes([0xff, 0xd8], [0x12, 0x34]))).toBeUndefined();
    expect(jpegSegments(bytes('GIF89a'))).toBeUndefined();
  });
});

describe('pngChunks', () => {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const chunk = (type: string, body: number[]) => [0, 0, 0, body.length, ...bytes(type), ...body, 0, 0, 0, 0];

  it('walks chunks through IEND and ignores what follows', () => {
    const png = bytes(signature, chunk('IHDR', [1, 2, 3]), chunk('IDAT', [4]), chunk('IEND', []), [7, 7, 7]);
    expect(isPng(png)).toBe(true);
    const { chunks, truncated } = pngChunks(png);
    expect(truncated).toBe(false);
    expect(chunks.map((c) => [c.type, [...c.body]])).toEqual([['IHDR', [1, 2, 3]], ['IDAT', [4]], ['IEND', []]]);
  });

  it('says when a chunk runs past the end, keeping those before it', () => {
    const png = bytes(signature, chunk('IHDR', [1]), [0, 0, 0, 50], 'IDAT', [1, 2]);
    expect(pngChunks(png)).toMatchObject({ truncated: true, chunks: [{ type: 'IHDR' }] });
    expect(isPng(bytes('not a png at all'))).toBe(false);
  });
});
