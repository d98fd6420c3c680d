/**
 * Publishing from the studio in Chromium, against the real server and local stand-ins for LinkedIn
 * and Instagram that check every request against what the platforms document.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../spool/src/server/index.js';
import { doc, para, post } from '../../../spool/test/helpers/documents.js';
import { INSTAGRAM_TEST_TOKEN, startMockInstagram, type MockInstagram } from '../../../spool/test/helpers/mock-instagram.js';
import { LINKEDIN_CLIENT_ID, LINKEDIN_CLIENT_SECRET, LINKEDIN_TEST_TOKEN, startMockLinkedIn, type MockLinkedIn } from '../../../spool/test/helpers/mock-linkedin.js';
import { freePort, platformEnv } from '../../../spool/test/helpers/platform-stand-ins.js';
import { axeViolations, outputPath, startStudio, waitForPreview, type Studio } from './studio-harness.js';

let linkedin: MockLinkedIn;
let instagram: MockInstagram;
let studio: Studio;

beforeAll(async () => {
  linkedin = await startMockLinkedIn();
  instagram = await startMockInstagram({ inProgressPolls: 1 });
  const port = await freePort();
  studio = await startStudio({
    port,
    publishPollMs: 200,
    env: {
      ...platformEnv(linkedin, instagram),
      LINKEDIN_ACCESS_TOKEN: LINKEDIN_TEST_TOKEN,
      LINKEDIN_AUTHOR_URN: linkedin.personUrn,
      INSTAGRAM_ACCESS_TOKEN: INSTAGRAM_TEST_TOKEN,
      INSTAGRAM_USER_ID: instagram.user.userId,
      SPOOL_PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
  });
}, 180_000);

afterAll(async () => {
  await studio?.close();
  await linkedin?.close();
  await instagram?.close();
});

afterEach(() => {
  expect(linkedin.violations).toEqual([]);
  expect(instagram.violations).toEqual([]);
});

async function openDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await dialog.waitFor();
  return dialog;
}

/** The checks are in: the server has rendered the carousel and said what the platform would think. */
async function checksShown(dialog: Locator): Promise<void> {
  await dialog.locator('[data-checks=ready]').waitFor({ timeout: 30_000 });
}

/** The text the dialog suggested, made unique: LinkedIn refuses the same text twice within minutes. */
async function uniqueText(dialog: Locator, tag: string): Promise<string> {
  const box = dialog.getByLabel('Post text');
  await expect.poll(() => box.inputValue()).not.toBe('');
  const text = `${await box.inputValue()}\n\n(${tag} ${Date.now()})`;
  await box.fill(text);
  return text;
}

/** A project of `n` posts made through the API, as a script would: Instagram's API takes 2 to 10 slides. */
async function smallProject(n: number, name: string): Promise<string> {
  const document = doc(Array.from({ length: n }, (_, i) => post(`p${i + 1}`, [para(i === 0 ? `${name}: four habits of calm teams #teams` : `Habit ${i}: write the decision down before the meeting.`)])));
  const res = await fetch(`${studio.url}/api/projects`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, document }) });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('publishing from the studio', { timeout: 150_000 }, () => {
  it('publishes the sample to LinkedIn once, from the dialog, and links to the post', async () => {
    const { page, errors } = await studio.open({ width: 1440, height: 900 }, await studio.freshProject());
    const keys: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/projects\/[^/]+\/publish$/.test(new URL(r.url()).pathname)) keys.push(r.headers()['idempotency-key']);
    });
    const dialog = await openDialog(page);
    await checksShown(dialog);
    await expect.poll(() => dialog.locator('.badge', { hasText: /^All \d+ pass$/ }).count()).toBe(1);
    // Prefilled with the server's caption for LinkedIn, counted against LinkedIn's 3,000.
    expect(await dialog.getByLabel('Post text').inputValue()).toContain('Turn a thread into a carousel people finish');
    await expect.poll(() => dialog.locator('.char-count').innerText()).toMatch(/\/\s*3,000$/);
    expect(await dialog.getByLabel('Account').locator('option').allInnerTexts()).toEqual([expect.stringContaining('from the environment')]);
    const text = await uniqueText(dialog, 'sample');

    await dialog.getByRole('button', { name: 'Publish now' }).dblclick();
    const done = dialog.locator('.job-status.is-done');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.innerText()).toContain('Published on LinkedIn');
    expect(linkedin.posts).toHaveLength(1);
    const [sent] = linkedin.posts;
    expect(sent.commentary).toContain('Turn a thread into a carousel people finish');
    expect(sent.commentary).toContain(`sample ${text.match(/sample (\d+)/)![1]}`);
    // Every submission carries a key; a second click in time repeats it rather than posting again.
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[\x21-\x7e]{1,200}$/);

    const link = done.getByRole('link', { name: /View the post/ });
    expect(await link.getAttribute('href')).toBe(`https://www.linkedin.com/feed/update/${sent.id}/`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    const row = dialog.locator('[data-testid=publish-posts] li').first();
    expect(await row.getAttribute('data-state')).toBe('done');
    expect(await row.innerText()).toContain('Published');
    await page.waitForTimeout(300);
    await page.screenshot({ path: outputPath('publish-linkedin-1440x900.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps Publish disabled for Instagram on the 12-slide sample, saying why and what to do', async () => {
    const { page, errors } = await studio.open({ width: 1024, height: 768 }, await studio.freshProject());
    const dialog = await openDialog(page);
    await dialog.getByRole('radio', { name: /Instagram/ }).click();
    expect(await dialog.getByRole('radio', { name: /Instagram/ }).getAttribute('aria-checked')).toBe('true');
    await checksShown(dialog);
    const failed = dialog.locator('.check-row.is-failed');
    await failed.first().waitFor();
    expect(await failed.count()).toBe(1);
    expect(await failed.innerText()).toMatch(/12 slides \(publishing through the API takes 2 to 10\)[\s\S]*Fix: split into posts of at most 10 slides/);
    // Failed first; the passed ones folded under their count.
    expect(await dialog.locator('.check-row').first().evaluate((el) => el.classList.contains('is-failed'))).toBe(true);
    expect(await dialog.locator('details.check-passed').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    expect(await dialog.getByRole('button', { name: 'Publish now' }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Schedule…' }).isDisabled()).toBe(true);
    expect(await dialog.locator('.publish-hint').innerText()).toMatch(/Instagram would not take it yet: fix the failed check/);
    // Instagram counts to 2,200, and says so past it.
    await expect.poll(() => dialog.locator('.char-count').innerText()).toMatch(/\/\s*2,200$/);
    await dialog.getByLabel('Post text').fill('x'.repeat(2210));
    expect(await dialog.locator('.char-count').evaluate((el) => el.classList.contains('is-over'))).toBe(true);
    expect(await dialog.getByLabel('Post text').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('.check-row.is-failed').count()).toBe(2);
    await dialog.getByRole('button', { name: 'Use the suggested text' }).click();
    expect(await dialog.locator('.check-row.is-failed').count()).toBe(1);
    await page.screenshot({ path: outputPath('publish-instagram-refused-1024x768.png') });
    // Over its limit on LinkedIn too: the counter turns and Publish waits.
    await dialog.getByRole('radio', { name: /LinkedIn/ }).click();
    await dialog.getByLabel('Post text').fill('y'.repeat(3001));
    expect(await dialog.locator('.char-count').innerText()).toMatch(/^3,001/);
    expect(await dialog.getByRole('button', { name: 'Publish now' }).isDisabled()).toBe(true);
    expect(instagram.published).toHaveLength(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('publishes an Instagram carousel of a few slides', async () => {
    const id = await smallProject(4, 'Calm teams');
    const { page, errors } = await studio.open({ width: 1280, height: 800 }, id);
    const dialog = await openDialog(page);
    await dialog.getByRole('radio', { name: /Instagram/ }).click();
    await checksShown(dialog);
    await expect.poll(() => dialog.locator('.check-row.is-failed').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await dialog.locator('.job-status.is-done').waitFor({ timeout: 45_000 });
    expect(await dialog.locator('.job-status.is-done').innerText()).toContain('Published on Instagram');
    expect(instagram.published).toHaveLength(1);
    const items = [...instagram.containers.values()].filter((c) => c.kind === 'carousel-item');
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.length).toBeLessThanOrEqual(10);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('schedules a LinkedIn post a few seconds ahead, then shows it published with nothing pressed', async () => {
    const before = linkedin.posts.length;
    const { page, errors } = await studio.open({ width: 1280, height: 800 }, await studio.freshProject());
    const dialog = await openDialog(page);
    await checksShown(dialog);
    await uniqueText(dialog, 'scheduled');
    await dialog.getByRole('button', { name: 'Schedule…' }).click();
    // Local time, as the user's clock reads it, 12 s from now.
    const when = await page.evaluate(() => {
      const d = new Date(Date.now() + 12_000);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
    });
    await dialog.getByLabel('Publish at').fill(when);
    await dialog.getByRole('button', { name: 'Schedule post' }).click();
    await dialog.locator('.job-status.is-scheduled').waitFor();
    const row = dialog.locator('[data-testid=publish-posts] li').first();
    expect(await row.getAttribute('data-state')).toBe('scheduled');
    expect(await row.innerText()).toContain('Scheduled');
    expect(await row.getByRole('button', { name: /^Cancel the LinkedIn post/ }).count()).toBe(1);
    expect(linkedin.posts.length).toBe(before);
    await page.screenshot({ path: outputPath('publish-scheduled-1280x800.png') });
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 40_000, interval: 250 }).toBe('done');
    await dialog.locator('.job-status.is-done').waitFor();
    expect(linkedin.posts.length).toBe(before + 1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('cancels a scheduled post', async () => {
    const { page } = await studio.open({ width: 1280, height: 800 }, await studio.freshProject());
    const dialog = await openDialog(page);
    await checksShown(dialog);
    await uniqueText(dialog, 'cancelled');
    await dialog.getByRole('button', { name: 'Schedule…' }).click();
    // The time it suggests is in the future already.
    await dialog.getByRole('button', { name: 'Schedule post' }).click();
    await dialog.locator('.job-status.is-scheduled').waitFor();
    await dialog.locator('[data-testid=publish-posts]').getByRole('button', { name: /^Cancel the LinkedIn post/ }).click();
    await page.locator('.toast', { hasText: 'The LinkedIn post was cancelled' }).waitFor();
    await expect.poll(() => dialog.locator('[data-testid=publish-posts] li').count()).toBe(0);
    await page.context().close();
  });

  it('shows what LinkedIn said about an expired token, and tries again', async () => {
    const before = linkedin.posts.length;
    const { page, errors } = await studio.open({ width: 1280, height: 800 }, await studio.freshProject());
    const dialog = await openDialog(page);
    await checksShown(dialog);
    await uniqueText(dialog, 'expired');
    linkedin.failNext('expired-token', 1);
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    const failed = dialog.locator('.job-status.is-failed');
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.innerText()).toMatch(/LinkedIn refused the access token: it has expired or was revoked; connect the LinkedIn account again/);
    expect(await failed.innerText()).toMatch(/The token used in the request has expired/);
    const row = dialog.locator('[data-testid=publish-posts] li').first();
    expect(await row.getAttribute('data-state')).toBe('failed');
    expect(await row.innerText()).toMatch(/expired/);
    await page.screenshot({ path: outputPath('publish-failed-1280x800.png') });
    await failed.getByRole('button', { name: 'Try again' }).click();
    await dialog.locator('.job-status.is-done').waitFor({ timeout: 30_000 });
    expect(linkedin.posts.length).toBe(before + 1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is a modal: named, focus kept inside, Escape closes it and focus goes back, nothing for axe to find', async () => {
    const { page } = await studio.open({ width: 1440, height: 900 }, await studio.freshProject());
    const dialog = await openDialog(page);
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await checksShown(dialog);
    await dialog.getByRole('radio', { name: /Instagram/ }).click();
    await dialog.locator('.check-row.is-failed').first().waitFor();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]')), `Tab ${i + 1}`).toBe(true);
    }
    // The studio behind it is out of reach.
    expect(await page.locator('.app').getAttribute('inert')).toBe('');
    expect(await axeViolations(page, '.modal-layer')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Publish' }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Publish');
    expect(await page.locator('.app').getAttribute('inert')).toBeNull();
    await page.context().close();
  });

  it('looks right at 1024×768 and 1440×900', async () => {
    const id = await studio.freshProject();
    for (const viewport of [{ width: 1024, height: 768 }, { width: 1440, height: 900 }]) {
      const { page, errors } = await studio.open(viewport, id);
      const dialog = await openDialog(page);
      await checksShown(dialog);
      await dialog.locator('[data-testid=publish-posts], .panel-note').first().waitFor();
      await dialog.locator('details.check-passed summary').click();
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      // Nothing inside runs wider than the dialog.
      const spills = await dialog.evaluate((root) => {
        const edge = root.getBoundingClientRect().right + 0.5;
        return [...root.querySelectorAll<HTMLElement>('*')].filter((el) => el.getBoundingClientRect().right > edge).map((el) => el.className || el.tagName);
      });
      expect(spills).toEqual([]);
      await page.waitForTimeout(300);
      await page.screenshot({ path: outputPath(`publish-dialog-${viewport.width}x${viewport.height}.png`) });
      // The top bar keeps every button in the window.
      await page.keyboard.press('Escape');
      const publish = (await page.getByRole('button', { name: 'Publish', exact: true }).boundingBox())!;
      expect(publish.x + publish.width).toBeLessThanOrEqual(viewport.width);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('downloads the ready-to-post bundle from Export, naming what publishing would refuse', async () => {
    const { page, errors } = await studio.open({ width: 1280, height: 800 }, await studio.freshProject());
    await page.getByRole('button', { name: 'Export' }).click();
    await page.screenshot({ path: outputPath('export-menu-bundle.png') });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: /Ready-to-post bundle \(\.zip\)/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/-bundle\.zip$/);
    const file = await download.path();
    const bytes = readFileSync(file!).toString('latin1');
    for (const name of ['linkedin.pdf', 'instagram/slide-01.jpg', 'caption-linkedin.txt', 'caption-instagram.txt', 'title.txt', 'alt-text.txt', 'preflight.txt', 'preflight.json']) {
      expect(bytes.includes(name), name).toBe(true);
    }
    // Twelve slides are fine by hand; Instagram's API would refuse them, and the notice says so.
    const toast = page.locator('.toast', { hasText: 'Bundle ready' });
    await expect.poll(() => toast.innerText()).toMatch(/Bundle ready to post by hand\. Publishing it from Spool, Instagram would refuse it: Instagram: 12 slides \(publishing through the API takes 2 to 10\)/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('connects a LinkedIn account through the user’s own app, then posts with it', async () => {
    // A server with no account in its environment: the studio has to connect one.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'spool-studio-connect-'));
    const server = await startServer({ port: 0, dataDir, env: platformEnv(linkedin, instagram), publishPollMs: 200 });
    const context = await studio.browser.newContext({ viewport: { width: 1024, height: 768 } });
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await waitForPreview(page);
      const projectId = /#project=([\w-]+)/.exec(page.url())![1];
      const dialog = await openDialog(page);
      await dialog.getByText('No LinkedIn account is connected yet').waitFor();
      const redirect = dialog.getByLabel('Redirect URL to add to the app');
      expect(await redirect.inputValue()).toBe(`${server.url}/oauth/linkedin/callback`);
      await dialog.getByRole('button', { name: 'Copy the redirect URL' }).click();
      await expect.poll(() => dialog.getByRole('button', { name: 'Copy the redirect URL' }).innerText()).toBe('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}/oauth/linkedin/callback`);
      await checksShown(dialog);
      expect(await dialog.getByRole('button', { name: 'Publish now' }).isDisabled()).toBe(true);
      expect(await dialog.locator('.publish-hint').innerText()).toBe('Connect a LinkedIn account to publish.');
      await page.screenshot({ path: outputPath('publish-connect-1024x768.png') });
      // Instagram without a public address says what to set.
      await dialog.getByRole('radio', { name: /Instagram/ }).click();
      await dialog.getByText('Instagram needs a public address for this server').waitFor();
      expect(await dialog.innerText()).toContain('SPOOL_PUBLIC_URL');
      await dialog.getByRole('radio', { name: /LinkedIn/ }).click();

      await dialog.getByLabel('Client ID').fill(LINKEDIN_CLIENT_ID);
      await dialog.getByLabel('Client secret').fill(LINKEDIN_CLIENT_SECRET);
      // To the platform's sign-in, which sends the browser back to the server's callback at once.
      await Promise.all([page.waitForRequest(/\/oauth\/linkedin\/callback\?/, { timeout: 30_000 }), dialog.getByRole('button', { name: 'Continue to LinkedIn' }).click()]);
      await page.locator('.toast', { hasText: `Connected ${linkedin.member.name} on LinkedIn` }).waitFor({ timeout: 15_000 });
      // Back where the user left: the query gone, the same project open, the dialog again with the account picked.
      expect(page.url()).not.toMatch(/connected=|connect-error=/);
      expect(page.url()).toContain(`#project=${projectId}`);
      const again = page.getByRole('dialog', { name: 'Publish' });
      await again.waitFor();
      await expect.poll(() => again.getByLabel('Account').locator('option').allInnerTexts()).toEqual([linkedin.member.name]);
      // Connected for the brand profile the deck wears, and listed under its name.
      expect(await again.getByLabel('Account').locator('optgroup').getAttribute('label')).toBe('Spool');
      expect(linkedin.requests.filter((r) => r.route === 'authorize')).toHaveLength(1);
      expect(linkedin.requests.filter((r) => r.route === 'token')).toHaveLength(1);
      const accounts = (await (await fetch(`${server.url}/api/accounts`)).json()) as { accounts: { platform: string; name: string }[] };
      expect(accounts.accounts.map((a) => [a.platform, a.name])).toEqual([['linkedin', linkedin.member.name]]);

      const before = linkedin.posts.length;
      await checksShown(again);
      await uniqueText(again, 'connected');
      await again.getByRole('button', { name: 'Publish now' }).click();
      await again.locator('.job-status.is-done').waitFor({ timeout: 30_000 });
      expect(linkedin.posts.length).toBe(before + 1);
      expect(linkedin.posts.at(-1)!.author).toBe(linkedin.personUrn);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('says so when the platform sends the user back without an account', async () => {
    const { page } = await studio.open({ width: 1280, height: 800 });
    await page.goto(`${studio.url}/?connect-error=${encodeURIComponent('LinkedIn did not connect the account: The user cancelled the authorization')}`);
    await waitForPreview(page);
    await page.locator('.toast', { hasText: 'Account not connected: LinkedIn did not connect the account: The user cancelled the authorization' }).waitFor();
    expect(page.url()).not.toContain('connect-error');
    await page.context().close();
  });
});
