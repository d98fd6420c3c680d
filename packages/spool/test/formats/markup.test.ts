import { describe, expect, it } from 'vitest';
import { decodeEntities, markupTokens, readMarkup } from '../../src/formats/markup.js';

describe('markupTokens: HTML', () => {
  it('gives tags and text in the order written, names lower-cased, references decoded', () => {
    expect(markupTokens('<P Class="a&amp;b">x &lt; y<BR/></p>')).toEqual([
      { kind: 'open', name: 'p', attrs: { class: 'a&b' }, selfClosing: false },
      { kind: 'text', text: 'x < y' },
      { kind: 'open', name: 'br', attrs: {}, selfClosing: true },
      { kind: 'close', name: 'p' },
    ]);
  });

  it('keeps misnested and stray closing tags as written, for the reader to judge', () => {
    const names = markupTokens('<b><i>x</b></i></u>').map((t) => (t.kind === 'text' ? t.text : `${t.kind}:${t.name}`));
    expect(names).toEqual(['open:b', 'open:i', 'x', 'close:b', 'close:i', 'close:u']);
  });

  it('keeps a tag the input ends inside of as text, and a lone < as text', () => {
    expect(markupTokens('a < b and <i>c</i> <a href="x')).toEqual([
      { kind: 'text', text: 'a < b and ' },
      { kind: 'open', name: 'i', attrs: {}, selfClosing: false },
      { kind: 'text', text: 'c' },
      { kind: 'close', name: 'i' },
      { kind: 'text', text: ' <a href="x' },
    ]);
  });

  it('reads script content as text, not as tags, and skips comments and doctypes', () => {
    const tokens = markupTokens('<!doctype html><!-- <b> --><script>if (a<b) "<div>"</script>ok');
    expect(tokens.map((t) => t.kind)).toEqual(['open', 'text', 'close', 'text']);
    expect(tokens[1]).toEqual({ kind: 'text', text: 'if (a<b) "<div>"' });
  });

  it('keeps the first of a repeated attribute, as a browser does', () => {
    expect(markupTokens('<a href="https://one" href="https://two">')[0]).toMatchObject({ attrs: { href: 'https://one' } });
  });
});

describe('markupTokens: XML', () => {
  it('keeps the case of names and reads CDATA as text', () => {
    expect(markupTokens('<svg viewBox="0 0 1 1"><feMorphology radius="2"/><text><![CDATA[a<b]]></text></svg>', { xml: true })).toEqual([
      { kind: 'open', name: 'svg', attrs: { viewBox: '0 0 1 1' }, selfClosing: false },
      { kind: 'open', name: 'feMorphology', attrs: { radius: '2' }, selfClosing: true },
      { kind: 'open', name: 'text', attrs: {}, selfClosing: false },
      { kind: 'text', text: 'a<b' },
      { kind: 'close', name: 'text' },
      { kind: 'close', name: 'svg' },
    ]);
  });
});

describe('readMarkup', () => {
  it('stops reading when the visitor says so', () => {
    const seen: string[] = [];
    readMarkup(`${'<div>'.repeat(10)}${'<p>x</p>'.repeat(100_000)}`, (t) => {
      if (t.kind === 'open') seen.push(t.name);
      return seen.length < 3;
    });
    expect(seen).toEqual(['div', 'div', 'div']);
  });
});

describe('decodeEntities', () => {
  it('decodes by the HTML table and leaves unknown names', () => {
    expect(decodeEntities('&amp; &mdash; &#8217; &#x2019; &eacute; &foo; AT&T &#150;')).toBe('& — ’ ’ é &foo; AT&T –');
  });
});
