import { describe, expect, it } from 'vitest';
import { joinLeadIns } from '../../src/plan/join-lead-ins.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import type { Slide } from '../../src/model/deck.js';
import { blockText } from '../../src/model/document.js';
import { doc, para, post, words } from '../helpers/documents.js';

let n = 0;
const slide = (text: string, extra: Partial<Slide> = {}): Slide => ({ id: `s${++n}`, kind: 'content', blocks: [para(text)], media: [], postIds: [`p${n}`], ...extra });

describe('joinLeadIns', () => {
  it('makes a short post ending in a colon the title of the slide it introduces', () => {
    const out = joinLeadIns([slide('Here is the trick:'), slide('Train the student on soft targets.'), slide('After.')]);
    expect(out).toHaveLength(2);
    expect(out[0].title?.[0].text).toBe('Here is the trick:');
    expect(out[0].blocks.map(blockText)).toEqual(['Train the student on soft targets.']);
    expect(out[0].postIds).toHaveLength(2);
  });

  it('leaves alone an introduction that is long, a slide that has a title, and a colon at the very end', () => {
    const long = [slide(`${words(40)}:`), slide('Next.')];
    expect(joinLeadIns(long)).toEqual(long);
    const titled = [slide('Look:'), slide('Next.', { title: [{ text: 'Own title' }] })];
    expect(joinLeadIns(titled)).toEqual(titled);
    const last = [slide('Nothing follows:')];
    expect(joinLeadIns(last)).toEqual(last);
  });

  it('runs in auto layout only', () => {
    const d = doc([post('1', [para('Hook')]), post('2', [para('The one rule:')]), post('3', [para('Every slide earns the next one.')])]);
    expect(planDeck(d, resolveDesign({})).slides.map((s) => s.kind)).toEqual(['cover', 'content', 'outro']);
    expect(planDeck(d, resolveDesign({ layout: 'classic' })).slides.map((s) => s.kind)).toEqual(['cover', 'content', 'content', 'outro']);
  });
});
