import { describe, expect, it } from 'vitest';
import { useStudio } from './studio-harness.js';

const studio = useStudio();

describe('export warnings', { timeout: 120_000 }, () => {
  it('tells the user an image was left out of an export, naming the slide', async () => {
    const { url, freshProject } = studio();
    const id = await freshProject();
    const project = await (await fetch(`${url}/api/projects/${id}`)).json();
    const deck = structuredClone(project.deck);
    // An address the server will not fetch: the export goes on without the image and says so.
    deck.slides[1].media = [{ type: 'image', src: 'http://169.254.169.254/latest/meta-data/photo.png' }];
    const saved = await fetch(`${url}/api/projects/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deck }) });
    expect(saved.status, await saved.clone().text()).toBe(200);

    const { page, errors } = await studio().open(undefined, id);
    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PDF document/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const toast = page.locator('.toast', { hasText: 'Export ready, but' });
    await expect
      .poll(() => toast.innerText())
      .toContain('Export ready, but something was left out: Slide 2: image "http://169.254.169.254/latest/meta-data/photo.png" could not be fetched (cloud metadata address); left out');
    expect(await page.locator('.toast', { hasText: /^Export ready$/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
