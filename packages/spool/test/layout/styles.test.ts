import { describe, expect, it } from 'vitest';
import { baseStyle, plainText, styleSpans } from '../../src/layout/styles.js';
import { findTheme } from '../../src/design/themes.js';

const theme = findTheme('paper');
const base = baseStyle('serif', 20, '#222222');

describe('styleSpans', () => {
  it('keeps plain text in the base style and drops empty spans', () => {
    expect(styleSpans([{ text: 'plain' }, { text: '' }], base, theme)).toEqual([{ text: 'plain', style: { family: 'serif', weight: 400, italic: false, size: 20, color: '#222222' } }]);
  });

  it('sets bold at 700 and italic as italic, together if both', () => {
    const [s] = styleSpans([{ text: 'x', bold: true, italic: true }], baseStyle('sans', 20, '#222222', 500), theme);
    expect(s.style).toMatchObject({ weight: 700, italic: true, family: 'sans' });
  });

  it('sets code in the mono family a little smaller', () => {
    const [s] = styleSpans([{ text: 'npm i', code: true }], base, theme);
    expect(s.style.family).toBe('mono');
    expect(s.style.size).toBeLessThan(20);
    expect(s.style.size).toBeGreaterThan(15);
  });

  it('colours links and tags with the theme’s link colour, underlining links and bare URLs only', () => {
    const [link, mention, url, hashtag] = styleSpans(
      [{ text: 'site', href: 'https://a.test' }, { text: '@ada', tag: 'mention', href: 'https://x.com/ada' }, { text: 'a.test', tag: 'url' }, { text: '#ai', tag: 'hashtag' }],
      base,
      theme,
    );
    for (const s of [link, mention, url, hashtag]) expect(s.style.color).toBe(theme.link);
    expect(link.style).toMatchObject({ href: 'https://a.test', underline: true });
    expect(mention.style).toMatchObject({ href: 'https://x.com/ada' });
    expect(mention.style.underline).toBeUndefined();
    expect(url.style.underline).toBe(true);
    expect(hashtag.style.underline).toBeUndefined();
    expect(hashtag.style.href).toBeUndefined();
  });

  it('treats span text as text, never markup, and does not change the base style', () => {
    const [s] = styleSpans([{ text: '**not bold** <b>', bold: false }], base, theme);
    expect(s).toEqual({ text: '**not bold** <b>', style: base });
    expect(s.style).not.toBe(base);
  });
});

describe('plainText', () => {
  it('is one styled run, or none for empty text', () => {
    expect(plainText('hi', base)).toEqual([{ text: 'hi', style: base }]);
    expect(plainText('', base)).toEqual([]);
  });
});
