import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStudio, waitSaved } from './studio-harness.js';

const studio = useStudio();

/** The preview's SVG as the page shows it, and the server's SVG export of the same page. */
async function previewAndExport(page: Page, deck: unknown, n: number): Promise<{ live: string; server: string }> {
  const res = await fetch(`${studio().url}/api/render`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deck, format: 'svg', page: n }),
  });
  expect(res.status).toBe(200);
  const exported = await res.text();
  return page.evaluate((server) => {
    const live = document.querySelector('[data-testid=preview] svg')!.cloneNode(true) as SVGSVGElement;
    live.querySelector('title')?.remove();
    const parsed = new DOMParser().parseFromString(server, 'image/svg+xml').documentElement;
    const xml = new XMLSerializer();
    return { live: xml.serializeToString(live), server: xml.serializeToString(parsed) };
  }, exported);
}

describe('the preview is the export', { timeout: 120_000 }, () => {
  it('paints the same SVG in the page as the server exports, page for page', async () => {
    const { page } = await studio().open();
    await waitSaved(page);
    const id = await page.evaluate(() => /project=([\w-]+)/.exec(location.hash)?.[1]);
    const project = (await (await fetch(`${studio().url}/api/projects/${id}`)).json()) as { deck: { slides: { id: string; media: unknown[] }[] } };
    // The text slide after the cover, and the slide with the sample's chart image.
    const numbers = [2, project.deck.slides.findIndex((s) => s.media.length > 0) + 1];
    expect(numbers[1]).toBeGreaterThan(0);
    for (const n of numbers) {
      await page.locator(`:nth-match(.strip-item, ${n}) .thumb-button`).click();
      await page.getByRole('heading', { name: `Slide ${n}` }).waitFor();
      const same = await previewAndExport(page, project.deck, n);
      expect(same.live.length).toBeGreaterThan(1000);
      expect(same.live, `slide ${n}`).toBe(same.server);
    }
    await page.context().close();
  });

  it('changes only what a keystroke touched in the preview, and still paints what the server exports', async () => {
    const { page } = await studio().open(undefined, await studio().freshProject());
    await page.locator(':nth-match(.strip-item, 2) .thumb-button').click();
    await page.getByRole('heading', { name: 'Slide 2' }).waitFor();
    const before = await page.evaluate(() => {
      const svg = document.querySelector('[data-testid=preview] svg') as SVGSVGElement & { spoolMark?: boolean };
      svg.spoolMark = true;
      for (const child of svg.children) (child as Element & { spoolMark?: boolean }).spoolMark = true;
      return svg.children.length;
    });
    const body = page.getByLabel('Body', { exact: true });
    await body.click();
    await body.press('End');
    // Letters the slide did not have yet, so the glyph definitions grow too.
    await page.keyboard.type(' Zqxj kept', { delay: 40 });
    await page.waitForFunction(() => document.querySelector('[data-testid=preview] svg')?.getAttribute('aria-label')?.includes('Zqxj kept'));
    const after = await page.evaluate(() => {
      const svg = document.querySelector('[data-testid=preview] svg') as SVGSVGElement & { spoolMark?: boolean };
      const children = [...svg.children] as (Element & { spoolMark?: boolean })[];
      return { sameRoot: svg.spoolMark === true, count: children.length, kept: children.filter((c) => c.spoolMark).length, background: children.find((c) => c.localName === 'rect')?.spoolMark === true };
    });
    expect(after).toMatchObject({ sameRoot: true, background: true });
    expect(after.kept).toBeGreaterThan(before / 2);
    expect(after.kept).toBeLessThan(after.count);
    await waitSaved(page);
    const id = await page.evaluate(() => /project=([\w-]+)/.exec(location.hash)?.[1]);
    const project = (await (await fetch(`${studio().url}/api/projects/${id}`)).json()) as { deck: unknown };
    const same = await previewAndExport(page, project.deck, 2);
    expect(same.live).toContain('Zqxj kept');
    expect(same.live).toBe(same.server);
    await page.context().close();
  });

  it('sets right-to-left posts the same way in the page as the server, and reads them right to left', async () => {
    const author = { name: 'سارة', handle: 'sara' };
    const paragraph = (text: string) => ({ type: 'paragraph', spans: [{ text }] });
    const thread = {
      schemaVersion: 1,
      posts: [
        { id: '1', author, blocks: [paragraph('كيف تحول سلسلة تغريدات إلى عرض شرائح')], media: [] },
        { id: '2', author, blocks: [paragraph('مرحبا بالعالم! نص عربي مع كلمة Spool والرقم 2024.')], media: [] },
        { id: '3', author: { name: 'Dana', handle: 'dana' }, blocks: [paragraph('שלום עולם, טקסט בעברית עם Carousel באמצע.')], media: [] },
      ],
    };
    const created = await fetch(`${studio().url}/api/projects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Right to left', document: thread }),
    });
    const project = (await created.json()) as { id: string; deck: unknown };
    const { page } = await studio().open(undefined, project.id);
    for (const n of [1, 2, 3]) {
      await page.locator(`:nth-match(.strip-item, ${n}) .thumb-button`).click();
      await page.getByRole('heading', { name: `Slide ${n}` }).waitFor();
      const same = await previewAndExport(page, project.deck, n);
      expect(same.live, `slide ${n}`).toBe(same.server);
    }
    // The source cards and the editor read Arabic and Hebrew right to left, English left to right.
    const directions = await page.evaluate(() =>
      [...document.querySelectorAll('.post-text p')].map((p) => getComputedStyle(p).direction),
    );
    expect(directions).toEqual(['rtl', 'rtl', 'rtl']);
    expect(await page.locator('textarea.editor-body').evaluate((t) => getComputedStyle(t).direction)).toBe('rtl');
    await page.context().close();
  });

  it('crops photographs into a grid as the export does', async () => {
    const media = new URL('../../../spool/test/fixtures/media/photos/', import.meta.url);
    const upload = async (name: string) => {
      const res = await fetch(`${studio().url}/api/assets?name=${name}`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: readFileSync(new URL(name, media)) });
      expect(res.status).toBe(201);
      return `asset:${((await res.json()) as { id: string }).id}`;
    };
    const photos = await Promise.all(['rocket.jpg', 'astronaut.jpg', 'coffee.jpg'].map(upload));
    const author = { name: 'Deep Sky Notes', handle: 'deepskynotes' };
    const thread = {
      schemaVersion: 1,
      posts: [
        { id: '1', author, blocks: [{ type: 'paragraph', spans: [{ text: 'Every deep field starts on the ground' }] }], media: [] },
        { id: '2', author, blocks: [{ type: 'paragraph', spans: [{ text: 'A rocket, a crew, and coffee.' }] }], media: photos.map((src) => ({ type: 'image', src, alt: src })) },
      ],
    };
    const created = await fetch(`${studio().url}/api/projects`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Photos', document: thread }) });
    const project = (await created.json()) as { id: string; deck: { slides: { media: unknown[] }[] } };
    const n = project.deck.slides.findIndex((s) => s.media.length === 3) + 1;
    expect(n).toBeGreaterThan(0);
    const { page } = await studio().open(undefined, project.id);
    await page.locator(`:nth-match(.strip-item, ${n}) .thumb-button`).click();
    await page.getByRole('heading', { name: `Slide ${n}` }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=preview] svg image').length >= 3);
    const same = await previewAndExport(page, project.deck, n);
    // Photographs fill their tiles, cropped, in the page exactly as in the export.
    expect(same.live, `slide ${n}`).toBe(same.server);
    await page.context().close();
  });
});
