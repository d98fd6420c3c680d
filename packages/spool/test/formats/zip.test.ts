import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeZip } from '../../src/formats/zip.js';

const bytes = (text: string) => new TextEncoder().encode(text.repeat(50));

describe('makeZip', () => {
  it('round-trips every file, storing images and deflating text', () => {
    const files = [
      { name: 'slide-01.png', bytes: bytes('png') },
      { name: 'slide-02.jpg', bytes: bytes('jpg') },
      { name: 'slides/slide-01.svg', bytes: bytes('<svg/>') },
    ];
    const zip = makeZip(files, { mtime: new Date('2024-01-01T00:00:00Z') });
    const methods: Record<string, number> = {};
    const out = unzipSync(zip, {
      filter: (f) => {
        methods[f.name] = f.compression;
        return true;
      },
    });
    for (const f of files) expect(out[f.name]).toEqual(f.bytes);
    expect(methods).toEqual({ 'slide-01.png': 0, 'slide-02.jpg': 0, 'slides/slide-01.svg': 8 });
  });

  it('is reproducible for a fixed time', () => {
    const files = [{ name: 'a.png', bytes: bytes('a') }];
    const mtime = new Date('2024-01-01T00:00:00Z');
    expect(makeZip(files, { mtime })).toEqual(makeZip(files, { mtime }));
  });

  it('refuses names that would escape the folder, and duplicates', () => {
    for (const name of ['../evil.png', '/etc/x', 'a/../../b', 'C:\\x.png', '']) {
      expect(() => makeZip([{ name, bytes: bytes('x') }])).toThrow(/unsafe entry name/);
    }
    expect(() => makeZip([{ name: 'a.png', bytes: bytes('x') }, { name: 'a.png', bytes: bytes('y') }])).toThrow(/duplicate/);
  });
});
