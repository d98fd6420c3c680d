// npm run bench: Spool's stage timings, PNG speed, a 200-post thread, and the same work done by
// @react-pdf/renderer, in one run on this machine. Numbers are medians; nothing here is a test.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleTextToDocument, buildCarousel, importSource } from '../packages/spool/dist/index.js';
import { generateThread } from './thread-gen.mjs';
import { measureStudioKeystrokes } from './studio-keystroke.mjs';
import { renderPeer } from './peer-react-pdf.mjs';
import { paintWithPdfkit, withoutImages } from './peer-pdfkit.mjs';
import { paintPdf } from '../packages/spool/dist/paint/pdf/index.js';
import { defaultTextEngine } from '../packages/spool/dist/node/fonts.js';
import { paintResources } from '../packages/spool/dist/node/resources.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const fixture = path.join(root, 'packages/spool/test/fixtures/kd-thread.json');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n) => `${n.toFixed(1)} ms`;
const rows = [];
const row = (what, spool, peer = '', note = '') => rows.push({ what, spool, peer, note });

async function timeIt(n, fn) {
  const times = [];
  let last;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    last = await fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), last };
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'spool-bench-'));
try {
  // Warm the process once: fonts are prepared once per process, not per document.
  const imported = await importSource(fixture, {});
  await buildCarousel(imported.document, { baseDir: imported.baseDir, format: 'pdf' });

  const importMs = await timeIt(10, () => importSource(fixture, {}));
  const runs = [];
  const pdf = await timeIt(15, async () => {
    const r = await buildCarousel(imported.document, { baseDir: imported.baseDir, format: 'pdf' });
    runs.push(r.timings);
    return r;
  });
  const stage = (k) => median(runs.map((t) => t[k] ?? 0));

  // Condensing a long article: the kd article's body ten times over, its sections renumbered, ~10,000 words.
  const kd = (await readFile(path.join(root, 'packages/spool/test/fixtures/kd-article.txt'), 'utf8')).split('\n');
  const longArticle = [kd[0], kd[1], ...Array.from({ length: 11 }, (_, i) => kd.slice(2).map((l) => (l.length < 80 && l.length > 0 && !/[.:]$/.test(l) ? `${l} (part ${i + 1})` : l))).flat()].join('\n');
  const longWords = longArticle.split(/\s+/).filter(Boolean).length;
  articleTextToDocument(longArticle, { condense: true });
  const condensed = await timeIt(15, () => articleTextToDocument(longArticle, { condense: true }));
  const fullSplit = await timeIt(15, () => articleTextToDocument(longArticle, {}));
  row(`article of ${longWords.toLocaleString('en')} words, condensed (parse + condense)`, ms(condensed.ms), '', `target < 100 ms; ${condensed.last.document.posts.length} posts; full split ${ms(fullSplit.ms)}, ${fullSplit.last.document.posts.length} posts`);
  row('fixture: import (parse + repair)', ms(importMs.ms));
  for (const k of ['plan', 'images', 'layout', 'scene', 'paint']) row(`fixture: ${k}`, ms(stage(k)));
  const peerThread = JSON.parse(await readFile(fixture, 'utf8'));
  await renderPeer(peerThread, path.dirname(fixture));
  const peer = await timeIt(5, () => renderPeer(peerThread, path.dirname(fixture)));
  row(`fixture PDF, warm (${pdf.last.scenes.length} pages)`, ms(pdf.ms), ms(peer.ms), `target < 60 ms; ${(peer.ms / pdf.ms).toFixed(1)}x`);
  row('fixture PDF size', `${(pdf.last.files[0].bytes.length / 1024).toFixed(0)} KB`, `${(peer.last.length / 1024).toFixed(0)} KB`, 'target < 1 MB');

  // The PDF writer alone, on the fixture's scenes without images, beside pdfkit drawing the same items.
  const scenes = withoutImages(pdf.last.scenes);
  const resources = paintResources(defaultTextEngine(), new Map());
  await paintPdf(scenes, resources);
  await paintWithPdfkit(scenes, resources);
  const ownWriter = await timeIt(15, () => paintPdf(scenes, resources));
  const pdfkitWriter = await timeIt(15, () => paintWithPdfkit(scenes, resources));
  row(`PDF writer, ${scenes.length} fixture pages (text, rects, paths)`, ms(ownWriter.ms), `${ms(pdfkitWriter.ms)} *`, `* pdfkit 0.20; ${(pdfkitWriter.ms / ownWriter.ms).toFixed(1)}x`);
  row('  its size', `${(ownWriter.last.length / 1024).toFixed(0)} KB`, `${(pdfkitWriter.last.length / 1024).toFixed(0)} KB *`);

  const png = await timeIt(3, () => buildCarousel(imported.document, { baseDir: imported.baseDir, format: 'png' }));
  const perSlide = png.last.timings.paint / png.last.scenes.length;
  row('PNG 1080x1350, per slide', ms(perSlide), '', 'target < 35 ms');

  // The ready-to-post bundle lays the deck out once for the PDF and the JPEGs; beside it, the two builds it replaces.
  const { makeBundle } = await import('../packages/spool/dist/deliver/bundle.js');
  await makeBundle(imported.document, { baseDir: imported.baseDir });
  const bundle = await timeIt(3, () => makeBundle(imported.document, { baseDir: imported.baseDir }));
  const twoBuilds = await timeIt(3, async () => {
    await buildCarousel(imported.document, { baseDir: imported.baseDir, format: 'pdf' });
    return buildCarousel(imported.document, { baseDir: imported.baseDir, format: 'jpeg' });
  });
  // The slides as a video, when Debian's ffmpeg is here: once, since it takes seconds.
  if (spawnSync('ffmpeg', ['-version']).status === 0) {
    const video = await timeIt(1, () => buildCarousel(imported.document, { baseDir: imported.baseDir, format: 'mp4' }));
    row(`fixture video: ${video.last.scenes.length} slides x 3 s, H.264 1080x1350`, ms(video.ms), '', `${(video.last.files[0].bytes.length / 1024 / 1024).toFixed(1)} MB; ffmpeg's x264 is most of it`);
  }
  row(`fixture bundle: PDF + ${bundle.last.jpegs.length} JPEGs, captions, alt text, preflight`, ms(bundle.ms), `${ms(twoBuilds.ms)} †`, `† Spool's own PDF build then JPEG build; ${(twoBuilds.ms / bundle.ms).toFixed(2)}x`);

  const big = generateThread(200);
  const bigFile = path.join(tmp, 'big.json');
  await writeFile(bigFile, JSON.stringify(big));
  const bigDoc = (await importSource(bigFile, {})).document;
  const bigRun = await timeIt(5, () => buildCarousel(bigDoc, { baseDir: tmp, format: 'pdf' }));
  const bigPeer = await timeIt(3, () => renderPeer(big, tmp));
  row(`200-post thread PDF, warm (${bigRun.last.scenes.length} pages)`, ms(bigRun.ms), ms(bigPeer.ms), `target < 400 ms; ${(bigPeer.ms / bigRun.ms).toFixed(1)}x`);

  // Chinese, Japanese, Korean, Arabic and Hebrew posts: the CJK faces are 10 MB each, read on first use.
  const scriptsFile = path.join(root, 'packages/spool/test/fixtures/scripts/cjk-thread.json');
  const scriptsThread = JSON.parse(await readFile(scriptsFile, 'utf8'));
  const scriptsDoc = (await importSource(scriptsFile, {})).document;
  const scriptsCold = await timeIt(1, () => buildCarousel(scriptsDoc, { baseDir: tmp, format: 'pdf' }));
  const scriptsWarm = await timeIt(7, () => buildCarousel(scriptsDoc, { baseDir: tmp, format: 'pdf' }));
  await renderPeer(scriptsThread, tmp, 'Noto Sans JP');
  const scriptsPeer = await timeIt(5, () => renderPeer(scriptsThread, tmp, 'Noto Sans JP'));
  row(`CJK, Arabic, Hebrew thread PDF (${scriptsWarm.last.scenes.length} pages), first / warm`, `${ms(scriptsCold.ms)} / ${ms(scriptsWarm.ms)}`, ms(scriptsPeer.ms), `${(scriptsWarm.last.files[0].bytes.length / 1024).toFixed(0)} KB; peer in Noto Sans JP alone, no fallback or bidi; ${(scriptsPeer.ms / scriptsWarm.ms).toFixed(1)}x`);

  // Display formulas: MathJax loads for a deck that has one.
  const { loadMathTypesetter } = await import('../packages/spool/dist/formats/math.js');
  const mathLoad = await timeIt(1, () => loadMathTypesetter());
  const typeset = mathLoad.last;
  typeset('x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}');
  const formula = await timeIt(21, () => typeset('q_i = \\frac{\\exp(z_i/T)}{\\sum_j \\exp(z_j/T)}'));
  row('display formula: MathJax load / one formula typeset', `${ms(mathLoad.ms)} / ${ms(formula.ms)}`, '', 'once per process / per formula');

  // The studio in headless Chromium: a keystroke in the slide editor to the preview's DOM and to the next frame.
  const studio = await measureStudioKeystrokes();
  const studioRow = (label, r) => row(`studio keystroke, ${label}: to DOM / to frame`, `${ms(r.domMs)} / ${ms(r.frameMs)}`, '', `engine ${ms(r.engineMs)}; ${r.thumbs} thumbnail rendered`);
  studioRow('13-slide sample', studio.sample);
  studioRow(`300-post thread`, studio.big);
  row('  300-post vs sample', `${(studio.big.domMs / studio.sample.domMs).toFixed(2)}x / ${(studio.big.frameMs / studio.sample.frameMs).toFixed(2)}x`, '', 'target within 1.5x');

  // Whole processes, cold, as a user runs them; the two alternate so load on the machine hits both alike.
  const runOnce = (args) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--import', path.join(here, 'rss-hook.mjs'), ...args], { encoding: 'utf8' });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    return { ms, rss: Number(/BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) };
  };
  const spoolArgs = [path.join(root, 'packages/spool/bin/spool.js'), 'build', fixture, '-o', path.join(tmp, 'a.pdf'), '-q'];
  const peerArgs = [path.join(here, 'peer-react-pdf.mjs'), fixture, path.join(tmp, 'b.pdf')];
  const spoolRuns = [];
  const peerRuns = [];
  for (let i = 0; i < 7; i++) {
    spoolRuns.push(runOnce(spoolArgs));
    peerRuns.push(runOnce(peerArgs));
  }
  const summary = (runs) => ({ ms: median(runs.map((r) => r.ms)), rssMb: Math.max(...runs.map((r) => r.rss)) / 1024 });
  const cli = summary(spoolRuns);
  const peerProc = summary(peerRuns);
  row('`spool build` fixture PDF, whole process', ms(cli.ms), ms(peerProc.ms), `target 2x; ${(peerProc.ms / cli.ms).toFixed(1)}x`);
  row('peak RSS of that process', `${cli.rssMb.toFixed(0)} MB`, `${peerProc.rssMb.toFixed(0)} MB`);

  const w = Math.max(...rows.map((r) => r.what.length));
  console.log(`\nSpool bench on ${os.cpus().length} cores, Node ${process.version}\n`);
  console.log(`${'what'.padEnd(w)}  ${'spool'.padStart(10)}  ${'react-pdf'.padStart(10)}  note`);
  for (const r of rows) console.log(`${r.what.padEnd(w)}  ${r.spool.padStart(10)}  ${r.peer.padStart(10)}  ${r.note}`);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
