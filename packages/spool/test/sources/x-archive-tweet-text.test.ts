import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/model/document.js';
import { shortUrl, stripThreadMarkers, tweetBlocks } from '../../src/sources/tweet-text.js';

describe('tweetBlocks', () => {
  it('expands t.co links, drops the media link and decodes entities', () => {
    const body = tweetBlocks({
      text: 'Q&amp;A notes: https://t.co/abc123 &lt;- read it https://t.co/media99',
      links: [{ url: 'https://t.co/abc123', expandedUrl: 'https://example.com/qa' }],
      mediaLinks: ['https://t.co/media99'],
    });
    expect(body.blocks).toEqual([
      {
        type: 'paragraph',
        spans: [
          { text: 'Q&A notes: ' },
          { text: 'example.com/qa', href: 'https://example.com/qa', tag: 'url' },
          { text: ' <- read it' },
        ],
      },
    ]);
  });

  it('keeps a t.co link it cannot expand as a link', () => {
    const body = tweetBlocks({ text: 'see https://t.co/zzz', links: [], mediaLinks: [] });
    expect(body.blocks[0].spans[1]).toMatchObject({ href: 'https://t.co/zzz', tag: 'url' });
  });

  it('makes one block per line, with bullets as list items', () => {
    const body = tweetBlocks({ text: 'Three rules:\n\n- one\n- two\n\nThat is all', links: [], mediaLinks: [] });
    expect(body.blocks.map((b) => [b.type, blockText(b)])).toEqual([
      ['paragraph', 'Three rules:'],
      ['listItem', 'one'],
      ['listItem', 'two'],
      ['paragraph', 'That is all'],
    ]);
  });

  it('never touches correct text in other scripts', () => {
    const text = 'Привет, мир! Ελληνικά. 日本語のテキスト。 Zażółć gęślą jaźń. ภาษาไทย. Ąžuolas ėjo.';
    const body = tweetBlocks({ text, links: [], mediaLinks: [] });
    expect(blockText(body.blocks[0])).toBe(text);
    expect(body.repaired).toBe(false);
  });
});

describe('stripThreadMarkers', () => {
  it.each([
    ['1/ Start here', 1, 'Start here'],
    ['(2/7) Middle', 2, 'Middle'],
    ['The end 7/7', 7, 'The end'],
    ['🧵 A thread', 1, 'A thread'],
    ['A thread 🧵 1/5', 1, 'A thread'],
    ['1/2 cup of flour', 3, '1/2 cup of flour'],
    ['Ratio is 3/4', 2, 'Ratio is 3/4'],
  ])('%s', (text, position, expected) => {
    expect(stripThreadMarkers(text, position)).toBe(expected);
  });
});

describe('shortUrl', () => {
  it('drops the scheme and www, and cuts long paths', () => {
    expect(shortUrl('https://www.example.com/')).toBe('example.com');
    expect(shortUrl('https://example.com/a/very/long/path/that/goes/on/and/on')).toBe('example.com/a/very/long/path/that/goes/…');
  });
});
