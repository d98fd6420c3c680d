import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outputPath, previewText, useStudio } from './studio-harness.js';
import { startMockSocialServer, type MockSocialServer } from '../../../spool/test/helpers/mock-social-server.js';

const PATIENT = { timeout: 20_000 };
const BSKY_POST = 'https://bsky.app/profile/mira.bsky.social/post/3lbqwslhfdtbj';
let bsky: MockSocialServer;

beforeAll(async () => {
  bsky = await startMockSocialServer({
    fixtures: new URL('../../../spool/test/fixtures/bluesky/', import.meta.url),
    mediaHosts: ['cdn.bsky.app'],
    answers: [
      { path: '/xrpc/app.bsky.feed.getPostThread', query: { uri: 'at://mira.bsky.social/app.bsky.feed.post/3lbqwslhfdtbj', depth: '1000', parentHeight: '1000' }, file: 'thread-3lbqwslhfdtbj.json' },
      { path: '/xrpc/app.bsky.feed.getPostThread', query: { uri: 'at://did:plc:w4xbfzo7kqfk5mh4mb5nnvf5/app.bsky.feed.post/3lbqeij2iojx6', depth: '1000', parentHeight: '0' }, file: 'thread-3lbqeij2iojx6-below.json' },
    ],
  });
  vi.stubEnv('SPOOL_BLUESKY_API_BASE', `${bsky.origin}/xrpc`);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await bsky?.close();
});

const studio = useStudio();

describe('a Bluesky thread in the studio', () => {
  it('imports from its post URL, every post of the author’s chain', async () => {
    const { page, errors } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('tab', { name: 'From URL' }).click();
    await page.getByLabel('Article or thread URL').fill(BSKY_POST);
    await page.getByRole('radio', { name: 'Start a new project from it' }).check();
    await page.locator('form.import-box').getByRole('button', { name: 'Import' }).click();
    // 27 posts, more than the 20 other tools stop at; the cover is the first post.
    await expect.poll(() => page.locator('#carousel .column-head .muted').innerText(), PATIENT).toMatch(/^2[7-9] slides/);
    await expect.poll(() => previewText(page), PATIENT).toContain('How we cut our CI from 40 minutes to 9');
    await page.screenshot({ path: outputPath('bluesky-import-1440.png') });
    expect(bsky.violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
