import { describe, expect, it } from 'vitest';
import { contentBox, footer, header } from '../../src/layout/chrome.js';
import { deckContext } from '../../src/layout/layout-deck.js';
import { MARGIN } from '../../src/layout/context.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign, type DesignInput } from '../../src/design/resolve.js';
import { RATIOS } from '../../src/design/ratios.js';
import type { ImageLookup, LaidElement, LaidImage, LaidText } from '../../src/layout/types.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import { author, doc, para, post } from '../helpers/documents.js';

const images: ImageLookup = (src) => (src === 'logo.png' ? { width: 300, height: 100 } : src === 'face.png' ? { width: 50, height: 50 } : undefined);

function context(input: DesignInput = {}) {
  return deckContext(planDeck(doc([post('1', [para('Hook')])]), resolveDesign(input)), fakeEngine(), images);
}

const texts = (elements: LaidElement[]) =>
  elements.filter((e): e is LaidText => e.type === 'text').map((e) => e.lines.map((l) => l.line.runs.map((r) => r.text).join('')).join('\n'));

/** Top and bottom of everything drawn. */
function extent(elements: LaidElement[]) {
  const spans = elements.flatMap((e) =>
    e.type === 'text' ? e.lines.map((l) => [l.baseline - l.line.ascent, l.baseline + l.line.descent]) : [[e.y, e.y + e.h]],
  );
  return { top: Math.min(...spans.map((s) => s[0])), bottom: Math.max(...spans.map((s) => s[1])) };
}

describe('contentBox', () => {
  it('lies inside the side margins and clear of header and footer, on every ratio', () => {
    for (const ratio of RATIOS) {
      const ctx = context({ ratio: ratio.id, brand: { website: 'acme.test' } });
      const box = contentBox(ctx.design, ctx.width, ctx.height);
      expect(box.x, ratio.id).toBe(MARGIN);
      expect(box.x + box.w, ratio.id).toBe(ctx.width - MARGIN);
      expect(box.h, ratio.id).toBeGreaterThan(0);
      expect(header(ctx, author).length, ratio.id).toBeGreaterThan(0);
      expect(footer(ctx, author, 1, 3).length, ratio.id).toBeGreaterThan(0);
      expect(extent(header(ctx, author)).bottom, ratio.id).toBeLessThanOrEqual(box.y);
      expect(extent(footer(ctx, author, 1, 3)).top, ratio.id).toBeGreaterThanOrEqual(box.y + box.h);
      expect(extent(footer(ctx, author, 1, 3)).bottom, ratio.id).toBeLessThanOrEqual(ctx.height);
    }
  });

  it('gives the content the room a hidden header or footer leaves', () => {
    const shown = context();
    const hidden = context({ brand: { show: { header: false, footer: false } } });
    const a = contentBox(shown.design, shown.width, shown.height);
    const b = contentBox(hidden.design, hidden.width, hidden.height);
    expect(b.y).toBeLessThan(a.y);
    expect(b.y + b.h).toBeGreaterThan(a.y + a.h);
    expect(b.y).toBeCloseTo(hidden.height - (b.y + b.h), 10);
  });
});

describe('header', () => {
  it('names the author and handle, with one @, beside their initials', () => {
    const ctx = context();
    const els = header(ctx, { name: 'Ada Lovelace', handle: '@ada' });
    expect(texts(els)).toEqual(['AL', 'Ada Lovelace  @ada']);
    expect(els[0]).toMatchObject({ type: 'rect', fill: ctx.accent });
  });

  it('prefers the brand kit’s name, handle and avatar to the author’s', () => {
    const els = header(context({ brand: { name: 'Acme', handle: 'acme', avatar: 'face.png' } }), author);
    expect(els[0]).toMatchObject({ type: 'image', src: 'face.png', fit: 'cover' });
    expect(texts(els)).toEqual(['Acme  @acme']);
  });

  it('shows a known logo at the chrome height in its own proportions, at the right margin', () => {
    const ctx = context({ brand: { logo: 'logo.png', website: 'https://acme.test/' } });
    const logo = header(ctx, author).find((e): e is LaidImage => e.type === 'image')!;
    expect(logo.w / logo.h).toBeCloseTo(3, 10);
    expect(logo.x + logo.w).toBe(ctx.width - MARGIN);
    expect(texts(header(ctx, author))).not.toContain('acme.test');
  });

  it('shows the website, without scheme or trailing slash, when the logo is unknown', () => {
    const els = header(context({ brand: { logo: 'missing.png', website: 'https://acme.test/' } }), author);
    expect(els.some((e) => e.type === 'image')).toBe(false);
    expect(texts(els)).toContain('acme.test');
  });

  it('keeps a name too long for the line to one line, and draws nothing when hidden', () => {
    const long = header(context(), { name: 'Very '.repeat(40).trim(), handle: 'ada' });
    const line = long.filter((e): e is LaidText => e.type === 'text').at(-1)!;
    expect(line.lines).toHaveLength(1);
    expect(header(context({ brand: { show: { header: false } } }), author)).toEqual([]);
  });

  it('ends a byline it must shorten with an ellipsis, at the longest start that fits', () => {
    const name = 'Par Florian Reynaud, Damien Leloup, Martin Untersinger, Alexandre Piquard et Morgane Tual (avec AFP)';
    const ctx = deckContext(planDeck(doc([post('1', [para('Hook')])]), resolveDesign({})), defaultTextEngine(), images);
    const line = header(ctx, { name, handle: 'lemonde' }).filter((e): e is LaidText => e.type === 'text').at(-1)!;
    expect(line.lines).toHaveLength(1);
    const shown = line.lines[0].line.runs.map((r) => r.text).join('');
    expect(shown.endsWith('…')).toBe(true);
    expect(name.startsWith(shown.slice(0, -1))).toBe(true);
    expect(shown.length).toBeGreaterThan(30);
    // Nothing is past the right margin.
    expect(line.lines[0].x + line.lines[0].line.width).toBeLessThanOrEqual(ctx.width - MARGIN);
    // A byline that fits is left whole.
    const short = header(ctx, { name: 'Ada Lovelace', handle: 'ada' }).filter((e): e is LaidText => e.type === 'text').at(-1)!;
    expect(short.lines[0].line.runs.map((r) => r.text).join('')).toBe('Ada Lovelace  @ada');
  });
});

describe('footer', () => {
  it('numbers the page and hints at swiping on every page but the last', () => {
    const ctx = context();
    expect(texts(footer(ctx, author, 2, 5))).toEqual(['2/5   Swipe →', '@ada']);
    expect(texts(footer(ctx, author, 5, 5))).toEqual(['5/5', '@ada']);
  });

  it('puts the website on the left when the kit has one, and leaves out what is hidden', () => {
    expect(texts(footer(context({ brand: { website: 'http://acme.test/' } }), author, 1, 2))).toEqual(['1/2   Swipe →', 'acme.test']);
    expect(texts(footer(context({ brand: { show: { pageNumbers: false, handle: false } } }), author, 1, 2))).toEqual(['Swipe →']);
    expect(footer(context({ brand: { show: { footer: false } } }), author, 1, 2)).toEqual([]);
  });

  it('ends the page number at the right margin', () => {
    const ctx = context();
    const [right] = footer(ctx, author, 3, 3).filter((e): e is LaidText => e.type === 'text');
    const line = right.lines[0];
    expect(line.x + line.line.width).toBeCloseTo(ctx.width - MARGIN, 6);
  });
});

describe('footer progress', () => {
  const rects = (elements: LaidElement[]) => elements.filter((e) => e.type === 'rect');

  it('shows 3/12 by default, and no shapes', () => {
    const ctx = context();
    expect(texts(footer(ctx, author, 3, 12)).join(' ')).toContain('3/12');
    expect(rects(footer(ctx, author, 3, 12))).toEqual([]);
  });

  it('as a bar: a track and an accent fill as long as the share of pages read, and no number', () => {
    const ctx = context({ progress: 'bar' });
    const drawn = footer(ctx, author, 3, 12);
    expect(texts(drawn).join(' ')).not.toContain('3/12');
    const [track, fill] = rects(drawn);
    expect(fill.type === 'rect' && fill.fill).toBe(ctx.accent);
    expect(track.type === 'rect' && fill.type === 'rect' && fill.w / track.w).toBeCloseTo(3 / 12, 5);
    // Centred, and clear of the handle on the left.
    expect(track.x + track.w / 2).toBeCloseTo(ctx.width / 2, 5);
  });

  it('as dots: one a page, this one in the accent and wider; past 15 pages, a bar', () => {
    const ctx = context({ progress: 'dots' });
    const dots = rects(footer(ctx, author, 2, 5));
    expect(dots).toHaveLength(5);
    const current = dots[1];
    expect(current.type === 'rect' && current.fill).toBe(ctx.accent);
    expect(current.type === 'rect' && dots[0].type === 'rect' && current.w).toBeGreaterThan(dots[0].type === 'rect' ? dots[0].w : Infinity);
    expect(rects(footer(ctx, author, 2, 30))).toHaveLength(2);
  });

  it('draws nothing when the brand kit hides page numbers', () => {
    const ctx = context({ progress: 'bar', brand: { show: { pageNumbers: false } } });
    expect(rects(footer(ctx, author, 3, 12))).toEqual([]);
  });
});
