import { describe, expect, it } from 'vitest';
import { useStudio } from './studio-harness.js';

const author = { name: 'Grace Hopper', handle: 'grace' };
const post = (i: number) => ({
  id: String(i),
  author,
  blocks: [{ type: 'paragraph', spans: i === 1
    ? [{ text: 'Twenty-four lessons from shipping compilers ' }, { text: '#compilers', tag: 'hashtag', href: 'https://x.com/hashtag/compilers' }]
    : [{ text: `Lesson ${i}: keep each slide to one idea.` }, ...(i === 5 ? [{ text: ' #shipit', tag: 'hashtag', href: 'https://x.com/hashtag/shipit' }] : [])] }],
  media: [],
});

const studio = useStudio(async (running) => {
  // The newest project is the one the studio opens.
  const res = await fetch(`${running.url}/api/projects`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Long thread', document: { schemaVersion: 1, title: 'Long thread', posts: Array.from({ length: 24 }, (_, i) => post(i + 1)) } }),
  });
  expect(res.status).toBe(201);
});

function zipEntries(bytes: Buffer): { name: string; data: Buffer }[] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const size = bytes.readUInt32LE(at + 20);
    const nameLen = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    out.push({ name, data: bytes.subarray(dataAt, dataAt + size) });
    at += 46 + nameLen + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return out;
}

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('Instagram carousels', { timeout: 180_000 }, () => {
  it('warns past 20 slides and splits the carousel in one click', async () => {
    const { page } = await studio().open();
    await expect(page.getByLabel('Project name').inputValue()).resolves.toBe('Long thread');
    // The title's cover, the 24 posts and the outro.
    expect(await page.locator('.thumb').count()).toBe(26);
    expect(await page.getByText(/Instagram allows 20 slides/).count()).toBe(0);
    await page.getByRole('radio', { name: /Instagram portrait/ }).click();
    await page.getByText(/Instagram allows 20 slides/).waitFor();
    await page.getByRole('button', { name: /Split into 2 carousels/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.thumb').length <= 20);
    expect(await page.getByText(/Instagram allows 20 slides/).count()).toBe(0);
    await expect(page.locator('.thumb .thumb-button').last().getAttribute('aria-label')).resolves.toMatch(/^Outro/);
    const projects = (await (await fetch(`${studio().url}/api/projects`)).json()) as { name: string; slides: number }[];
    const part2 = projects.find((p) => p.name === 'Long thread (part 2)');
    expect(part2?.slides).toBeGreaterThan(1);
    await page.context().close();
  });

  it('copies the caption: the first post and the thread’s hashtags', async () => {
    const { page } = await studio().open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: studio().url });
    await page.getByRole('button', { name: 'Copy caption' }).click();
    await page.getByText(/Caption copied/).waitFor();
    const caption = await page.evaluate(() => navigator.clipboard.readText());
    expect(caption).toContain('Twenty-four lessons from shipping compilers #compilers');
    expect(caption, JSON.stringify(caption)).toMatch(/\n\n#shipit$/);
    await page.context().close();
  });

  it('exports every page as PNG in a ZIP, and the current slide alone, at the platform size', async () => {
    const { page } = await studio().open();
    const pages = await page.locator('.thumb').count();
    await page.getByRole('button', { name: 'Export' }).click();
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PNG images \(ZIP\)/ }).click()]);
    const entries = zipEntries(Buffer.concat(await (await zip.createReadStream()).toArray()));
    expect(entries).toHaveLength(pages);
    expect(entries[0].name).toBe('slide-01.png');
    expect(pngSize(entries[0].data)).toEqual({ width: 1080, height: 1350 });

    await page.locator(':nth-match(.strip-item, 3) .thumb-button').click();
    await page.getByRole('button', { name: 'Export' }).click();
    const [single] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Current slide/ }).click()]);
    expect(single.suggestedFilename()).toMatch(/slide-03\.png$/);
    const png = Buffer.concat(await (await single.createReadStream()).toArray());
    expect(pngSize(png)).toEqual({ width: 1080, height: 1350 });
    await page.context().close();
  });
});
