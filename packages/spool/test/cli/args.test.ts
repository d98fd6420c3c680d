import { describe, expect, it } from 'vitest';
import { designFromFlags, parseCli } from '../../src/cli/args.js';
import { resolveDesign } from '../../src/design/resolve.js';

describe('design flags', () => {
  it('reads --progress into the design, and refuses a style that does not exist', () => {
    expect(resolveDesign(designFromFlags(parseCli(['--progress', 'dots']).values)).progress).toBe('dots');
    expect(resolveDesign(designFromFlags(parseCli([]).values)).progress).toBeUndefined();
    expect(() => designFromFlags(parseCli(['--progress', 'zigzag']).values)).toThrow('--progress: "zigzag" is not one of number, bar, dots');
  });
});

describe('--align', () => {
  it('reads left or center, and refuses anything else', () => {
    expect(designFromFlags(parseCli(['--align', 'center']).values).align).toBe('center');
    expect(() => designFromFlags(parseCli(['--align', 'justify']).values)).toThrow('--align: "justify" is not one of left, center');
  });
});

describe('--outro', () => {
  it('reads follow or link into the call to action, and refuses anything else', () => {
    expect(designFromFlags(parseCli(['--outro', 'link']).values).cta?.style).toBe('link');
    expect(() => designFromFlags(parseCli(['--outro', 'qr']).values)).toThrow('--outro: "qr" is not one of follow, link');
  });
});

describe('--cover-style', () => {
  it('reads title, image or photo, and refuses anything else', () => {
    expect(designFromFlags(parseCli(['--cover-style', 'photo']).values).coverStyle).toBe('photo');
    expect(() => designFromFlags(parseCli(['--cover-style', 'video']).values)).toThrow('--cover-style: "video" is not one of title, image, photo');
  });
});

describe('--colors', () => {
  it('reads background, text and accent, and a second background, into the design', () => {
    expect(designFromFlags(parseCli(['--colors', '#101820,#F2F2F2,#F2AA4C']).values).colors).toEqual({ background: '#101820', text: '#F2F2F2', accent: '#F2AA4C' });
    expect(designFromFlags(parseCli(['--colors', '#101820, #F2F2F2, #F2AA4C, #1E2A36']).values).colors?.backgroundTo).toBe('#1E2A36');
  });

  it('refuses anything else, with an example of what it takes', () => {
    for (const bad of ['#101820,#F2F2F2', 'red,white,blue', '#101820,#F2F2F2,#F2AA4C,#000000,#111111']) {
      expect(() => designFromFlags(parseCli(['--colors', bad]).values), bad).toThrow(/--colors: .* is not background,text,accent\[,second background\] as #rrggbb colours \(for example/);
    }
  });
});
