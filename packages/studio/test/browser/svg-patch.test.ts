/**
 * The preview's SVG patcher in real Chromium: whatever sequence of versions a slide goes through,
 * the page shows exactly the SVG the painter wrote for the last one, and pieces that did not change
 * keep their elements.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinSvgParts, type SvgParts } from '../../../spool/src/paint/svg/paint-svg.js';
import { CHROMIUM } from './studio-harness.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [path.resolve(HERE, '../../src/components/common/svg-patch.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'SvgPatch',
    alias: { 'spool/core': path.resolve(HERE, '../../../spool/src/paint/svg/paint-svg.ts') },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  page = await browser.newPage();
  await page.setContent('<div id="host"></div>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
});

afterAll(async () => {
  await browser?.close();
});

declare global {
  interface Window {
    SvgPatch: { patchSvg(host: HTMLElement, parts: SvgParts): void };
  }
}

/** Applies each version in turn; returns what the page showed after each, and which elements were kept from the one before. */
async function apply(versions: SvgParts[]): Promise<{ html: string; kept: number; total: number }[]> {
  return page.evaluate((all) => {
    const host = document.getElementById('host')!;
    host.replaceChildren();
    const seen = new WeakSet<Element>();
    return all.map((parts) => {
      window.SvgPatch.patchSvg(host, parts);
      const elements = [...host.querySelectorAll('*')];
      const kept = elements.filter((e) => seen.has(e)).length;
      for (const e of elements) seen.add(e);
      return { html: new XMLSerializer().serializeToString(host.firstElementChild!), kept, total: elements.length };
    });
  }, versions);
}

const glyph = (n: number) => `<path id="g${n}" d="M${n} 0L${n + 1} 1Z"/>`;
const run = (text: string, fill: string) => `<g fill="${fill}">${[...text].map((c) => `<use href="#g${c.charCodeAt(0) % 40}" x="1"/>`).join('')}</g>`;
const version = fc.record({
  label: fc.constantFrom('A slide', 'Another slide', ''),
  title: fc.constantFrom('', '<title>text slide</title>', '<title>text slide, continued (2)</title>'),
  defs: fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 8 }),
  body: fc.array(fc.tuple(fc.constantFrom('ab', 'abc', 'xyz', 'q'), fc.constantFrom('#111', '#f0a')), { maxLength: 7 }),
});
const toParts = (v: { label: string; title: string; defs: number[]; body: [string, string][] }): SvgParts => ({
  open: `<svg xmlns="http://www.w3.org/2000/svg"${v.label ? ` role="img" aria-label="${v.label}"` : ' aria-hidden="true"'} viewBox="0 0 10 12" width="100" height="120">`,
  title: v.title,
  defs: v.defs.map(glyph),
  body: ['<rect width="10" height="12" fill="#fff"/>', ...v.body.map(([t, f]) => run(t, f))],
});

describe('the preview patcher', () => {
  it('always shows the SVG of the last version, whatever came before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(version, { minLength: 1, maxLength: 6 }), async (vs) => {
        const versions = vs.map(toParts);
        const shown = await apply(versions);
        shown.forEach((s, i) => expect(s.html).toBe(joinSvgParts(versions[i])));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the elements of pieces an edit did not change', async () => {
    const before = toParts({ label: 'A slide', title: '<title>text slide</title>', defs: [1, 2, 3], body: [['ab', '#111'], ['abc', '#111'], ['xyz', '#111']] });
    // A letter typed in the middle run: one new glyph at the end of the definitions, one group changed.
    const typed = toParts({ label: 'Another slide', title: '<title>text slide</title>', defs: [1, 2, 3, 4], body: [['ab', '#111'], ['abcq', '#111'], ['xyz', '#111']] });
    // A line added in the middle.
    const grown = toParts({ label: 'Another slide', title: '<title>text slide</title>', defs: [1, 2, 3, 4], body: [['ab', '#111'], ['abcq', '#111'], ['q', '#f0a'], ['xyz', '#111']] });
    const [first, second, third] = await apply([before, typed, grown]);
    expect(first.kept).toBe(0);
    const changed = (html: string) => (html.match(/<use /g) ?? []).length;
    // Everything but the one changed group (and its uses) and the new glyph stays.
    expect(second.total - second.kept).toBe(1 + 1 + changed(run('abcq', '#111')));
    expect(third.total - third.kept).toBe(1 + changed(run('q', '#f0a')));
    expect(third.html).toBe(joinSvgParts(grown));
  });

  it('starts again from the markup when a piece is not one element', async () => {
    const parts = toParts({ label: 'A slide', title: '', defs: [1], body: [['ab', '#111']] });
    const odd: SvgParts = { ...parts, body: [...parts.body.slice(0, 1), 'stray text', ...parts.body.slice(1)] };
    const shown = await apply([parts, odd, parts]);
    expect(shown[1].html).toBe(joinSvgParts(odd));
    expect(shown[2].html).toBe(joinSvgParts(parts));
  });

  it('starts again from the markup when something else changed the element', async () => {
    const parts = toParts({ label: 'A slide', title: '', defs: [1], body: [['ab', '#111']] });
    const html = await page.evaluate((p) => {
      const host = document.getElementById('host')!;
      host.replaceChildren();
      window.SvgPatch.patchSvg(host, p);
      host.querySelector('svg')!.append(document.createElementNS('http://www.w3.org/2000/svg', 'g'));
      window.SvgPatch.patchSvg(host, p);
      return new XMLSerializer().serializeToString(host.firstElementChild!);
    }, parts);
    expect(html).toBe(joinSvgParts(parts));
  });
});
