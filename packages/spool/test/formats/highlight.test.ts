import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeLanguage, highlightCode } from '../../src/formats/highlight.js';

const kindOf = (tokens: ReturnType<typeof highlightCode>, text: string) => tokens.find((t) => t.text.includes(text))?.kind;

describe('highlightCode', () => {
  it('colours keywords, strings, numbers, comments and function names in a named language', () => {
    const tokens = highlightCode('def area(r):\n    return 3.14 * r ** 2  # circle\nprint("done")', 'python');
    expect(kindOf(tokens, 'def')).toBe('keyword');
    expect(kindOf(tokens, 'area')).toBe('function');
    expect(kindOf(tokens, '3.14')).toBe('number');
    expect(kindOf(tokens, '# circle')).toBe('comment');
    expect(kindOf(tokens, '"done"')).toBe('string');
  });

  it('gives the code back exactly, character for character, in any language or none', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom(undefined, 'js', 'python', 'bash', 'json', 'html', 'rust', 'cobol'), (code, lang) => {
        expect(highlightCode(code, lang).map((t) => t.text).join('')).toBe(code);
      }),
      { numRuns: 200 },
    );
  });

  it('reads markup in the code as the code’s own text, never as markup', () => {
    const code = '<script>alert("x")</script> &amp; <b>';
    const tokens = highlightCode(code, 'html');
    expect(tokens.map((t) => t.text).join('')).toBe(code);
    expect(tokens.every((t) => !t.text.includes('hljs'))).toBe(true);
  });

  it('sets a language it does not have in one colour rather than guessing another', () => {
    expect(highlightCode('IDENTIFICATION DIVISION.', 'cobol')).toEqual([{ text: 'IDENTIFICATION DIVISION.' }]);
    expect(codeLanguage('JS')).toBe('js');
    expect(codeLanguage('typescript {1,3}')).toBe('typescript');
    expect(codeLanguage('klingon')).toBeUndefined();
  });

  it('guesses among common languages when the block names none', () => {
    const tokens = highlightCode('const total = items.reduce((sum, x) => sum + x.price, 0);');
    expect(kindOf(tokens, 'const')).toBe('keyword');
  });
});
