import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, previewText, useStudio, waitSaved } from './studio-harness.js';

const studio = useStudio();

interface ProjectJson { id: string; name: string; deck: unknown }

async function editTitle(page: Page, n: number, text: string): Promise<void> {
  await page.locator(`:nth-match(.strip-item, ${n}) .thumb-button`).click();
  await page.getByRole('heading', { name: `Slide ${n}` }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill(text);
}

async function deckOf(id: string): Promise<string> {
  return JSON.stringify(((await (await fetch(`${studio().url}/api/projects/${id}`)).json()) as ProjectJson).deck);
}

async function copiesNamed(suffix: string): Promise<ProjectJson[]> {
  const list = (await (await fetch(`${studio().url}/api/projects`)).json()) as ProjectJson[];
  return list.filter((p) => p.name.endsWith(suffix));
}

/** Two windows on one project; A saves first, then B's save finds A's revision. */
async function twoWindowsApart(): Promise<{ id: string; a: Page; b: Page; errors: string[] }> {
  const id = await studio().freshProject();
  const a = await studio().open(undefined, id);
  const b = await studio().open(undefined, id);
  await editTitle(a.page, 2, 'Written in window A');
  await waitSaved(a.page);
  await editTitle(b.page, 3, 'Written in window B');
  await b.page.getByRole('dialog', { name: 'This project changed elsewhere' }).waitFor();
  // B's save stopped: what A saved is still what the project holds.
  const held = await deckOf(id);
  expect(held).toContain('Written in window A');
  expect(held).not.toContain('Written in window B');
  expect(await b.page.getByTestId('save-status').innerText()).toMatch(/changed elsewhere/);
  return { id, a: a.page, b: b.page, errors: [...a.errors, ...b.errors] };
}

describe('two people editing one project', { timeout: 120_000 }, () => {
  it('keeps mine on request and the other version as a copy, so neither is lost', async () => {
    const { id, a, b, errors } = await twoWindowsApart();
    expect(await axeViolations(b, '[role=dialog]')).toEqual([]);
    // Put aside, the dialog comes back from the save status, and nothing was saved meanwhile.
    await b.keyboard.press('Escape');
    await b.getByRole('dialog').waitFor({ state: 'detached' });
    // A bundle is made from the saved project, which is not what this window shows: it waits for the choice.
    await b.getByRole('button', { name: 'Export' }).click();
    await b.getByRole('button', { name: /Ready-to-post bundle/ }).click();
    await expect.poll(() => b.locator('.toast').allInnerTexts().then((t) => t.join(' '))).toMatch(/Export failed: this project changed elsewhere .*choose which version to keep first/);
    await b.keyboard.press('Escape');
    await b.getByRole('button', { name: /changed elsewhere/ }).click();
    expect(await deckOf(id)).not.toContain('Written in window B');
    await b.getByRole('button', { name: 'Keep my version' }).click();
    await waitSaved(b);
    const saved = await deckOf(id);
    expect(saved).toContain('Written in window B');
    expect(saved).not.toContain('Written in window A');
    const copies = await copiesNamed('(other version)');
    expect(copies).toHaveLength(1);
    expect(await deckOf(copies[0].id)).toContain('Written in window A');
    await expect.poll(() => b.locator('.toast').allInnerTexts().then((t) => t.join(' '))).toContain(copies[0].name);
    expect(errors).toEqual([]);
    await a.context().close();
    await b.context().close();
  });

  it('opens the other version on request and keeps mine as a copy, then saves as usual', async () => {
    const { id, a, b, errors } = await twoWindowsApart();
    await b.getByRole('button', { name: 'Open the other version' }).click();
    await b.getByRole('dialog').waitFor({ state: 'detached' });
    await b.locator(':nth-match(.strip-item, 2) .thumb-button').click();
    await expect.poll(() => previewText(b)).toContain('Written in window A');
    const copies = await copiesNamed('(your version)');
    expect(copies).toHaveLength(1);
    expect(await deckOf(copies[0].id)).toContain('Written in window B');
    expect(await deckOf(id)).not.toContain('Written in window B');
    // Saving goes on from the version now open, with nothing else to resolve.
    await editTitle(b, 4, 'Written after choosing');
    await waitSaved(b);
    const saved = await deckOf(id);
    expect(saved).toContain('Written in window A');
    expect(saved).toContain('Written after choosing');
    expect(await b.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
    await a.context().close();
    await b.context().close();
  });

  it('keeps my version as a copy when the window closes before choosing', async () => {
    const { id, a, b } = await twoWindowsApart();
    const before = (await copiesNamed('(your version)')).length;
    await b.close();
    await expect.poll(async () => (await copiesNamed('(your version)')).length, { timeout: 10_000 }).toBe(before + 1);
    const copies = await copiesNamed('(your version)');
    const texts = await Promise.all(copies.map((c) => deckOf(c.id)));
    expect(texts.filter((t) => t.includes('Written in window B'))).toHaveLength(before + 1);
    expect(await deckOf(id)).not.toContain('Written in window B');
    await a.context().close();
    await b.context().close();
  });

  it('keeps my version as a copy when another project is opened before choosing', async () => {
    const { id, a, b, errors } = await twoWindowsApart();
    const before = (await copiesNamed('(your version)')).length;
    await b.keyboard.press('Escape');
    await b.getByRole('dialog').waitFor({ state: 'detached' });
    await b.getByRole('button', { name: 'Projects' }).click();
    await b.getByRole('button', { name: 'New project' }).click();
    await expect.poll(async () => (await copiesNamed('(your version)')).length).toBe(before + 1);
    const copies = await copiesNamed('(your version)');
    const texts = await Promise.all(copies.map((c) => deckOf(c.id)));
    expect(texts.filter((t) => t.includes('Written in window B'))).toHaveLength(before + 1);
    const held = await deckOf(id);
    expect(held).toContain('Written in window A');
    expect(held).not.toContain('Written in window B');
    await expect.poll(() => b.getByTestId('save-status').innerText()).toBe('Saved');
    expect(errors).toEqual([]);
    await a.context().close();
    await b.context().close();
  });

  it('never takes its own saves for someone else’s on a slow connection', async () => {
    const id = await studio().freshProject();
    const copiesBefore = (await copiesNamed(' version)')).length;
    const { page, errors } = await studio().open(undefined, id);
    // Every save takes a second to answer, so edits keep arriving while one is on its way.
    await page.route('**/api/projects/*', async (route) => {
      if (route.request().method() === 'PUT') await new Promise((r) => setTimeout(r, 1000));
      await route.continue();
    });
    await page.locator(':nth-match(.strip-item, 2) .thumb-button').click();
    const title = page.getByLabel('Title', { exact: true });
    for (const word of ['One', 'One two', 'One two three', 'One two three four', 'One two three four five']) {
      await title.fill(word);
      await page.waitForTimeout(450);
    }
    await waitSaved(page);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await deckOf(id)).toContain('One two three four five');
    expect(await copiesNamed(' version)')).toHaveLength(copiesBefore);
    expect(await page.getByTestId('save-status').innerText()).toBe('Saved');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
