import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputPath, previewText, useStudio } from './studio-harness.js';
import { startMockChatServer, type MockChatServer } from '../../../spool/test/helpers/mock-chat-server.js';

const PATIENT = { timeout: 20_000 };
const FIXTURES = path.resolve(import.meta.dirname, '../../../spool/test/fixtures');
let model: MockChatServer;

beforeAll(async () => {
  model = await startMockChatServer({ apiKey: 'sk-studio' });
});
afterAll(() => model?.close());

const studio = useStudio(undefined, () => ({ model: { baseUrl: model.baseUrl, model: 'test-model', apiKey: 'sk-studio', timeoutMs: 5000 } }));

describe('an article in the studio', () => {
  it('imports condensed, shows each slide’s paragraph, swaps a sentence in, and rewrites through the guard', async () => {
    const { page, errors } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('tab', { name: 'Upload file' }).click();
    await page.getByLabel('Thread file and its images').setInputFiles(path.join(FIXTURES, 'kd-article.txt'));
    // Condensed is the default for an article; the count is the planner's unless one is typed.
    expect(await page.getByRole('radio', { name: /Condensed: about/ }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Start a new project from it' }).check();
    await page.screenshot({ path: outputPath('import-article-form.png') });
    await page.locator('form.import-box').getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.locator('#carousel .column-head .muted').innerText(), PATIENT).toMatch(/^10 slides/);
    // The headline is the cover, its dek under it.
    await expect.poll(() => previewText(page), PATIENT).toContain('Everything You Need to Know');

    // A content slide shows where it came from, the sentences it says pressed.
    await page.locator(':nth-match(.strip-item, 4) .thumb-button').click();
    const origin = page.getByRole('region', { name: 'From the article' });
    await origin.waitFor(PATIENT);
    const pressed = origin.locator('button.origin-sentence[aria-pressed="true"]');
    expect(await pressed.count()).toBe(1);
    expect(await pressed.innerText()).toMatch(/^Later in 2015/);
    // Each sentence wraps inside the editor, never past its edge (a button does not wrap as inline text).
    const spills = () => page.locator('#carousel').evaluate((column) => {
      const edge = column.getBoundingClientRect().right + 0.5;
      return [...column.querySelectorAll('.origin-sentence, .origin-meta')].some((s) => s.getBoundingClientRect().right > edge);
    });
    expect(await spills()).toBe(false);
    await page.screenshot({ path: outputPath('article-origin-1440.png') });
    // Pressing the neighbour puts it on the slide beside the first.
    await origin.locator('button.origin-sentence[aria-pressed="false"]').first().click();
    await expect.poll(() => page.locator('form.editor').getByLabel('Body', { exact: true }).inputValue(), PATIENT).toContain('This term was referred to the process');
    expect(await pressed.count()).toBe(2);
    // Whole paragraph, then undo back.
    await origin.getByRole('button', { name: 'Whole paragraph' }).click();
    await expect.poll(() => pressed.count(), PATIENT).toBe(5);
    await page.keyboard.press('Control+z');

    // Rewrite: the model's hook goes on the cover; its invented figure is refused and said.
    model.behaviour = 'invent';
    await page.getByRole('button', { name: 'Rewrite' }).click();
    await expect.poll(() => page.locator('.toast').allInnerTexts().then((t) => t.join('\n')), PATIENT).toContain('Slide 2 (“So, what is the key idea behind KD? It…”) keeps the article’s words: the model wrote “73%”, which the article does not say');
    await page.locator(':nth-match(.strip-item, 1) .thumb-button').click();
    await expect.poll(() => page.locator('form.editor').getByLabel('Hook', { exact: true }).inputValue(), PATIENT).toBe('Small models, big teachers');
    expect(model.violations).toEqual([]);
    expect(model.requests.at(-1)?.body.messages[1].content).toContain('The ideas behind knowledge distillation (KD) date back to 2006');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.locator(':nth-match(.strip-item, 4) .thumb-button').click();
    await origin.waitFor(PATIENT);
    expect(await spills()).toBe(false);
    await page.screenshot({ path: outputPath('article-origin-1024.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reads pasted Markdown as an article, condensed, while a pasted thread stays one post a slide', async () => {
    const { page } = await studio().open({ width: 1024, height: 768 }, await studio().freshProject());
    const paragraphs = Array.from({ length: 8 }, (_, i) => `## Part ${i + 1}\n\nThe ${i + 1}th finding held across every team we measured this year. It changed how reviews were planned, and nobody went back to the old way once they had seen the numbers for themselves.`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Thread text').fill(`---\ntitle: What the reviews taught us\ndescription: Eight findings from a year of code review\n---\n\n${paragraphs.join('\n\n')}`);
    await page.getByRole('radio', { name: 'Start a new project from it' }).check();
    await page.locator('form.import-box').getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.locator('#carousel .column-head .muted').innerText(), PATIENT).toMatch(/^(8|9|10|11|12) slides/);
    await expect.poll(() => previewText(page), PATIENT).toContain('What the reviews taught us');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Thread text').fill('1/ A pasted thread stays a thread.\n\n2/ One post a slide.');
    await page.locator('form.import-box').getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.locator('.post-card').allInnerTexts().then((t) => t.join('\n')), PATIENT).toContain('One post a slide.');
    await page.context().close();
  });
});
