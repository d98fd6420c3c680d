import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { buildScene } from '../../src/draw/build-scene.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import { loadMathTypesetter } from '../../src/formats/math.js';
import { tableBlock } from '../../src/model/table.js';
import { mathBlock } from '../../src/model/math.js';
import { blocksToText, textToBlocks } from '../../src/edit/slide-text.js';
import type { Block, SpoolDocument } from '../../src/model/document.js';
import type { LaidFormula, LaidOutPage, LaidRect } from '../../src/layout/types.js';
import { pageLines } from '../helpers/inspect.js';

const engine = defaultTextEngine();
const author = { name: 'Ada', handle: 'ada' };

function lay(blocks: Block[], math?: Awaited<ReturnType<typeof loadMathTypesetter>>, dir?: 'rtl') {
  const doc: SpoolDocument = {
    schemaVersion: 1,
    ...(dir ? { dir } : {}),
    posts: [
      { id: '1', author, blocks: [{ type: 'paragraph', spans: [{ text: 'An opening post' }] }], media: [] },
      { id: '2', author, blocks, media: [] },
    ],
  };
  const deck = layoutDeck(planDeck(doc, resolveDesign({})), engine, () => undefined, math ? { math } : {});
  return { deck, page: deck.pages[1] };
}

const cells = (rows: string[][]) => rows.map((r) => r.map((text) => [{ text }]));
const table = tableBlock(cells([
  ['Method', 'What the student learns', 'Accuracy'],
  ['Response-based', 'The teacher’s soft labels', '96%'],
  ['Feature-based', 'Intermediate activations', '97%'],
  ['Relation-based', 'How samples relate to each other', '95%'],
]))!;

function column(page: LaidOutPage, words: string[]) {
  return pageLines(page).filter((l) => words.includes(l.text));
}

describe('a table on a slide', () => {
  it('sets its columns side by side inside the text box, the header over an accent rule, numbers flush right', () => {
    const { page, deck } = lay([table]);
    const box = { left: 80, right: deck.width - 80 };
    const firsts = column(page, ['Method', 'Response-based', 'Feature-based', 'Relation-based']);
    expect(firsts).toHaveLength(4);
    for (const l of firsts) expect(l.left).toBeCloseTo(firsts[0].left, 1);
    const numbers = column(page, ['Accuracy', '96%', '97%', '95%']);
    expect(numbers).toHaveLength(4);
    for (const l of numbers) expect(l.right).toBeCloseTo(numbers[0].right, 1);
    expect(numbers[0].left).toBeGreaterThan(firsts[0].right);
    for (const l of pageLines(page)) {
      expect(l.left).toBeGreaterThanOrEqual(box.left - 45);
      expect(l.right).toBeLessThanOrEqual(box.right + 45);
    }
    // Rows go down the page in order, each under the one before.
    expect(firsts.map((l) => l.top)).toEqual([...firsts.map((l) => l.top)].sort((a, b) => a - b));
    const rules = page.elements.filter((e): e is LaidRect => e.type === 'rect' && e.h <= 3 && e.w > 300);
    expect(rules.length).toBe(3);
    expect(rules[0].fill).toBe(deck.theme.accent);
  });

  it('runs its columns from the right in a right-to-left document', () => {
    const hebrew = tableBlock(cells([['שיטה', 'דיוק'], ['מבוססת תגובה', '96%'], ['מבוססת תכונות', '97%']]))!;
    const { page } = lay([hebrew], undefined, 'rtl');
    const first = column(page, ['שיטה'])[0];
    const last = column(page, ['דיוק'])[0];
    expect(first.left).toBeGreaterThan(last.right);
  });

  it('takes a table too tall to cut between rows a page of its own, never a page a word', () => {
    const long = 'A very long note that goes on and on about the method and its results. '.repeat(12);
    const { deck } = lay([tableBlock(cells([['Method', 'Notes'], ['Response', long]]))!]);
    const parts = deck.pages.filter((p) => p.slideId === deck.pages[1].slideId);
    expect(parts).toHaveLength(1);
  });

  it('continues over slides between rows, its header repeated', () => {
    const rows = [['Year', 'Paper'], ...Array.from({ length: 30 }, (_, i) => [String(1990 + i), `A paper with a longer title number ${i + 1} that takes room`])];
    const { deck } = lay([tableBlock(cells(rows))!]);
    const parts = deck.pages.filter((p) => p.slideId === deck.pages[1].slideId);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(pageLines(p).some((l) => l.text === 'Year')).toBe(true);
    const years = parts.flatMap((p) => pageLines(p).filter((l) => /^\d{4}$/.test(l.text)).map((l) => l.text));
    expect(years).toEqual(rows.slice(1).map((r) => r[0]));
  });
});

describe('a display formula', () => {
  const formula = mathBlock('q_i = \\frac{\\exp(z_i/T)}{\\sum_j \\exp(z_j/T)}');

  it('is typeset by MathJax into outlines, centred, and painted as a vector path', async () => {
    const math = await loadMathTypesetter();
    const { page, deck } = lay([{ type: 'paragraph', spans: [{ text: 'The softened probabilities:' }] }, formula], math);
    const laid = page.elements.find((e): e is LaidFormula => e.type === 'formula')!;
    expect(laid.paths.length).toBeGreaterThan(10);
    expect(laid.h).toBeGreaterThan(laid.size * 2);
    expect(laid.x - 80).toBeCloseTo(deck.width - 80 - (laid.x + laid.w), 0);
    const scene = buildScene(deck, page);
    const path = scene.items.find((i) => i.type === 'path' && i.fill === laid.fill);
    expect(path?.type === 'path' && path.d.length).toBeGreaterThan(1000);
    // Its TeX is never shown as text.
    expect(pageLines(page).some((l) => l.text.includes('\\frac'))).toBe(false);
  });

  it('is set as text, its variables in italic, where no typesetter was loaded', () => {
    const { page } = lay([formula]);
    const text = pageLines(page).map((l) => l.text).join(' ');
    expect(text).toContain('qᵢ =');
    expect(text).not.toContain('\\frac');
  });

  it('keeps no state from one formula to the next, and takes no macro definitions or endless input', async () => {
    const math = await loadMathTypesetter();
    const alpha = math('\\alpha')!;
    // A post may not redefine another's \alpha, nor nest \mathchoice into minutes of work.
    expect(math('\\def\\alpha{HACKED}\\alpha')).toBeUndefined();
    expect(math('\\newcommand{\\alpha}{HACKED}\\alpha')).toBeUndefined();
    expect(math('\\def\\m#1{\\mathchoice{#1}{#1}{#1}{#1}}\\m{\\m{\\m{\\m{\\m{\\m{\\m{\\m{\\m{\\m{x}}}}}}}}}}')).toBeUndefined();
    expect(math('\\alpha')).toEqual(alpha);
    // A label used twice in a deck does not break the second formula.
    expect(math('x \\label{a}')).toBeDefined();
    expect(math('y \\label{a}')).toBeDefined();
    expect(math('x+'.repeat(600))).toBeUndefined();
  });

  it('refuses TeX it cannot read rather than drawing an error', async () => {
    const math = await loadMathTypesetter();
    expect(math('\\frac{')).toBeUndefined();
    expect(math('\\require{html}')).toBeUndefined();
    expect(math('\\undefinedcommand')).toBeUndefined();
  });
});

describe('the slide text form', () => {
  it('writes tables and formulas as Markdown does and reads them back', () => {
    const blocks: Block[] = [tableBlock(cells([['A | pipe', 'B'], ['1', '2']]), ['left', 'right'])!, mathBlock('e^{i\\pi} + 1 = 0')];
    const text = blocksToText(blocks);
    expect(text).toBe('| A \\| pipe | B |\n| --- | ---: |\n| 1 | 2 |\n$$e^{i\\pi} + 1 = 0$$');
    expect(textToBlocks(text)).toEqual(blocks);
  });
});

describe('a formula in a composition that sets its own text', () => {
  it('reads as the formula, never as its TeX', () => {
    const doc: SpoolDocument = {
      schemaVersion: 1,
      posts: [
        { id: '1', author, blocks: [{ type: 'paragraph', spans: [{ text: 'An opening post' }] }], media: [] },
        { id: '2', author, blocks: [mathBlock('E = mc^2')], media: [] },
      ],
    };
    for (const layout of ['quote', 'statement', 'stat', 'steps', 'comparison']) {
      const deck = layoutDeck(planDeck(doc, resolveDesign({ layout })), engine, () => undefined);
      const text = pageLines(deck.pages[1]).map((l) => l.text).join(' ');
      expect(text, layout).toContain('E = mc²');
      expect(text, layout).not.toContain('^');
    }
  });
});

describe('a post that opens with a table', () => {
  it('titles the cover with its first line of text and keeps the table whole on a slide', () => {
    const doc: SpoolDocument = { schemaVersion: 1, posts: [{ id: '1', author, blocks: [table, { type: 'paragraph', spans: [{ text: 'Three ways to distill a model' }] }], media: [] }] };
    const deck = planDeck(doc, resolveDesign({}));
    expect(deck.slides[0]).toMatchObject({ kind: 'cover', title: [{ text: 'Three ways to distill a model' }] });
    expect(deck.slides[1].blocks).toEqual([table]);
    const bare: SpoolDocument = { schemaVersion: 1, posts: [{ id: '1', author, blocks: [table], media: [] }] };
    expect(planDeck(bare, resolveDesign({})).slides[0]).toMatchObject({ kind: 'content', blocks: [table] });
  });

  it('keeps an empty header as the header, and joins columns past the eighth into the last', () => {
    const t = tableBlock(cells([['', ''], ['r0', 'a'], ['r1', 'b']]))!;
    expect(t.cells!.map((r) => r.map((c) => c.map((s) => s.text).join('')))).toEqual([['', ''], ['r0', 'a'], ['r1', 'b']]);
    const wide = tableBlock(cells([Array.from({ length: 10 }, (_, i) => `h${i}`)]))!;
    expect(wide.cells![0]).toHaveLength(8);
    expect(wide.cells![0][7].map((s) => s.text).join('')).toBe('h7 · h8 · h9');
  });
});
