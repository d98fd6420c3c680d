// npm run gallery: every composition in three themes and two ratios, one sheet a composition, in
// docs/gallery/. Each sheet is 1080 px wide: themes across, ratios down. The photo-* sheets show the
// picture covers and the image grid on the photo fixture's photographs, where the others have
// diagrams. Rebuild after a visual change and look at every sheet before committing it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { buildCarousel, importSource } from '../packages/spool/dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'gallery');
const media = path.join(root, 'packages', 'spool', 'test', 'fixtures');
const THEMES = ['paper', 'midnight', 'sunset'];
const RATIOS = ['linkedin-portrait', 'instagram-square'];
const author = { name: 'Ada Lovelace', handle: 'ada' };
const p = (text) => ({ type: 'paragraph', spans: [{ text }] });
const b = (text) => ({ type: 'paragraph', spans: [{ text, bold: true }] });

/** One post that auto layout sets in the composition, after a cover post. */
const SAMPLES = {
  cover: { title: 'Knowledge distillation, explained in ten slides', blocks: [p('x')] },
  'cover-photo': { blocks: [p('x')], cover: 'photo' },
  statement: { blocks: [{ type: 'paragraph', spans: [{ text: 'A carousel is not a thread with bigger fonts. ' }, { text: 'Every slide has to earn the next one.', bold: true }] }] },
  quote: { blocks: [{ type: 'quote', spans: [{ text: 'Simplicity is prerequisite for reliability.' }] }, p('— Edsger W. Dijkstra')] },
  stat: { blocks: [p('87% of readers never reach slide ten of a carousel.'), p('Shorter decks get finished: put the payoff early.')] },
  steps: { title: 'How the student learns:', blocks: [1, 2, 3].map((n, i) => ({ type: 'listItem', ordered: true, ordinal: n, spans: [{ text: ['Train the teacher on the task and its data.', 'Soften its outputs with a higher temperature.', 'Train the student on those soft targets.'][i] }] })) },
  comparison: { blocks: [b('Onboarding, rewritten'), p('Before: fourteen steps, a video and a form to fill in.'), p('After: three steps and you are in.')] },
  classic: { blocks: [p('During this process the student learns to reproduce not just the correct answers, but also the teacher’s relative confidence in those answers and its mistakes. This knowledge about how the teacher distributes probability mass helps the student generalise better.')] },
  'image-focus': { blocks: [p('The teacher’s soft targets carry more than the right answer.')], media: [{ type: 'image', src: 'media/kd-7.png', alt: 'Bar charts of softmax at T = 1 and T = 10' }] },
  section: { blocks: [{ type: 'heading', level: 2, spans: [{ text: 'Types of knowledge distillation' }] }] },
  code: { blocks: [p('Keep only what you use:'), { type: 'code', lang: 'python', spans: [{ text: 'active = [u for u in users if u.is_active]\nprint(len(active), "active")  # count', code: true }] }] },
  'image-grid': { blocks: [p('Three views of the same model.')], media: ['media/kd-1.jpg', 'media/kd-7.png', 'media/kd-16.webp'].map((src) => ({ type: 'image', src, alt: 'A figure from the thread' })) },
  'statement-highlight': { blocks: [{ type: 'paragraph', spans: [{ text: 'A carousel is not a thread with bigger fonts. ' }, { text: 'Every slide has to earn the next one.', bold: true }] }], emphasis: 'highlight' },
  outro: { blocks: [p('x')], last: true },
  'outro-link': { blocks: [p('x')], last: true, link: true },
  'outro-subscribe': { blocks: [p('x')], last: true, style: 'subscribe' },
};

function documentFor(name, sample) {
  if (sample.link) return { ...documentFor('outro', { blocks: sample.blocks }), url: 'https://www.turingpost.com/p/kd' };
  const cover = { id: '1', author, blocks: [p('Knowledge distillation, explained in ten slides')], media: [] };
  const post = { id: '2', author, blocks: sample.blocks, media: sample.media ?? [] };
  if (name.startsWith('cover')) return { schemaVersion: 1, posts: [cover, post] };
  if (sample.title) return { schemaVersion: 1, posts: [cover, { id: '3', author, blocks: [p(sample.title)], media: [] }, ...sample.blocks.map((bl, i) => ({ id: String(i + 4), author, blocks: [bl], media: [] }))] };
  return { schemaVersion: 1, posts: [cover, post] };
}

/**
 * Pages of the photo fixture (a thread on the Hubble deep field, its author's avatar a photograph):
 * the image-led cover on the Hubble photograph, the photo-led cover on the avatar, and the post with
 * three photographs, which auto layout sets as an image grid.
 */
const photoThread = await importSource(path.join(media, 'photo-thread.json'), {});
const PHOTO_SAMPLES = {
  'photo-cover-image': { cover: 'image', shows: 'cover', page: () => 1 },
  'photo-cover-photo': { cover: 'photo', shows: 'cover', page: () => 1 },
  'photo-image-grid': { shows: 'image-grid', page: (result) => result.laidOut.pages.findIndex((p) => p.layout === 'image-grid') + 1 },
};

/** One gallery sheet: `render(theme, ratio)` gives a page's PNG and the composition it was set in. */
async function sheet(name, expected, render) {
  const tiles = [];
  let top = gap;
  for (const ratio of RATIOS) {
    let rowH = 0;
    for (const [i, theme] of THEMES.entries()) {
      const { png, shownLayout } = await render(theme, ratio);
      const tile = await sharp(png).resize(tileW).png().toBuffer();
      const meta = await sharp(tile).metadata();
      tiles.push({ input: tile, left: gap + i * (tileW + gap), top });
      rowH = Math.max(rowH, meta.height);
      if (shownLayout !== expected) console.warn(`${name}: ${theme} ${ratio} was set as ${shownLayout}`);
    }
    top += rowH + gap;
  }
  const bytes = await sharp({ create: { width: 1080, height: top, channels: 3, background: '#8a8a8a' } })
    .composite(tiles)
    .png({ palette: true, quality: 90, effort: 8 })
    .toBuffer();
  writeFileSync(path.join(out, `${name}.png`), bytes);
  console.log(`docs/gallery/${name}.png ${(bytes.length / 1024).toFixed(0)} KB`);
}

mkdirSync(out, { recursive: true });
const gap = 12;
const tileW = Math.floor((1080 - gap * (THEMES.length + 1)) / THEMES.length);
for (const [name, sample] of Object.entries(SAMPLES)) {
  await sheet(name, name.replace(/-link|-photo|-subscribe|-highlight/, ''), async (theme, ratio) => {
    const doc = documentFor(name, sample);
    const page = name.startsWith('cover') ? 1 : sample.last ? undefined : 2;
    const style = sample.link ? 'link' : sample.style;
    const design = {
      theme, ratio, cta: { enabled: name.startsWith('outro'), ...(style ? { style } : {}) },
      ...(sample.cover ? { coverStyle: sample.cover } : {}), ...(sample.emphasis ? { emphasis: sample.emphasis } : {}),
      ...(style === 'subscribe' ? { brand: { website: 'ada.substack.com' } } : {}),
    };
    const result = await buildCarousel(doc, { design, format: 'png', page: page ?? 3, baseDir: media, source: name });
    return { png: result.files[0].bytes, shownLayout: result.laidOut.pages[(page ?? 3) - 1].layout };
  });
}
for (const [name, sample] of Object.entries(PHOTO_SAMPLES)) {
  await sheet(name, sample.shows, async (theme, ratio) => {
    const design = { theme, ratio, ...(sample.cover ? { coverStyle: sample.cover } : {}) };
    const options = { design, baseDir: photoThread.baseDir, source: 'photo-thread.json' };
    // The page is found on the laid-out deck first: a ratio may set the thread on more or fewer pages.
    const page = sample.page(await buildCarousel(photoThread.document, { ...options, format: 'svg' }));
    const result = await buildCarousel(photoThread.document, { ...options, format: 'png', page });
    return { png: result.files[0].bytes, shownLayout: result.laidOut.pages[page - 1].layout };
  });
}
