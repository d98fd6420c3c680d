// The studio's keystroke-to-frame time: an edit in the slide editor until the frame after the preview
// shows it, on the 13-slide sample and on a 300-post thread, in headless Chromium. Run from
// bench/run.mjs, or alone: node bench/studio-keystroke.mjs (after npm run build).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { importSource } from '../packages/spool/dist/index.js';
import { startServer } from '../packages/spool/dist/server/index.js';
import { generateThread } from './thread-gen.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const TEXT = ' and the preview keeps up with every key a typist presses';

async function createProject(url, document) {
  const res = await fetch(`${url}/api/projects`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench', document }) });
  if (res.status !== 201) throw new Error(`creating the bench project failed: ${res.status} ${await res.text()}`);
  return (await res.json()).id;
}

/** Types into slide 2's body and reads what the studio measured for each keystroke. */
async function typeAndMeasure(browser, url, projectId) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}/#project=${projectId}`);
  await page.locator('[data-testid=preview] svg').first().waitFor({ timeout: 60_000 });
  await page.locator('.thumb').first().waitFor();
  // Every thumbnail drawn first: a page still decoding 300 of them is busy with that, not typing.
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('.thumb-img')];
    return imgs.length > 0 && imgs.length === document.querySelectorAll('.thumb').length && imgs.every((i) => i.complete);
  }, undefined, { timeout: 120_000 });
  await page.waitForTimeout(1000);
  await page.locator(':nth-match(.strip-item, 2) .thumb-button').click();
  const body = page.getByLabel('Body', { exact: true });
  await body.click();
  await body.press('End');
  await page.evaluate(() => performance.clearMeasures());
  // A steady typist's pace: the autosave and the layout previews wait for a pause, so none falls
  // inside the keystrokes measured here, as none would while someone types.
  await page.keyboard.type(TEXT, { delay: 90 });
  await page.waitForTimeout(400);
  const measured = await page.evaluate(() => ({
    frames: performance.getEntriesByName('spool:frame').map((m) => m.duration),
    doms: performance.getEntriesByName('spool:preview').map((m) => m.duration),
    last: window.spoolPreview,
  }));
  await context.close();
  // The first keystrokes warm the page's code; the rest are what a typist feels.
  const frames = measured.frames.slice(5);
  if (process.env.SPOOL_BENCH_FRAMES) console.log(measured.frames.map(Math.round).join(" "));
  if (frames.length < 10) throw new Error(`only ${measured.frames.length} keystrokes reached the preview`);
  return { domMs: median(measured.doms.slice(5)), frameMs: median(frames), p90: [...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.9)], engineMs: (measured.last.layoutMs ?? 0) + (measured.last.paintMs ?? 0), thumbs: measured.last.thumbs };
}

export async function measureStudioKeystrokes() {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'spool-bench-studio-'));
  const server = await startServer({ port: 0, dataDir: path.join(tmp, 'data'), env: {} });
  const browser = await chromium.launch({
    executablePath: process.env.SPOOL_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const [sample] = await (await fetch(`${server.url}/api/projects`)).json();
    const file = path.join(tmp, 'thread-300.json');
    await writeFile(file, JSON.stringify(generateThread(300)));
    const big = await createProject(server.url, (await importSource(file, {})).document);
    const results = { sample: [], big: [] };
    // Alternated, so load on the machine falls on both alike.
    // Each round types into a fresh copy, so every round starts from the same slides.
    const copy = async (id) => (await (await fetch(`${server.url}/api/projects/${id}/duplicate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()).id;
    const rounds = Number(process.env.SPOOL_BENCH_ROUNDS ?? 2);
    for (let round = 0; round < rounds; round++) {
      results.sample.push(await typeAndMeasure(browser, server.url, await copy(sample.id)));
      results.big.push(await typeAndMeasure(browser, server.url, await copy(big)));
    }
    const pick = (runs) => ({ domMs: median(runs.map((r) => r.domMs)), frameMs: median(runs.map((r) => r.frameMs)), p90: median(runs.map((r) => r.p90)), engineMs: median(runs.map((r) => r.engineMs)), thumbs: runs[0].thumbs });
    return { sample: pick(results.sample), big: pick(results.big) };
  } finally {
    await browser.close();
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await measureStudioKeystrokes();
  console.log(JSON.stringify(r, null, 1));
}
