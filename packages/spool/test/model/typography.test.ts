import { describe, expect, it } from 'vitest';
import { smartenBlocks, smartenSpans } from '../../src/model/typography.js';

const one = (text: string) => smartenSpans([{ text }])[0].text;

describe("typographer's marks", () => {
  it('curls double and single quotes by the side they stand on', () => {
    expect(one('He said "ship it" and \'then\' left.')).toBe('He said “ship it” and ‘then’ left.');
    expect(one('"Quote at the start."')).toBe('“Quote at the start.”');
    expect(one('("nested")')).toBe('(“nested”)');
  });

  it('makes apostrophes right single quotes, in words, at their ends and before a decade', () => {
    expect(one("don't, it's the students' work from the '90s")).toBe('don’t, it’s the students’ work from the ’90s');
  });

  it('turns -- into dashes and ... into an ellipsis, and leaves --- and .... alone', () => {
    expect(one('wait -- really... pages 10--12')).toBe('wait — really… pages 10–12');
    expect(one('a --- b and c....')).toBe('a --- b and c....');
  });

  it('reads the side of a quote across spans, so marks around bold text pair up', () => {
    const spans = smartenSpans([{ text: 'the "' }, { text: 'Model Compression', bold: true }, { text: '" paper' }]);
    expect(spans.map((s) => s.text).join('')).toBe('the “Model Compression” paper');
  });

  it('leaves code, links, mentions and URLs as written', () => {
    const spans = [
      { text: 'print("hi") -- x...', code: true },
      { text: '"docs"', href: 'https://a.example/"q"' },
      { text: 'https://a.example/it\'s--here', tag: 'url' as const },
    ];
    expect(smartenSpans(spans)).toEqual(spans);
  });

  it('returns blocks untouched when there is nothing to change', () => {
    const blocks = [{ type: 'paragraph' as const, spans: [{ text: 'plain text' }] }];
    expect(smartenBlocks(blocks)[0]).toBe(blocks[0]);
  });
});
