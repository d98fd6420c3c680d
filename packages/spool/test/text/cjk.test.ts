import { describe, expect, it } from 'vitest';
import { defaultTextEngine } from '../../src/node/fonts.js';
import { cjkFamilyFor, guessCjkLanguage } from '../../src/text/cjk.js';
import type { TextStyle } from '../../src/text/types.js';

const style: TextStyle = { family: 'sans', weight: 400, italic: false, size: 20, color: '#111111' };
const engine = defaultTextEngine();

/** The families of the faces that set a text's characters other than spaces. */
function families(text: string, lang?: string): string[] {
  const e = engine.localized(lang ? { lang } : {});
  const runs = e.breakLines([{ text, style }], 5000).flatMap((l) => l.runs);
  return [...new Set(runs.filter((r) => r.text.trim() !== '').map((r) => r.face.split('-').slice(0, -1).join('-')))];
}

/** Lines of a text broken at `width`, as strings. */
function lines(text: string, width: number): string[] {
  return engine.localized({ lang: 'ja' }).breakLines([{ text, style }], width).map((l) => l.runs.map((r) => r.text).join(''));
}

describe('Chinese, Japanese and Korean text', () => {
  it('is set in a bundled CJK face, with a glyph for every character', () => {
    for (const text of ['日本語のテキスト', '简体中文的句子', '繁體中文的句子', '한국어 문장입니다']) {
      const runs = engine.breakLines([{ text, style }], 5000).flatMap((l) => l.runs);
      expect(runs.flatMap((r) => r.glyphs).filter((g) => g.id === 0), text).toEqual([]);
    }
  });

  it('draws shared ideographs in the face of the text’s language', () => {
    // 骨 and 直 are drawn differently in Chinese and Japanese.
    expect(families('骨直', 'ja')).toEqual(['noto-jp']);
    expect(families('骨直', 'zh-CN')).toEqual(['noto-sc']);
    expect(families('骨直', 'zh-Hant')).toEqual(['noto-tc']);
    expect(families('骨直', 'ko')).toEqual(['noto-kr']);
    // Hangul only the Korean face has, whatever the language says.
    expect(families('한글', 'ja')).toEqual(['noto-kr']);
    expect(cjkFamilyFor('zh-TW')).toBe('noto-tc');
    expect(cjkFamilyFor('en')).toBeUndefined();
  });

  it('guesses the language of text that declares none', () => {
    expect(guessCjkLanguage('日本語の文章です。')).toBe('ja');
    expect(guessCjkLanguage('这是简体中文的句子。')).toBe('zh-Hans');
    expect(guessCjkLanguage('這是繁體中文的句子，我們說。')).toBe('zh-Hant');
    expect(guessCjkLanguage('한국어 문장입니다. 漢字')).toBe('ko');
    expect(guessCjkLanguage('Plain English')).toBeUndefined();
  });

  it('never starts a line with closing punctuation or small kana, nor ends one with an opening bracket', () => {
    const text = '日本語のスレッドです。漢字とひらがな、カタカナが正しく表示されるか確認します。「引用符」や（括弧）の禁則処理もテストします。ちょっと待ってください！長音ー、小書きのっゃゅょも行頭に来てはいけません。';
    const noStart = /^[、。，．・：；？！ー）」』】〕〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョ々〜…]/;
    const noEnd = /[「『【〔〈《（]$/;
    let broken = 0;
    // From seven characters a line: narrower, a run of small kana is wider than the line and is cut as a last resort.
    for (let width = 140; width <= 480; width += 5) {
      const got = lines(text, width);
      expect(got.join('')).toBe(text);
      if (got.length > 1) broken++;
      for (const line of got.slice(1)) expect(line, `width ${width}: ${got.join(' / ')}`).not.toMatch(noStart);
      for (const line of got.slice(0, -1)) expect(line, `width ${width}: ${got.join(' / ')}`).not.toMatch(noEnd);
    }
    expect(broken).toBeGreaterThan(40);
  });

  it('breaks Korean between words, not inside them', () => {
    const text = '한국어 문장입니다. 한글은 단어 사이의 공백에서 줄을 바꿉니다.';
    const words = new Set(text.split(' '));
    for (let width = 120; width <= 400; width += 13) {
      const got = engine.breakLines([{ text, style }], width).map((l) => l.runs.map((r) => r.text).join('').trim());
      for (const line of got) for (const word of line.split(' ')) expect(words.has(word), `${width}: ${got.join(' / ')}`).toBe(true);
    }
  });
});

describe('the deck’s language, guessed from its slides', () => {
  const slide = (id: string, text: string) => ({ id, kind: 'content' as const, blocks: [{ type: 'paragraph' as const, spans: [{ text }] }], media: [], postIds: [] });
  const deck = (slides: ReturnType<typeof slide>[]) => ({ schemaVersion: 1 as const, slides, design: {} as never });

  it('adds up every slide’s scripts, and follows an edit that makes a new slide', async () => {
    const { deckLocale } = await import('../../src/layout/layout-deck.js');
    const latin = slide('a', 'A thread in English about trains.');
    const chinese = slide('b', '这是一个关于火车的讨论');
    expect(deckLocale(deck([latin]))).toEqual({});
    expect(deckLocale(deck([latin, chinese]))).toEqual({ lang: 'zh-Hans' });
    // Kana on another slide make the whole deck Japanese, as one joined text would.
    const kana = slide('c', 'これはひらがなとカタカナです');
    expect(deckLocale(deck([latin, chinese, kana]))).toEqual({ lang: 'ja' });
    expect(deckLocale(deck([latin, chinese, { ...kana, blocks: [{ type: 'paragraph', spans: [{ text: 'no kana now' }] }] }]))).toEqual({ lang: 'zh-Hans' });
    expect(deckLocale({ ...deck([chinese]), lang: 'en' })).toEqual({ lang: 'en' });
  });
});
