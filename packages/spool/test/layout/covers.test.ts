import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign, type DesignInput } from '../../src/design/resolve.js';
import { pageMetrics } from '../../src/layout/page-metrics.js';
import { SCRIM_OPACITY } from '../../src/layout/templates/covers.js';
import type { LaidText } from '../../src/layout/types.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { extentY } from '../../src/layout/shift.js';
import { doc, para, post } from '../helpers/documents.js';

const photo = { type: 'image' as const, src: 'photo.jpg', alt: 'The team at work' };
const images = (src: string) => (src === 'photo.jpg' ? { width: 1600, height: 1200 } : undefined);
const lay = (input: DesignInput, media = [photo]) =>
  layoutDeck(planDeck(doc([post('1', [para('Ship the small thing first')], media), post('2', [para('Then the next.')])]), resolveDesign(input)), fakeEngine(), images);
const texts = (elements: readonly unknown[]) => elements.filter((e): e is LaidText => (e as LaidText).type === 'text');

describe('covers', () => {
  it('image-led: the picture full-bleed under a scrim, the hook and the footer in white, at AA whatever the picture', () => {
    const laid = lay({ coverStyle: 'image' });
    const cover = laid.pages[0];
    expect(cover.elements[0]).toMatchObject({ type: 'image', src: 'photo.jpg', x: 0, y: 0, w: laid.width, h: laid.height, fit: 'cover', alt: 'The team at work' });
    expect(cover.elements[1]).toMatchObject({ type: 'rect', fill: '#000000', opacity: SCRIM_OPACITY, w: laid.width, h: laid.height });
    for (const text of texts(cover.elements)) for (const l of text.lines) for (const r of l.line.runs) expect(r.color, r.text).toBe('#FFFFFF');
    expect(pageMetrics(cover, laid.theme, 1080).lowestContrast).toBeGreaterThanOrEqual(4.5);
  });

  it('image-led gives way to the title cover when the first post has no image', () => {
    const laid = lay({ coverStyle: 'image' }, []);
    expect(laid.pages[0].elements.some((e) => e.type === 'image' || (e.type === 'rect' && e.opacity === SCRIM_OPACITY))).toBe(false);
  });

  it('photo-led: the author large and centred over the hook and their name', () => {
    const laid = lay({ coverStyle: 'photo' }, []);
    const cover = laid.pages[0];
    const circle = cover.elements.find((e) => e.type === 'rect' && e.radius === e.w / 2 && e.w > 100);
    expect(circle).toBeDefined();
    if (circle?.type !== 'rect') return;
    expect(circle.x + circle.w / 2).toBeCloseTo(laid.width / 2, 3);
    const own = texts(cover.elements).filter((t) => t.role !== 'chrome').flatMap((t) => t.lines.map((l) => l.line.runs.map((r) => r.text).join('')));
    expect(own.join(' ')).toContain('Ship the small thing first');
    expect(own.join(' ')).toContain('Ada Lovelace  @ada');
  });
});

describe('a titled cover with a subtitle', () => {
  it('sets the dek and date under the title, both below the accent rule and inside the safe area', () => {
    const d = { ...doc([post('1', [para('The body starts here.')])]), title: 'Everything You Need to Know about Knowledge Distillation', subtitle: 'One of the hottest foundational topics. Learn the core idea, its types, scaling laws, real-world cases and useful resources to dive deeper', date: '3 June 2025' };
    const laid = layoutDeck(planDeck(d, resolveDesign({})), fakeEngine(), () => undefined);
    const cover = laid.pages[0];
    const rule = cover.elements.find((e) => e.type === 'rect' && e.h === 5)!;
    const own = texts(cover.elements).filter((t) => t.role !== 'chrome');
    const line = (t: LaidText) => t.lines.map((l) => l.line.runs.map((r) => r.text).join('')).join(' ');
    const title = own.find((t) => line(t).startsWith('Everything'))!;
    const dek = own.find((t) => line(t).startsWith('One of the hottest'))!;
    const date = own.find((t) => line(t) === '3 June 2025')!;
    const top = (t: LaidText) => extentY([t])!.top;
    const bottom = (t: LaidText) => extentY([t])!.bottom;
    if (rule.type !== 'rect') throw new Error('no accent rule');
    expect(top(title)).toBeGreaterThan(rule.y + rule.h);
    expect(top(dek)).toBeGreaterThan(bottom(title));
    expect(top(date)).toBeGreaterThan(bottom(dek));
    expect(bottom(date)).toBeLessThan(laid.height - 40);
    expect(dek.lines[0].line.runs[0].color).toBe(laid.theme.muted);
  });
});
