import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import type {
  FontFace,
  ImageResource,
  PaintResources,
  PlacedGlyph,
  Scene,
  SceneItem,
  TextItem,
} from '../../src/scene/types.js';

/**
 * Hand-built scenes for the painter tests: real Inter faces shaped with fontkit, real images and a
 * real Twemoji, so the painters are exercised on the same kind of input the layout produces.
 */

const require = createRequire(import.meta.url);
export const MEDIA_DIR = fileURLToPath(new URL('../fixtures/media/', import.meta.url));
export const BASELINE_DIR = fileURLToPath(new URL('../fixtures/baselines/', import.meta.url));

interface ShapingFace extends FontFace {
  font: fontkit.Font;
}

function loadFace(key: string, weight: string): ShapingFace {
  const file = require.resolve(`@expo-google-fonts/inter/${weight}/Inter_${weight}.ttf`);
  const bytes = new Uint8Array(readFileSync(file));
  const font = fontkit.create(Buffer.from(bytes)) as fontkit.Font;
  return {
    key,
    family: font.familyName,
    bytes,
    unitsPerEm: font.unitsPerEm,
    glyphPath: (id) => font.getGlyph(id).path.toSVG(),
    advance: (id) => font.getGlyph(id).advanceWidth,
    font,
  };
}

const faces = new Map<string, ShapingFace>([
  ['sans-400', loadFace('sans-400', '400Regular')],
  ['sans-700', loadFace('sans-700', '700Bold')],
]);

function mediaImage(key: string, file: string, mime: ImageResource['mime'], width: number, height: number) {
  return { key, mime, bytes: new Uint8Array(readFileSync(MEDIA_DIR + file)), width, height };
}

const images = new Map<string, ImageResource>([
  ['photo', mediaImage('photo', 'kd-1.jpg', 'image/jpeg', 1200, 675)],
  ['chart', mediaImage('chart', 'kd-7.png', 'image/png', 1000, 1000)],
  [
    'emoji:1f680',
    {
      key: 'emoji:1f680',
      mime: 'image/svg+xml',
      bytes: new Uint8Array(readFileSync(require.resolve('@twemoji/svg/1f680.svg'))),
      width: 36,
      height: 36,
    },
  ],
]);

export const resources: PaintResources = {
  face(key) {
    const face = faces.get(key);
    if (!face) throw new Error(`unknown face ${key}`);
    return face;
  },
  image: (key) => images.get(key),
};

export function fixtureFace(key: string): ShapingFace {
  return resources.face(key) as ShapingFace;
}

/**
 * Shapes one line with fontkit (whole-line, pen positions in page units). Like the layout, it
 * says what each glyph stands for when glyphs and code points are not one for one.
 */
export function shapeLine(text: string, x: number, y: number, size: number, color: string, face = 'sans-400'): TextItem {
  const { font } = fixtureFace(face);
  const run = font.layout(text);
  const scale = size / font.unitsPerEm;
  const oneForOne = run.glyphs.length === [...text].length;
  let pen = 0;
  const glyphs = run.glyphs.map((g, i) => {
    const p = run.positions[i];
    const placed: PlacedGlyph = { id: g.id, x: (pen + p.xOffset) * scale, y: -p.yOffset * scale, advance: p.xAdvance * scale };
    if (!oneForOne) placed.text = String.fromCodePoint(...g.codePoints);
    pen += p.xAdvance;
    return placed;
  });
  return { type: 'text', x, y, face, size, color, text, width: pen * scale, glyphs };
}

/** Greedy word wrap, enough to fill pages with realistic lines. */
export function wrapLines(text: string, maxWidth: number, size: number, face = 'sans-400'): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && shapeLine(next, 0, 0, size, '#000', face).width > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export const SLIDE = { width: 432, height: 540, pixelWidth: 1080, pixelHeight: 1350 };

/** One slide using every item kind, including hostile text and a link. */
export function sampleScene(): Scene {
  const title = shapeLine('Ship it <script>alert(1)</script> & more', 32, 96, 18, '#ffffff', 'sans-700');
  const body = shapeLine('Kerning: AVAWAY To Ty fi', 32, 140, 18, '#e5e7eb');
  const emojiX = 32 + body.width + 4;
  const link = shapeLine('example.com/post?a=1&b=2', 32, 176, 16, '#93c5fd');
  const items: SceneItem[] = [
    { type: 'rect', x: 0, y: 0, w: 432, h: 540, fill: '#101828' },
    {
      type: 'rect',
      x: 0,
      y: 0,
      w: 432,
      h: 48,
      fill: { type: 'linear', x1: 0, y1: 0, x2: 432, y2: 0, stops: [{ offset: 0, color: '#7c3aed' }, { offset: 1, color: '#db2777', opacity: 0.5 }] },
    },
    { type: 'path', d: 'M 380 420 m -20 0 a 20 20 0 1 0 40 0 a 20 20 0 1 0 -40 0 Z', fill: '#facc15', opacity: 0.8 },
    { type: 'rect', x: 24, y: 60, w: 384, h: 130, radius: 16, fill: '#1f2937', stroke: { color: '#374151', width: 1 } },
    title,
    body,
    { type: 'image', key: 'emoji:1f680', x: emojiX, y: 140 - 15, w: 18, h: 18, fit: 'contain', alt: '🚀' },
    link,
    // Underlines are scene rects, as the scene builder emits them: 0.06 of the size thick, 0.1 below the baseline.
    { type: 'rect', x: link.x, y: link.y + link.size * 0.1, w: link.width, h: link.size * 0.06, fill: link.color },
    { type: 'link', x: link.x, y: link.y - 14, w: link.width, h: 18, href: 'https://example.com/post?a=1&b=2' },
    { type: 'image', key: 'photo', x: 24, y: 210, w: 240, h: 240, fit: 'cover', radius: 20, alt: 'A diagram "quoted" <b>' },
    { type: 'image', key: 'chart', x: 280, y: 210, w: 128, h: 128, fit: 'contain', radius: 64 },
    { type: 'rect', x: 300, y: 470, w: 100, h: 40, fill: '#ef4444' },
  ];
  return { ...SLIDE, items };
}

const PARAGRAPH =
  'Most carousel tools export screenshots. We lay text out once with real font metrics and paint ' +
  'the same scene as a PDF with selectable text, an SVG preview and exact PNG slides for every platform.';

/** A text-only carousel like a long thread: a title and a few paragraphs per page. */
export function textCarousel(pages: number): Scene[] {
  const scenes: Scene[] = [];
  for (let p = 0; p < pages; p++) {
    const items: SceneItem[] = [{ type: 'rect', x: 0, y: 0, w: 432, h: 540, fill: '#ffffff' }];
    items.push(shapeLine(`Page ${p + 1}: why scenes matter`, 32, 72, 26, '#111827', 'sans-700'));
    let y = 120;
    for (let para = 0; para < 3; para++) {
      for (const line of wrapLines(PARAGRAPH, 368, 17)) {
        items.push(shapeLine(line, 32, y, 17, '#374151'));
        y += 25;
      }
      y += 14;
    }
    items.push(shapeLine(`${p + 1} / ${pages}`, 360, 516, 12, '#6b7280'));
    scenes.push({ ...SLIDE, items });
  }
  return scenes;
}
