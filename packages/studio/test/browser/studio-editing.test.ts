import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { centre, drag, previewSvg, previewText, useStudio } from './studio-harness.js';

const studio = useStudio();

const thumb = (n: number) => `:nth-match(.strip-item, ${n}) .thumb`;
const card = (n: number) => `:nth-match(article.post-card, ${n})`;

async function selectSlide(page: Page, n: number) {
  await page.locator(`${thumb(n)} .thumb-button`).click();
  await page.getByRole('heading', { name: `Slide ${n}` }).waitFor();
}

async function slideIds(page: Page): Promise<string[]> {
  return page.locator('.thumb').evaluateAll((els) => els.map((e) => e.getAttribute('data-slide-id') ?? ''));
}

/** Largest glyph scale in the preview: text size in layout units per font unit. */
async function glyphScale(page: Page): Promise<number> {
  const svg = await previewSvg(page);
  return Math.max(...[...svg.matchAll(/scale\(([\d.]+) -/g)].map((m) => Number(m[1])));
}

describe('editing in the studio', { timeout: 120_000 }, () => {
  it('replaces a slide’s text with a post dragged onto it', async () => {
    const { page } = await studio().open(undefined, await studio().freshProject());
    await selectSlide(page, 3);
    expect(await previewText(page)).toContain('A carousel is not a thread');
    const post = page.locator(card(6));
    await expect(post.innerText()).resolves.toContain('Cut every sentence');
    await drag(page, await centre(page, `${card(6)} .post-text`), await centre(page, thumb(3)));
    await page.waitForFunction(() => document.querySelector('[data-testid=preview] svg')?.getAttribute('aria-label')?.includes('Cut every sentence'));
    expect(await previewText(page)).not.toContain('A carousel is not a thread');
    await expect(page.locator(`${thumb(3)}`).getAttribute('class')).resolves.toContain('is-selected');
    await page.context().close();
  });

  it('appends with Shift held, and inserts a new slide when dropped between slides', async () => {
    const { page } = await studio().open(undefined, await studio().freshProject());
    await selectSlide(page, 3);
    const before = await slideIds(page);
    await drag(page, await centre(page, `${card(4)} .post-text`), await centre(page, thumb(3)), 'Shift');
    await page.waitForFunction(() => document.querySelector('[data-testid=preview] svg')?.getAttribute('aria-label')?.includes('Your first post becomes'));
    const text = await previewText(page);
    expect(text).toContain('A carousel is not a thread');
    expect(await slideIds(page)).toEqual(before);

    const gap = await page.locator(':nth-match(.strip-item, 3) .gap').boundingBox();
    await drag(page, await centre(page, `${card(7)} .post-text`), { x: gap!.x + gap!.width / 2, y: gap!.y + 30 });
    await page.waitForFunction((n) => document.querySelectorAll('.thumb').length === n, before.length + 1);
    const after = await slideIds(page);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after[3]).toBe(before[2]);
    await expect(page.getByRole('heading', { name: 'Slide 3' }).count()).resolves.toBe(1);
    await page.context().close();
  });

  it('reorders slides from the keyboard with dnd-kit’s keyboard sensor', async () => {
    const { page } = await studio().open(undefined, await studio().freshProject());
    const before = await slideIds(page);
    await page.locator(`${thumb(3)} .thumb-button`).focus();
    // Each step waits for dnd-kit to say it was taken, however busy the machine is with other test files.
    const live = async () => (await page.locator('[aria-live]').allInnerTexts()).join(' ');
    await page.keyboard.press('Space');
    await expect.poll(live, { timeout: 20_000 }).toMatch(/Picked up position 3\.|position 3 is over position 3\./);
    await page.keyboard.press('ArrowRight');
    await expect.poll(live, { timeout: 20_000 }).toMatch(/position 3 is over position 4\./);
    await page.keyboard.press('Space');
    await page.waitForFunction((ids) => [...document.querySelectorAll('.thumb')].map((e) => e.getAttribute('data-slide-id')).join() !== ids, before.join());
    const after = await slideIds(page);
    expect(after[3]).toBe(before[2]);
    expect(after[2]).toBe(before[3]);
    await page.context().close();
  });

  it('drops a post onto a chosen slide, or between two, from the keyboard', async () => {
    const { page } = await studio().open(undefined, await studio().freshProject());
    await selectSlide(page, 2);
    const before = await slideIds(page);
    const live = async () => (await page.locator('[aria-live]').allInnerTexts()).join(' ');
    const pickUp = async () => {
      await page.getByRole('button', { name: 'Drag post 6 onto a slide' }).focus();
      await page.keyboard.press('Space');
      await page.waitForTimeout(150);
    };
    // Each arrow press moves one place along the strip: gap, slide, gap, slide…, and says where.
    await pickUp();
    // Picked up, it is over the first place: a new slide before the cover.
    await expect.poll(live).toMatch(/post 6 is over a new slide at position 1\./);
    const heard: string[] = [];
    for (let i = 0; i < 5; i++) {
      const said = await live();
      await page.keyboard.press('ArrowRight');
      // Each step is announced anew (the words change even when a place repeats its name).
      await expect.poll(live).not.toBe(said);
      heard.push((await live()).match(/post 6 is over ([^.]+)\./)?.[1] ?? '');
    }
    expect(heard).toEqual(['slide 1', 'a new slide at position 2', 'slide 2', 'a new slide at position 3', 'slide 3']);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expect.poll(live).toMatch(/post 6 is over slide 3\./);
    await page.keyboard.press('Space');
    // Slide 3 now says post 6; no slide was added.
    await page.getByRole('heading', { name: 'Slide 3' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=preview] svg')?.getAttribute('aria-label')?.includes('Cut every sentence'));
    expect(await slideIds(page)).toEqual(before);
    // Dropped between slides 1 and 2, it becomes a slide of its own there.
    await pickUp();
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(live).toMatch(/post 6 is over a new slide at position 2\./);
    await page.keyboard.press('Space');
    await expect.poll(() => slideIds(page)).toHaveLength(before.length + 1);
    await page.context().close();
  });

  it('brings theme, ratio and typography changes to the preview, and undo takes them back', async () => {
    const { page } = await studio().open(undefined, await studio().freshProject());
    await selectSlide(page, 5);
    const background = async () => (await previewSvg(page)).match(/<rect x="0" y="0" width="[\d.]+" height="[\d.]+" fill="([^"]+)"/)?.[1];
    const viewBox = async () => (await previewSvg(page)).match(/viewBox="([^"]+)"/)?.[1];

    // Body size first, on a short classic slide in portrait, where the text has room to grow without shrinking.
    const scale = await glyphScale(page);
    await page.getByLabel('Body Font Size').fill('24');
    await expect.poll(() => glyphScale(page)).toBeCloseTo((scale * 24) / 18, 4);

    expect(await viewBox()).toBe('0 0 432 540');
    await page.getByRole('radio', { name: /Instagram square/ }).click();
    await expect.poll(viewBox).toBe('0 0 432 432');

    expect(await background()).toBe('#FAF7F2');
    await page.getByRole('radio', { name: 'Ink theme' }).click();
    await expect.poll(background).toBe('#FFFFFF');

    // Undo steps back through the theme, the ratio, then the body size; redo goes forward again.
    await page.locator('.stage').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(background).toBe('#FAF7F2');
    await page.keyboard.press('Control+z');
    await expect.poll(viewBox).toBe('0 0 432 540');
    await page.keyboard.press('Control+z');
    await expect.poll(() => glyphScale(page)).toBeCloseTo(scale, 4);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => glyphScale(page)).toBeCloseTo((scale * 24) / 18, 4);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => glyphScale(page)).toBeCloseTo(scale, 4);

    // Progress as a bar: the page number goes, an accent bar as long as the pages read comes.
    const pages = Number((await previewText(page)).match(/5\/(\d+)/)?.[1]);
    expect(pages).toBeGreaterThan(5);
    const accentRects = async () => ((await previewSvg(page)).match(/<rect [^>]*fill="#C2410C"/g) ?? []).length;
    const before = await accentRects();
    await page.getByRole('radiogroup', { name: 'Progress' }).getByRole('radio', { name: 'Bar' }).click();
    await expect.poll(() => previewText(page)).not.toContain(`5/${pages}`);
    expect(await accentRects()).toBe(before + 1);

    // Centred text for the deck; the slide set back to left by itself draws as it did.
    const flush = await previewSvg(page);
    await page.getByRole('radiogroup', { name: 'Text alignment' }).getByRole('radio', { name: 'Centre' }).click();
    await expect.poll(() => previewSvg(page)).not.toBe(flush);
    await page.getByLabel('Text alignment', { exact: true }).and(page.locator('select')).selectOption('left');
    await expect.poll(() => previewSvg(page)).toBe(flush);
    await page.context().close();
  });

  it('updates the preview on every keystroke while typing, and measures it', async () => {
    const { page } = await studio().open(undefined, await studio().freshProject());
    await selectSlide(page, 2);
    const body = page.getByLabel('Body', { exact: true });
    await body.click();
    await body.press('End');
    const times: number[] = [];
    const engine: number[] = [];
    for (const ch of ' Typing shows up at once.') {
      await page.keyboard.type(ch);
      await page.waitForTimeout(40);
      const t = await page.evaluate(() => (window as { spoolPreview?: { ms: number; layoutMs?: number; paintMs?: number } }).spoolPreview);
      if (t) {
        times.push(t.ms);
        engine.push((t.layoutMs ?? 0) + (t.paintMs ?? 0));
      }
    }
    expect(await previewText(page)).toContain('at once.');
    const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`preview update after a keystroke: median ${median(times)} ms (engine ${median(engine).toFixed(1)} ms), max ${Math.max(...times)} ms over ${times.length} keystrokes`);
    // Every keystroke reached the preview and was measured. How fast is for the benchmark to say:
    // on a shared CI machine the same build measured from 70 to 130 ms, so no bound here can tell
    // a regression from a busy neighbour.
    expect(times.length).toBeGreaterThan(10);
    expect(engine.every((ms) => ms > 0)).toBe(true);
    // Incremental all the way: one keystroke renders the edited slide's thumbnail again, not the
    // strip's other twelve (whose pages, SVG and props did not change). Counted by slide, since a
    // busy machine may render the one thumbnail twice.
    await page.waitForTimeout(500);
    await page.keyboard.type('X');
    await page.waitForFunction(() => (window as { spoolPreview?: { frameMs?: number } }).spoolPreview?.frameMs !== undefined);
    await page.waitForTimeout(300);
    const thumbs = await page.evaluate(() => (window as { spoolPreview?: { thumbs: number } }).spoolPreview?.thumbs);
    expect(thumbs).toBe(1);
    const measures = await page.evaluate(() => performance.getEntriesByName('spool:preview').length);
    expect(measures).toBeGreaterThan(10);
    await page.context().close();
  });

  it('keeps the slide editor a form of its own, which Enter never submits', async () => {
    const { page } = await studio().open(undefined, await studio().freshProject());
    await selectSlide(page, 2);
    // Chrome's autofill reads every field of a changed field's form after each keystroke; outside
    // a form that is every field on the page.
    const form = await page.getByLabel('Body', { exact: true }).evaluate((t: HTMLTextAreaElement) => ({
      own: t.form?.classList.contains('editor') ?? false,
      fields: t.form ? [...t.form.elements].filter((e) => !(e instanceof HTMLButtonElement)).length : 0,
      onPage: document.querySelectorAll('input, select, textarea').length,
    }));
    expect(form.own).toBe(true);
    expect(form.fields).toBeLessThan(form.onPage / 2);
    const title = page.getByLabel('Title', { exact: true });
    await title.fill('Enter stays here');
    const url = page.url();
    await title.press('Enter');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    await expect(title.inputValue()).resolves.toBe('Enter stays here');
    await expect.poll(() => previewText(page)).toContain('Enter stays here');
    await page.context().close();
  });
});
