import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emojiKey, emojiSvg, hasEmoji } from '../../src/node/emoji.js';
import { bundledFonts, defaultTextEngine } from '../../src/node/fonts.js';
import { createTextEngine } from '../../src/text/engine.js';
import { EMOJI_ADVANCE, emojiBox } from '../../src/text/emoji.js';
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
    const noImages = createTextEngine({ fonts: bundledFonts() });
    const runs = noImages.breakLines([{ text: 'ok 👍🏽', style: style() }], 400)[0].runs;
    expect(runs.some((r) => r.emoji)).toBe(false);
  });

  it('keeps text-style symbols in the font when it has them', () => {
    expect(runsOf('a → b ✓ c ©').some((r) => r.emoji)).toBe(false);
  });
});

describe('emojiBox', () => {
  it('centres a size square in the advance with its bottom just below the baseline', () => {
    const run = { x: 10, width: 24, size: 20 };
    const box = emojiBox(run, 100, 5);
    expect(box).toEqual({ x: 17, y: 82, w: 20, h: 20 });
    expect(box.y + box.h).toBeGreaterThan(100);
    expect(box.y + box.h).toBeLessThan(100 + 0.25 * 20);
  });
});
