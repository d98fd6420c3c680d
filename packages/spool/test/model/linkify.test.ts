import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkify, linkifySpans } from '../../src/model/linkify.js';

const tagged = (text: string) => linkify(text).filter((s) => s.tag).map((s) => [s.tag, s.text, s.href]);

describe('linkify', () => {
  it('finds bare http(s) and www. URLs and trims sentence punctuation', () => {
    expect(tagged('Read https://www.turingpost.com/p/kd. Or (www.example.org/a?b=1), then http://x.io/y!')).toEqual([
      ['url', 'https://www.turingpost.com/p/kd', 'https://www.turingpost.com/p/kd'],
      ['url', 'www.example.org/a?b=1', 'https://www.example.org/a?b=1'],
      ['url', 'http://x.io/y', 'http://x.io/y'],
    ]);
  });

  it('keeps parentheses that belong to the URL', () => {
    expect(tagged('see https://en.wikipedia.org/wiki/Foo_(bar)).')).toEqual([
      ['url', 'https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ]);
  });

  it('follows X rules for mentions', () => {
    expect(tagged('@jack, hi @TheTuringPost! mail a@b.com or @waytoolonghandle_16 or @a@b')).toEqual([
      ['mention', '@jack', 'https://x.com/jack'],
      ['mention', '@TheTuringPost', 'https://x.com/TheTuringPost'],
    ]);
  });

  it('finds hashtags in any script but not numbers or glued ones', () => {
    expect(tagged('#ML #日本語 #café #1 x#y AT&T#z #v2')).toEqual([
      ['hashtag', '#ML', 'https://x.com/hashtag/ML'],
      ['hashtag', '#日本語', `https://x.com/hashtag/${encodeURIComponent('日本語')}`],
      ['hashtag', '#café', `https://x.com/hashtag/${encodeURIComponent('café')}`],
      ['hashtag', '#v2', 'https://x.com/hashtag/v2'],
    ]);
  });

  it('treats # and @ inside a URL as part of it', () => {
    expect(tagged('https://a.com/#top and https://a.com/@user')).toEqual([
      ['url', 'https://a.com/#top', 'https://a.com/#top'],
      ['url', 'https://a.com/@user', 'https://a.com/@user'],
    ]);
  });

  it('ignores things that are not web addresses', () => {
    expect(tagged('https:// and www. and https://localhost:3000 and file.txt')).toEqual([]);
  });

  it('leaves links and code alone and keeps other marks', () => {
    expect(
      linkifySpans([
        { text: '@ada', href: 'https://a.com' },
        { text: '#tag', code: true },
        { text: 'by @ada', italic: true },
      ]),
    ).toEqual([
      { text: '@ada', href: 'https://a.com' },
      { text: '#tag', code: true },
      { text: 'by ', italic: true },
      { text: '@ada', italic: true, href: 'https://x.com/ada', tag: 'mention' },
    ]);
  });

  it('never loses or adds text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '@', '#', '.', '/', ':', 'h', 't', 'p', 's', 'w', '(', ')', 'é', '_', '1') }), (text) => {
        expect(linkify(text).map((s) => s.text).join('')).toBe(text);
      }),
    );
  });
});
