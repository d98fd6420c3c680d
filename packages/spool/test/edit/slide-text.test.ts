import { describe, expect, it } from 'vitest';
import { blocksToText, spansToText, textToBlocks, textToSpans } from '../../src/edit/index.js';
import type { Block } from '../../src/model/document.js';

describe('slide text form', () => {
  it('reads block markers and inline marks', () => {
    expect(textToBlocks('# Big idea\nPlain **bold** and *it* and ***both***\n- item\n2. second\n> quoted\n\n')).toEqual([
      { type: 'heading', level: 1, spans: [{ text: 'Big idea' }] },
      { type: 'paragraph', spans: [{ text: 'Plain ' }, { text: 'bold', bold: true }, { text: ' and ' }, { text: 'it', italic: true }, { text: ' and ' }, { text: 'both', bold: true, italic: true }] },
      { type: 'listItem', ordered: false, spans: [{ text: 'item' }] },
      { type: 'listItem', ordered: true, ordinal: 2, spans: [{ text: 'second' }] },
      { type: 'quote', spans: [{ text: 'quoted' }] },
    ]);
  });

  it('reads code, links, and re-detects mentions, hashtags and URLs', () => {
    expect(textToSpans('Run `npm *start*` [docs](https://spool.dev) @ada #design')).toEqual([
      { text: 'Run ' },
      { text: 'npm *start*', code: true },
      { text: ' ' },
      { text: 'docs', href: 'https://spool.dev' },
      { text: ' ' },
      { text: '@ada', href: 'https://x.com/ada', tag: 'mention' },
      { text: ' ' },
      { text: '#design', href: 'https://x.com/hashtag/design', tag: 'hashtag' },
    ]);
  });

  it('makes half-typed bold bold already, and a backslash literal', () => {
    expect(textToSpans('so **bol')).toEqual([{ text: 'so ' }, { text: 'bol', bold: true }]);
    expect(textToSpans('2 \\* 3 \\\\')).toEqual([{ text: '2 * 3 \\' }]);
  });

  it('keeps markup-looking post text as text, never markup', () => {
    const text = '<img src=x onerror=alert(1)> <script>alert(1)</script>';
    expect(textToSpans(text)).toEqual([{ text }]);
  });

  it('round-trips blocks through the text form', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 2, spans: [{ text: 'Title' }] },
      { type: 'paragraph', spans: [{ text: 'a ' }, { text: 'b*c', bold: true }, { text: ' ' }, { text: 'site', href: 'https://x.y/z' }, { text: ' ok' }] },
      { type: 'paragraph', spans: [{ text: '- not a list' }] },
      { type: 'listItem', ordered: true, ordinal: 3, spans: [{ text: 'three', italic: true }] },
      { type: 'quote', spans: [{ text: 'q' }] },
    ];
    expect(textToBlocks(blocksToText(blocks))).toEqual(blocks);
  });

  it('edits a code block between fences, its lines and language kept, a fence inside the code included', () => {
    const blocks: Block[] = [
      { type: 'paragraph', spans: [{ text: 'Run:' }] },
      { type: 'code', lang: 'md', spans: [{ text: '# not a heading\n```\n  - indented', code: true }] },
      { type: 'paragraph', spans: [{ text: 'after' }] },
    ];
    const text = blocksToText(blocks);
    expect(text).toContain('````md\n# not a heading');
    expect(textToBlocks(text)).toEqual(blocks);
  });

  it('puts marks inside the spaces around a run', () => {
    expect(spansToText([{ text: 'a' }, { text: ' bold ', bold: true }, { text: 'b' }])).toBe('a **bold** b');
  });
});
