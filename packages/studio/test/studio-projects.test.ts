import { describe, expect, it } from 'vitest';
import { useStudio } from './studio-harness.js';

const studio = useStudio(async (running) => {
  // A client's brand profile, as an agency keeps one per client.
  const res = await fetch(`${running.url}/api/brand-kits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Acme Studio', kit: { name: 'Acme Studio', handle: 'acme', website: 'acme.example', accent: '#0E9F6E' } }),
  });
  expect(res.status).toBe(201);
});

describe('projects', { timeout: 120_000 }, () => {
  it('open on the cover', async () => {
    const { page } = await studio().open();
    const pressed = page.locator('.strip-item .thumb-button[aria-pressed="true"]');
    await expect.poll(() => pressed.count()).toBe(1);
    expect(await pressed.getAttribute('aria-label')).toBe('Cover 1 (selected)');
    await page.context().close();
  });

  it('start a new project from the default design, not the brand and look of the one before', async () => {
    const { page } = await studio().open();
    // The open project is a client's: their brand, another theme.
    await page.getByRole('button', { name: 'Use brand profile Acme Studio' }).click();
    await page.getByRole('radio', { name: 'Forest theme' }).click();
    await page.getByRole('button', { name: 'Projects' }).click();
    const before = await (await fetch(`${studio().url}/api/projects`)).json();
    await page.getByRole('button', { name: 'New project' }).click();
    await expect.poll(async () => (await (await fetch(`${studio().url}/api/projects`)).json()).length).toBe(before.length + 1);
    const list: { id: string; name: string; updatedAt: string }[] = await (await fetch(`${studio().url}/api/projects`)).json();
    const known = new Set(before.map((p: { id: string }) => p.id));
    const created = list.find((p) => !known.has(p.id))!;
    const project = await (await fetch(`${studio().url}/api/projects/${created.id}`)).json();
    const defaults = (await (await fetch(`${studio().url}/api/catalog`)).json()).defaults;
    expect(project.deck.design.brand).toEqual(defaults.brand);
    expect(project.deck.design.theme).toBe(defaults.theme);
    expect(JSON.stringify(project.deck.design)).not.toMatch(/acme|spoolstudio/i);
    await page.context().close();
  });
});
