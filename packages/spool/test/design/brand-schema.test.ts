import { describe, expect, it } from 'vitest';
import { brandKitSchema, hexColour } from '../../src/design/brand-schema.js';

const ok = (value: unknown) => brandKitSchema.safeParse(value).success;

describe('hexColour', () => {
  it('takes #rrggbb in either case', () => {
    expect(hexColour.safeParse('#0a66C2').success).toBe(true);
  });

  it('refuses short, bare, padded and named colours, saying what it expects', () => {
    for (const bad of ['#abc', '0a66c2', '#0a66c2 ', 'red', '#0a66c2ff']) {
      const result = hexColour.safeParse(bad);
      expect(result.success, bad).toBe(false);
      if (!result.success) expect(result.error.issues[0].message).toBe('expected a #rrggbb colour');
    }
  });
});

describe('brandKitSchema', () => {
  it('takes an empty kit and a complete one', () => {
    expect(ok({})).toBe(true);
    expect(ok({
      name: 'Acme', handle: 'acme', avatar: 'a.png', logo: 'l.svg', website: 'https://acme.test', accent: '#0A66C2',
      colors: { accent: '#112233' },
      show: { header: true, footer: false, avatar: true, name: true, handle: true, logo: false, website: true, pageNumbers: false, swipeHint: true },
    })).toBe(true);
  });

  it('lets a kit name only some of the parts it shows', () => {
    expect(brandKitSchema.parse({ show: { footer: false } })).toEqual({ show: { footer: false } });
  });

  it('refuses keys it does not know, at the top, in colors and in show', () => {
    expect(ok({ colour: '#112233' })).toBe(false);
    expect(ok({ colors: { primary: '#112233' } })).toBe(false);
    expect(ok({ show: { sidebar: true } })).toBe(false);
  });

  it('refuses wrong types and bad colours inside the kit', () => {
    expect(ok({ show: { footer: 'no' } })).toBe(false);
    expect(ok({ colors: { accent: 'blue' } })).toBe(false);
    expect(ok({ accent: '#12345' })).toBe(false);
  });

  it('limits the name to 80 characters, the handle to 60 and the website to 120', () => {
    expect(ok({ name: 'n'.repeat(80), handle: 'h'.repeat(60), website: 'w'.repeat(120) })).toBe(true);
    expect(ok({ name: 'n'.repeat(81) })).toBe(false);
    expect(ok({ handle: 'h'.repeat(61) })).toBe(false);
    expect(ok({ website: 'w'.repeat(121) })).toBe(false);
  });
});
