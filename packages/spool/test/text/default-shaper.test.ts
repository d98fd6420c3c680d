import { describe, expect, it } from 'vitest';
import { createTextEngine } from '../../src/text/engine.js';
import { defaultShaper, loadHarfBuzzShaper } from '../../src/text/shaper-harfbuzz.js';
import type { FontProvider } from '../../src/text/types.js';

// This file must not import node/fonts.ts, which loads HarfBuzz as it is imported.
const fonts: FontProvider = { faceBytes: () => undefined, fallbacks: [] };

describe('the default shaper', () => {
  it('is refused, with what to do, before any shaper has loaded', () => {
    expect(() => defaultShaper()).toThrow(/await loadHarfBuzzShaper\(\) first, or pass a `shaper`/);
    expect(() => createTextEngine({ fonts })).toThrow(/No text shaper has loaded yet/);
  });

  it('is not set by a load with a loader of its own', async () => {
    const own = await loadHarfBuzzShaper({ importHarfBuzz: () => import('harfbuzzjs') });
    expect(own.name).toBe('harfbuzz');
    expect(() => defaultShaper()).toThrow(/No text shaper has loaded yet/);
  });

  it('is the shaper the process loaded', async () => {
    const shaper = await loadHarfBuzzShaper();
    expect(defaultShaper()).toBe(shaper);
    expect(() => createTextEngine({ fonts })).not.toThrow();
  });
});
