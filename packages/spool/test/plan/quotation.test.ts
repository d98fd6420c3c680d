import { describe, expect, it } from 'vitest';
import { quotationOf } from '../../src/plan/quotation.js';
import { blockText, spansText } from '../../src/model/document.js';
import { para } from '../helpers/documents.js';

describe('quotationOf', () => {
  it('reads quote blocks and an attribution after a dash', () => {
    const found = quotationOf([{ type: 'quote', spans: [{ text: 'Less, but better.' }] }, para('— Dieter Rams')]);
    expect(found?.words.map(blockText)).toEqual(['Less, but better.']);
    expect(spansText(found?.by ?? [])).toBe('Dieter Rams');
  });

  it('reads one paragraph in quotation marks, dropping the marks it will draw itself', () => {
    expect(quotationOf([para('"Ship it."')])?.words.map(blockText)).toEqual(['Ship it.']);
    expect(quotationOf([para('«Moins, mais mieux.»')])?.words.map(blockText)).toEqual(['Moins, mais mieux.']);
  });

  it('names nobody the post does not name, and takes no ordinary paragraph for a quote', () => {
    expect(quotationOf([{ type: 'quote', spans: [{ text: 'Words.' }] }])?.by).toBeUndefined();
    expect(quotationOf([para('He said "ship it" and left.')])).toBeUndefined();
    expect(quotationOf([para('"One." And "two."')])).toBeUndefined();
  });
});
