import { describe, expect, it } from 'vitest';
import { comparisonOf } from '../../src/plan/comparison.js';
import { blockText } from '../../src/model/document.js';
import { para } from '../helpers/documents.js';

describe('comparisonOf', () => {
  it('reads a lead and two labelled sides, each up to the next label', () => {
    const found = comparisonOf([para('Onboarding, rewritten.'), para('Before: 14 steps'), para('and a video'), para('After: 3 steps')]);
    expect(found?.lead.map(blockText)).toEqual(['Onboarding, rewritten.']);
    expect(found?.sides.map((s) => [s.label, s.blocks.map(blockText)])).toEqual([['Before', ['14 steps', 'and a video']], ['After', ['3 steps']]]);
  });

  it("reads Do / Don't with a curly apostrophe, and emoji labels without a colon", () => {
    expect(comparisonOf([para('Do: one idea a slide'), para('Don’t: a paragraph a slide')])?.sides.map((s) => s.label)).toEqual(['Do', 'Don’t']);
    expect(comparisonOf([para('❌ Wall of text'), para('✅ One idea')])?.sides.map((s) => s.blocks.map(blockText)[0])).toEqual(['Wall of text', 'One idea']);
  });

  it('needs exactly two sides that pair, each with something to say', () => {
    expect(comparisonOf([para('Before: a'), para('After: b'), para('Before: c')])).toBeUndefined();
    expect(comparisonOf([para('Before: a'), para('Fact: b')])).toBeUndefined();
    expect(comparisonOf([para('Before:'), para('After: b')])).toBeUndefined();
    expect(comparisonOf([para('Do more with less'), para('Now is the time')])).toBeUndefined();
  });
});
