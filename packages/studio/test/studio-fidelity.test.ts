import { describe, expect, it } from 'vitest';
import { useStudio, waitSaved } from './studio-harness.js';

const studio = useStudio();

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
      await page.locator(`.strip-item:nth-child(${n}) .thumb-button`).click();
      await page.getByRole('heading', { name: `Slide ${n}` }).waitFor();
      const res = await fetch(`${studio().url}/api/render`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ deck: project.deck, format: 'svg', page: n }),
      });
      expect(res.status).toBe(200);
      const exported = await res.text();
      const same = await page.evaluate((server) => {
        const live = document.querySelector('[data-testid=preview] svg')!.cloneNode(true) as SVGSVGElement;
        live.querySelector('title')?.remove();
        const parsed = new DOMParser().parseFromString(server, 'image/svg+xml').documentElement;
        const xml = new XMLSerializer();
        return { live: xml.serializeToString(live), server: xml.serializeToString(parsed) };
      }, exported);
      expect(same.live.length).toBeGreaterThan(1000);
      expect(same.live, `slide ${n}`).toBe(same.server);
    }
    await page.context().close();
  });
});
