import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emojiKey, emojiSvg, hasEmoji } from '../../src/node/emoji.js';
import { bundledFonts, defaultTextEngine, textShaper } from '../../src/node/fonts.js';
import { createTextEngine } from '../../src/text/engine.js';
import { EMOJI_ADVANCE, emojiBox, findEmoji } from '../../src/text/emoji.js';
import { paintSvg } from '../../src/paint/svg/index.js';
import type { PaintResources, Scene } from '../../src/scene/types.js';
import type { ShapedRun, TextStyle } from '../../src/text/types.js';

const engine = defaultTextEngine();
const svgDir = dirname(createRequire(import.meta.url).resolve('@twemoji/svg/package.json'));

function style(over: Partial<TextStyle> = {}): TextStyle {
  return { family: 'sans', weight: 400, italic: false, size: 20, color: '#111111', ...over };
}

function runsOf(text: string, s = style()): ShapedRun[] {
  return engine.breakLines([{ text, style: s }], 1000).flatMap((l) => l.runs);
}

describe('emoji runs', () => {
  const cases: [string, string][] = [
    ['ZWJ family', '👨‍👩‍👧‍👦'],
    ['flag', '🇫🇷'],
    ['skin tone', '👍🏽'],
    ['keycap', '1️⃣'],
    ['ZWJ with skin tone', '🧑🏽‍💻'],
    ['rainbow flag', '🏳️‍🌈'],
    ['subdivision flag', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
  ];
  for (const [name, emoji] of cases) {
    it(`makes one image run for a ${name}`, () => {
      const runs = runsOf(`go ${emoji} now`);
      const images = runs.filter((r) => r.emoji);
      expect(images).toHaveLength(1);
      const [run] = images;
      expect(run.text).toBe(emoji);
      expect(run.face).toBe('');
      expect(run.glyphs).toEqual([]);
      expect(run.width).toBeCloseTo(EMOJI_ADVANCE * 20, 9);
      expect(existsSync(join(svgDir, `${run.emoji}.svg`))).toBe(true);
    });
  }

  it('gives adjacent emoji a run each and no break inside one', () => {
    const runs = runsOf('🇫🇷🇩🇪👍🏽');
    expect(runs.map((r) => r.emoji)).toEqual(['1f1eb-1f1f7', '1f1e9-1f1ea', '1f44d-1f3fd']);
    const narrow = engine.breakLines([{ text: '👨‍👩‍👧‍👦👨‍👩‍👧‍👦', style: style() }], 10);
    expect(narrow.map((l) => l.runs.map((r) => r.text).join(''))).toEqual(['👨‍👩‍👧‍👦', '👨‍👩‍👧‍👦']);
  });

  it('uses the normalised key when the image set names a sequence without U+FE0F', () => {
    expect(hasEmoji('1f441-fe0f-200d-1f5e8-fe0f')).toBe(true);
    expect(emojiKey('1f441-fe0f-200d-1f5e8-fe0f')).toBe('1f441-200d-1f5e8');
    const [run] = runsOf('👁️‍🗨️').filter((r) => r.emoji);
    expect(run.emoji).toBe('1f441-200d-1f5e8');
    expect(emojiSvg('1f441-fe0f-200d-1f5e8-fe0f')).toBe(emojiSvg('1f441-200d-1f5e8'));
  });

  it('reads bundled SVGs and knows what is missing', () => {
    const svg = emojiSvg('1f44d-1f3fd');
    expect(svg).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(svg).startsWith('<svg')).toBe(true);
    expect(hasEmoji('ffff-ffff')).toBe(false);
    expect(emojiSvg('../../package')).toBeUndefined();
  });

  it('sets emoji as text when no image is available', () => {
    const noImages = createTextEngine({ fonts: bundledFonts(), shaper: textShaper });
    const runs = noImages.breakLines([{ text: 'ok 👍🏽', style: style() }], 400)[0].runs;
    expect(runs.some((r) => r.emoji)).toBe(false);
  });

  it('keeps text-style symbols in the font when it has them', () => {
    expect(runsOf('a → b ✓ c ©').some((r) => r.emoji)).toBe(false);
  });
});

/**
 * Every emoji Unicode 15.0 lists (the version the bundled Twemoji set covers), as listed by
 * emoji-test-regex-pattern, which is built from emoji-test.txt. Fully-qualified ones are those
 * whose every text-style character is followed by U+FE0F or a skin tone, as emoji-test.txt marks them;
 * lone components (skin tones, hair) are not emoji of their own.
 */
function fullyQualifiedEmoji(): string[] {
  const list = readFileSync(createRequire(import.meta.url).resolve('emoji-test-regex-pattern/dist/emoji-15.0/index-strings.txt'), 'utf8');
  const textStyle = /^(?!\p{Emoji_Presentation})\p{Extended_Pictographic}$|^[#*0-9\u00a9\u00ae]$/u;
  const modifier = /^\p{Emoji_Modifier}$/u;
  const component = /^(?:\p{Emoji_Modifier}|[\u{1f9b0}-\u{1f9b3}]|\p{Regional_Indicator})$/u;
  return list
    .split('\n')
    .filter((line) => line !== '')
    .filter((emoji) => {
      const cps = [...emoji];
      if (cps.length === 1 && component.test(cps[0])) return false;
      return cps.every((c, i) => !textStyle.test(c) || cps[i + 1] === '\ufe0f' || modifier.test(cps[i + 1] ?? ''));
    });
}

describe('every emoji', () => {
  const all = fullyQualifiedEmoji();

  it('reads the whole list', () => {
    // emoji-test.txt 15.0 has 3,655 fully-qualified emoji besides its components.
    expect(all.length).toBeGreaterThan(3600);
    expect(all).toEqual(expect.arrayContaining(['✍️', '✌️', '☝️', '⛹️', '✍🏽', '✌🏾', '❤️', '✅', '✈️']));
  });

  it('finds each as one emoji with a bundled image, the text-style bases included', () => {
    const missing: string[] = [];
    for (const emoji of all) {
      const found = findEmoji(`a ${emoji} b`);
      const key = found.length === 1 && found[0].start === 2 && found[0].end === 2 + emoji.length ? found[0].key : undefined;
      if (key === undefined || emojiKey(key) === undefined) missing.push(`${emoji} (${[...emoji].map((c) => c.codePointAt(0)!.toString(16)).join(' ')}) -> ${JSON.stringify(found)}`);
    }
    expect(missing).toEqual([]);
  });

  it('lays each out as an image run and paints it as one, never as a missing glyph', () => {
    const lines = engine.breakLines([{ text: all.join(' '), style: style() }], 400);
    const runs = lines.flatMap((l) => l.runs);
    const images = runs.filter((r) => r.emoji);
    expect(images.map((r) => r.text)).toEqual(all);
    // No emoji code point is left to a font: it would be drawn as a box where the font lacks it.
    const leftToFonts = runs.filter((r) => !r.emoji && /\p{Extended_Pictographic}/u.test(r.text) && !/^[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa]+$/u.test(r.text.replace(/\s/g, '')));
    expect(leftToFonts.map((r) => r.text)).toEqual([]);
    const svg = paintSvg(
      { width: 432, height: 8000, background: '#ffffff', items: images.slice(0, 400).map((r, i) => ({ type: 'image' as const, key: `emoji:${r.emoji}`, x: (i % 20) * 21, y: Math.floor(i / 20) * 21, w: 20, h: 20, fit: 'contain' as const })), links: [] } as unknown as Scene,
      { face: () => undefined, image: (key: string) => (key.startsWith('emoji:') && emojiSvg(key.slice(6)) ? { key, mime: 'image/svg+xml' as const, bytes: emojiSvg(key.slice(6))!, width: 36, height: 36 } : undefined) } as unknown as PaintResources,
    );
    expect(svg.match(/<image /g)?.length ?? (svg.match(/<svg/g)?.length ?? 0) - 1).toBeGreaterThanOrEqual(400);
  });
});

describe('emojiBox', () => {
  it('centres a size square in the advance with its bottom just below the baseline', () => {
    const box = emojiBox({ width: 24, size: 20 });
    // From the run's start on the baseline.
    expect(box).toEqual({ x: 2, y: -18, w: 20, h: 20 });
    expect(box.y + box.h).toBeGreaterThan(0);
    expect(box.y + box.h).toBeLessThan(0.25 * 20);
  });
});
