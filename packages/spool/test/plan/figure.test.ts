import { describe, expect, it } from 'vitest';
import { leadingFigure } from '../../src/plan/figure.js';
import { para } from '../helpers/documents.js';

describe('leadingFigure', () => {
  it('takes the figure and leaves the rest of the sentence, with its marks, as the caption', () => {
    const found = leadingFigure({ type: 'paragraph', spans: [{ text: '87% of decks ' }, { text: 'lose readers', bold: true }, { text: ' by slide 5.' }] });
    expect(found?.figure).toBe('87%');
    expect(found?.caption).toEqual([{ text: 'of decks ' }, { text: 'lose readers', bold: true }, { text: ' by slide 5.' }]);
  });

  it('reads currencies, multipliers, thousands and units', () => {
    expect(leadingFigure(para('$19 a month, cancel any time.'))?.figure).toBe('$19');
    expect(leadingFigure(para('€1.2M in sales'))?.figure).toBe('€1.2M');
    expect(leadingFigure(para('3× faster'))?.figure).toBe('3×');
    expect(leadingFigure(para('1,000,000 downloads'))?.figure).toBe('1,000,000');
    expect(leadingFigure(para('48,000: that is how many.'))?.caption).toEqual([{ text: 'that is how many.' }]);
  });

  it('finds no figure in years, small counts, words that only start with digits, or other blocks', () => {
    expect(leadingFigure(para('2006 is when it started.'))).toBeUndefined();
    expect(leadingFigure(para('7 habits'))).toBeUndefined();
    expect(leadingFigure(para('3D printing is here'))).toBeUndefined();
    expect(leadingFigure({ type: 'listItem', ordered: true, ordinal: 1, spans: [{ text: '90% of it' }] })).toBeUndefined();
    expect(leadingFigure(undefined)).toBeUndefined();
  });
});
