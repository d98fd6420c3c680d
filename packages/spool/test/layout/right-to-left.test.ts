import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { contentBox } from '../../src/layout/chrome.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign, type DesignInput } from '../../src/design/resolve.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import type { Block, SpoolDocument } from '../../src/model/document.js';
import type { LaidOutPage } from '../../src/layout/types.js';
import { pageLines } from '../helpers/inspect.js';

const engine = defaultTextEngine();
const author = { name: 'سارة', handle: 'sara' };
const ARABIC = 'هذا نص عربي طويل بما يكفي ليلتف على عدة أسطر، مع كلمة Spool في المنتصف والرقم 2024 أيضا.';

function lay(blocks: Block[], input: DesignInput = {}, hook = 'مرحبا', dir?: 'rtl' | 'ltr') {
  const doc: SpoolDocument = {
    schemaVersion: 1,
    ...(dir ? { dir } : {}),
    posts: [
      { id: '1', author, blocks: [{ type: 'paragraph', spans: [{ text: hook }] }], media: [] },
      { id: '2', author, blocks, media: [] },
    ],
  };
  const design = resolveDesign(input);
  const deck = layoutDeck(planDeck(doc, design), engine, () => undefined);
  const box = contentBox(design, deck.width, deck.height);
  return { page: deck.pages[1], cover: deck.pages[0], box };
}

/** Lines of the post's body (set at the body size), with their boxes. */
function bodyLines(page: LaidOutPage) {
  return pageLines(page).filter((l) => /[\u0600-\u06ff]/.test(l.text) && l.text.length > 5 && !l.text.includes('سارة'));
}

describe('right-to-left posts', () => {
  it('set an Arabic paragraph flush right, its accent rule on the right too', () => {
    const { page, box } = lay([{ type: 'paragraph', spans: [{ text: ARABIC }] }]);
    const lines = bodyLines(page);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.right).toBeCloseTo(box.x + box.w, 1);
    expect(lines.some((l) => l.left > box.x + 1)).toBe(true);
    const rule = page.elements.find((e) => e.type === 'rect' && e.w === 32);
    expect(rule).toMatchObject({ x: box.x + box.w - 32 });
  });

  it('hang list markers on the right', () => {
    const { page, box } = lay([{ type: 'listItem', ordered: true, ordinal: 1, spans: [{ text: 'الخطوة الأولى: اكتب فكرة واحدة' }] }]);
    const lines = pageLines(page);
    // Drawn left to right as `.1`, the way a right-to-left list reads.
    const marker = lines.find((l) => l.text.replace('\u200f', '') === '.1')!;
    const item = lines.find((l) => l.text.includes('الخطوة'))!;
    expect(marker.left).toBeGreaterThan(item.right);
    expect(marker.right).toBeCloseTo(box.x + box.w, 1);
  });

  it('put the numbered badge on the right', () => {
    const { page, box } = lay([{ type: 'paragraph', spans: [{ text: ARABIC }] }], { layout: 'numbered' });
    const badge = page.elements.find((e) => e.type === 'rect' && e.w === 46);
    expect(badge).toMatchObject({ x: box.x + box.w - 46 });
  });

  it('mirror the cover rule and the section number', () => {
    const { cover, box } = lay([{ type: 'paragraph', spans: [{ text: ARABIC }] }]);
    expect(cover.elements.find((e) => e.type === 'rect' && e.w === 48)).toMatchObject({ x: box.x + box.w - 48 });
    const latin = lay([{ type: 'paragraph', spans: [{ text: ARABIC }] }], {}, 'Hello');
    expect(latin.cover.elements.find((e) => e.type === 'rect' && e.w === 48)).toMatchObject({ x: box.x });

    const { page } = lay([{ type: 'heading', level: 2, spans: [{ text: 'ابدأ بالخطاف' }] }]);
    expect(page.kind).toBe('section');
    const number = pageLines(page).find((l) => l.text === '01')!;
    expect(number.right).toBeCloseTo(box.x + box.w, 1);
    expect(page.elements.find((e) => e.type === 'rect' && e.w === 48)).toMatchObject({ x: box.x + box.w - 48 });
  });

  it('keep English posts as they were: flush left', () => {
    const { page, box } = lay([{ type: 'paragraph', spans: [{ text: 'A short English post about carousels and threads that wraps onto a second line for sure.' }] }]);
    const lines = pageLines(page).filter((l) => l.text.includes('English') || l.text.includes('second'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.left).toBeCloseTo(box.x, 1);
    expect(page.elements.find((e) => e.type === 'rect' && e.w === 32)).toMatchObject({ x: box.x });
  });

  it('keep the name before the handle in the header', () => {
    const { page } = lay([{ type: 'paragraph', spans: [{ text: ARABIC }] }]);
    const header = pageLines(page).find((l) => l.text.includes('@sara'))!;
    const text = header.text.replace(/[\u2068\u2069]/g, '');
    expect(text.indexOf('سارة')).toBeLessThan(text.indexOf('@sara'));
  });

  it('read an Arabic post that opens with a Latin name right to left', () => {
    const { page, box } = lay([{ type: 'paragraph', spans: [{ text: 'Node.js هو بيئة تشغيل جافاسكريبت مبنية على محرك V8، وتستخدم لبناء تطبيقات الخوادم والشبكات بسرعة.' }] }]);
    const lines = bodyLines(page);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.right).toBeCloseTo(box.x + box.w, 1);
  });

  it('keep the items of a right-to-left document on its side when they open with Latin names', () => {
    const items: Block[] = ['React Native and Vue Router ספריות', 'Svelte מהדר את הקוד מראש', 'Angular Material ו-Ionic Framework כלים'].map((text, i) => ({
      type: 'listItem', ordered: true, ordinal: i + 1, spans: [{ text }],
    }));
    const declared = lay(items, {}, 'רשימה של ספריות', 'rtl');
    const right = declared.box.x + declared.box.w;
    const itemLines = (page: LaidOutPage) => pageLines(page).filter((l) => /React|Svelte|Angular/.test(l.text));
    expect(itemLines(declared.page)).toHaveLength(3);
    // Flush right against the numbers, which stand at the right margin.
    const edges = itemLines(declared.page).map((l) => l.right);
    for (const edge of edges) expect(edge).toBeCloseTo(edges[0], 1);
    expect(edges[0]).toBeLessThan(right - 20);
    const numbers = pageLines(declared.page).filter((l) => /^0[123]$/.test(l.text));
    expect(numbers).toHaveLength(3);
    for (const n of numbers) expect(n.left).toBeGreaterThan(edges[0]);
    // Undeclared, the item with more Latin letters than Hebrew ones reads left to right.
    const guessed = lay(items, {}, 'רשימה של ספריות');
    const react = itemLines(guessed.page).find((l) => l.text.startsWith('React'))!;
    const angular = itemLines(guessed.page).find((l) => l.text.startsWith('Angular'))!;
    expect(react.left).toBeCloseTo(angular.left, 1);
    expect(react.left).toBeLessThan(guessed.box.x + guessed.box.w / 2);
  });
});
