import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EmojiPdf, emojiSvgToPdf } from '../../../src/paint/pdf/svg-emoji.js';

const twemojiDir = path.dirname(createRequire(import.meta.url).resolve('@twemoji/svg/package.json'));
const twemoji = (key: string) => readFileSync(path.join(twemojiDir, `${key}.svg`), 'utf8');

interface Page {
  content: string;
  extGStates: EmojiPdf['extGStates'];
}

/**
 * A PDF of 72 pt square pages, each drawing its content under the y-down flip the pages of
 * the real writer use. Uncompressed and written by hand so that only the converter is under test.
 */
function pdfOf(pages: Page[]): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${pages.map((_, k) => `${3 + 2 * k} 0 R`).join(' ')}] /Count ${pages.length} >>`];
  for (const [k, { content, extGStates }] of pages.entries()) {
    const gs = Object.entries(extGStates)
      .map(([name, d]) => `/${name} <<${d.ca === undefined ? '' : ` /ca ${d.ca}`}${d.CA === undefined ? '' : ` /CA ${d.CA}`} >>`)
      .join(' ');
    const stream = `1 0 0 -1 0 72 cm\n${content}\n`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] /Resources << /ExtGState << ${gs} >> >> /Contents ${4 + 2 * k} 0 R >>`,
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
    );
  }
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Pixels per side of the comparisons: the 72 pt pages at 288 dpi. */
const PX = 288;

/** An RGBA image, as pixelmatch compares. */
interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Reads a binary PPM (P6, maximum 255), as pdftoppm writes, into RGBA. */
function readPpm(bytes: Buffer): Raster {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 32).toString('latin1'));
  if (!header) throw new Error('pdftoppm wrote something other than a binary PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const rgb = bytes.subarray(header[0].length);
  const data = new Uint8Array(width * height * 4);
  for (let p = 0, q = 0; p < width * height * 3; p += 3, q += 4) {
    data[q] = rgb[p];
    data[q + 1] = rgb[p + 1];
    data[q + 2] = rgb[p + 2];
    data[q + 3] = 255;
  }
  return { width, height, data };
}

/**
 * Rasterises every page with poppler, on white paper. One process for all pages, writing PPM:
 * starting pdftoppm and coding PNGs cost more than drawing the emoji.
 */
function pdftoppm(pdf: Buffer): Raster[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'svg-emoji-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    const check = spawnSync('qpdf', ['--check', path.join(dir, 'in.pdf')], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`qpdf --check failed (exit ${check.status}): ${check.stdout}${check.stderr}`);
    const run = spawnSync('pdftoppm', ['-r', String(PX), path.join(dir, 'in.pdf'), path.join(dir, 'page')], { encoding: 'utf8' });
    if (run.error) throw new Error(`The emoji rendering tests need pdftoppm from poppler-utils (apt-get install poppler-utils): ${run.error.message}`);
    if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr}`);
    // Pages are written as page-1.ppm… or page-01.ppm…, numbered with as many digits as the count.
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ppm'))
      .sort((a, b) => a.length - b.length || a.localeCompare(b));
    return files.map((f) => readPpm(readFileSync(path.join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rasterises an SVG with resvg on white: opaque, so its premultiplied pixels are plain RGBA. */
function resvg(svg: string): Raster {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: PX }, background: 'white' }).render();
  return { width: image.width, height: image.height, data: image.pixels };
}

function writePng(file: string, { width, height, data }: Raster): void {
  const png = new PNG({ width, height });
  png.data = Buffer.from(data);
  writeFileSync(file, PNG.sync.write(png));
}

/**
 * pixelmatch's per-pixel colour threshold: 0.05 catches a fill 10% too dark, which the default
 * 0.1 lets through. Anti-aliased edge pixels are not counted.
 */
const COLOUR_THRESHOLD = 0.05;

/**
 * Share of pixels allowed to differ. Correct conversions measure at most 0.0006 (rasteriser
 * differences along fine detail); a 0.5 pt shift gives 0.004 to 0.02, a 1% scale error 0.007 or
 * more, a flip, a lost transform or a lost alpha 0.03 and up.
 */
const MAX_MISMATCH = 0.003;

interface Case {
  name: string;
  svg: string;
  /** Changes the converted content, to check that the comparison notices. */
  alter?: (content: string) => string;
}

interface Comparison {
  ratio: number;
  /** Where the images were written when the comparison failed. */
  saved?: string;
}

/** Draws each SVG through the converter and poppler, and through resvg, and compares the pixels. */
function compareAll(cases: Case[]): Map<string, Comparison> {
  const converted = cases.map(({ svg, alter }) => {
    const { content, extGStates } = emojiSvgToPdf(svg, 72, 72);
    return { content: alter ? alter(content) : content, extGStates };
  });
  const actual = pdftoppm(pdfOf(converted));
  expect(actual).toHaveLength(cases.length);
  const results = new Map<string, Comparison>();
  for (const [k, { name, svg }] of cases.entries()) {
    const expected = resvg(svg);
    expect([actual[k].width, actual[k].height, expected.width, expected.height]).toEqual([PX, PX, PX, PX]);
    const diff: Raster = { width: PX, height: PX, data: new Uint8Array(PX * PX * 4) };
    const ratio = pixelmatch(actual[k].data, expected.data, diff.data, PX, PX, { threshold: COLOUR_THRESHOLD }) / (PX * PX);
    if (ratio <= MAX_MISMATCH || cases[k].alter) {
      results.set(name, { ratio });
      continue;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), `svg-emoji-${name}-`));
    writePng(path.join(dir, 'pdf.png'), actual[k]);
    writePng(path.join(dir, 'resvg.png'), expected);
    writePng(path.join(dir, 'diff.png'), diff);
    writeFileSync(path.join(dir, 'content.txt'), converted[k].content);
    results.set(name, { ratio, saved: dir });
  }
  return results;
}

/** Twemoji chosen for the features they exercise. */
const EMOJI: Record<string, string> = {
  '1f600': 'a face: circles, ellipses and paths',
  '1f9f5': 'thread: many small paths',
  '1f1fa-1f1f8': 'a flag: stripes and stars',
  '1f44d-1f3fd': 'a skin tone',
  '2764': 'the red heart',
  '1fa87': 'maracas: clip-path and matrix(1 0 0 -1 …) on the same paths',
  '1f6dc': 'wireless: clip-path on a group',
  '1fab0': 'fly: opacity and rotate() on ellipses',
  '1fae7': 'bubbles: fill-opacity inherited from a group',
  '1faae': 'hair pick: the one stroked path, round caps',
  '1f1e6-1f1f1': 'Albania: fill-rule and clip-rule evenodd',
  '1f1fb-1f1ec': 'Virgin Islands: named colours',
};

/** Hand-written SVG for what the Twemoji files use without it changing their pixels, and a little more. */
const SYNTHETIC: Record<string, string> = {
  // The clips here cut visibly: the circle is rotated inside its clip; the group is flipped with it.
  clips: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36">
    <defs><clipPath id="c"><path d="M0 0h10v10H0z"/></clipPath>
      <clipPath id="d" clipPathUnits="userSpaceOnUse"><circle cx="6" cy="6" r="6" transform="translate(2 0)"/></clipPath></defs>
    <circle cx="5" cy="5" r="8" fill="#c33" clip-path="url(#c)" transform="translate(20 4) rotate(30 5 5)"/>
    <g clip-path="url(#c)" transform="matrix(1 0 0 -1 4 34)"><rect width="20" height="20" fill="#36c"/><path d="M0 0L10 10" stroke="#fff" stroke-width="2"/></g>
    <g clip-path="url(#d)" transform="translate(18 20)"><rect width="16" height="16" fill="#3a3"/></g>
  </svg>`,
  evenodd: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36">
    <defs><clipPath id="e"><path clip-rule="evenodd" d="M2 2h32v32H2zM8 8h20v20H8z"/></clipPath></defs>
    <g clip-path="url(#e)"><rect width="36" height="36" fill="#2a2"/></g>
    <path fill-rule="evenodd" fill="#fa0" d="M11 11h14v14H11zM15 15h6v6h-6z"/>
    <g fill-rule="evenodd"><path fill="#a0a" d="M29 4h4v4h-4zM30 5h2v2h-2z"/></g>
  </svg>`,
  strokes: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36">
    <path d="M4 30 L18 8 L32 30" fill="none" stroke="#333" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>
    <polyline points="4,10 10,4 16,10" fill="none" stroke="navy" stroke-width="2" stroke-linejoin="bevel" stroke-opacity=".5"/>
    <line x1="20" y1="33" x2="32" y2="33" stroke="rgb(200,0,100)" stroke-width="2" stroke-linecap="square"/>
    <polygon points="20,12 30,12 25,20" fill="teal" stroke="#000" stroke-width="1" stroke-miterlimit="10"/>
    <path d="M22 4 l4 4 l4 -4" fill="none" stroke="#e60" stroke-width="1.5" stroke-linejoin="miter" stroke-miterlimit="2"/>
  </svg>`,
  inheritance: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36">
    <g fill="#a0f" fill-opacity=".5"><circle cx="12" cy="12" r="8"/><rect x="14" y="14" width="16" height="12" rx="3" fill="orange"/></g>
    <ellipse cx="26" cy="8" rx="6" ry="3" style="fill:#0af;opacity:.7" transform="rotate(20 26 8)"/>
    <g color="#b00"><path d="M4 28h8v6H4z" fill="currentColor"/></g>
    <g opacity=".5"><path d="M16 28h6v6h-6z"/><path d="M24 28h6v6h-6z" fill="#06c" opacity=".5"/></g>
    <path d="M32 28h3v6h-3z" fill="#fff0"/>
  </svg>`,
  // Arcs with every flag and a turned ellipse, quadratic and smooth curves, relative commands.
  curves: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36">
    <path fill="#c00" d="M3 10a5 3 30 1 1 8 2z"/>
    <path fill="#0a0" d="M14 10a5 3 -20 0 1 8 2z"/>
    <path fill="#00c" d="M25 6a4 4 0 1 0 6 6 4 4 0 0 0 -6-6z"/>
    <path fill="#a60" d="M3 20q4 -6 8 0t8 0 8 0 8 0v6H3z"/>
    <path fill="#088" d="M3 30c2-4 4-4 6 0s4 4 6 0S19 26 21 30s4 4 6 0 4-4 6 0v3H3z"/>
    <path fill="none" stroke="#333" stroke-width=".8" d="M4 16A1 1 0 0 1 14 16A10 4 45 0 0 24 16a3 3 0 1 0 6 0"/>
  </svg>`,
  // A viewBox that is neither square nor at the origin, letterboxed as preserveAspectRatio's default.
  viewbox: `<svg xmlns="http://www.w3.org/2000/svg" width="36" height="36" viewBox="10 5 40 20">
    <rect x="10" y="5" width="40" height="20" fill="#fd0"/><circle cx="20" cy="15" r="8" fill="#04a"/>
    <path d="M30 8h16l-8 14z" fill="#e21"/>
  </svg>`,
  stretched: `<svg xmlns="http://www.w3.org/2000/svg" width="36" height="36" viewBox="0 0 20 10" preserveAspectRatio="none">
    <circle cx="5" cy="5" r="4" fill="#04a"/><path d="M12 1h6v8z" fill="#e21"/>
  </svg>`,
};

const lines = (c: string) => c.split('\n');

/** Conversions broken on purpose: each must fail the comparison. */
const BROKEN: Case[] = [
  { name: 'flipped', svg: twemoji('1f600'), alter: (c) => `1 0 0 -1 0 72 cm\n${c}` },
  { name: 'shifted half a point', svg: twemoji('2764'), alter: (c) => `1 0 0 1 0.5 0 cm\n${c}` },
  { name: 'scaled by 1%', svg: twemoji('1f1fa-1f1f8'), alter: (c) => `1.01 0 0 1.01 0 0 cm\n${c}` },
  {
    name: 'colours 10% too dark',
    svg: twemoji('1f600'),
    alter: (c) => c.replace(/^(\S+) (\S+) (\S+) rg$/gm, (_, r, g, b) => `${r * 0.9} ${g * 0.9} ${b * 0.9} rg`),
  },
  // The viewBox scale is the first `cm`, on line 4.
  { name: 'element transforms lost', svg: twemoji('1fa87'), alter: (c) => lines(c).filter((l, k) => !(l.endsWith(' cm') && k > 3)).join('\n') },
  { name: 'alpha lost', svg: twemoji('1fab0'), alter: (c) => lines(c).filter((l) => !l.endsWith(' gs')).join('\n') },
  { name: 'clips lost', svg: SYNTHETIC.clips, alter: (c) => c.replace(/^h\nW\*? n$/gm, 'h\nn') },
  { name: 'even-odd rule lost', svg: SYNTHETIC.evenodd, alter: (c) => c.replace(/W\* n/g, 'W n').replace(/f\*/g, 'f') },
];

describe('emojiSvgToPdf renders like resvg', () => {
  let results: Map<string, Comparison>;
  beforeAll(() => {
    results = compareAll([
      ...Object.keys(EMOJI).map((key) => ({ name: key, svg: twemoji(key) })),
      ...Object.entries(SYNTHETIC).map(([name, svg]) => ({ name, svg })),
      ...BROKEN,
    ]);
  });

  it.each(Object.entries(EMOJI))('%s (%s)', (key) => {
    const { ratio, saved } = results.get(key)!;
    expect(ratio, `mismatch ${ratio.toFixed(5)}, images in ${saved}`).toBeLessThanOrEqual(MAX_MISMATCH);
  });

  it.each(Object.keys(SYNTHETIC))('synthetic: %s', (name) => {
    const { ratio, saved } = results.get(name)!;
    expect(ratio, `mismatch ${ratio.toFixed(5)}, images in ${saved}`).toBeLessThanOrEqual(MAX_MISMATCH);
  });

  it.each(BROKEN.map((c) => c.name))('notices a broken conversion: %s', (name) => {
    expect(results.get(name)!.ratio).toBeGreaterThan(MAX_MISMATCH);
  });
});

describe('emojiSvgToPdf output', () => {
  const svg = (body: string, attrs = 'viewBox="0 0 36 36"') => `<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>${body}</svg>`;

  it('clips to the box and maps the viewBox onto it', () => {
    const { content } = emojiSvgToPdf(svg('<path d="M0 0h36v36H0z"/>'), 18, 18);
    expect(content.split('\n')).toEqual(['q', '0 0 18 18 re', 'W n', '0.5 0 0 0.5 0 0 cm', '0 0 0 rg', '0 0 m', '36 0 l', '36 36 l', '0 36 l', 'h', 'f', 'Q']);
  });

  it('letterboxes a viewBox of another shape, centred, and stretches it under preserveAspectRatio="none"', () => {
    const first = (attrs: string) => emojiSvgToPdf(svg('<path d="M0 0h1v1z"/>', attrs), 72, 72).content.split('\n')[3];
    expect(first('viewBox="0 0 36 18"')).toBe('2 0 0 2 0 18 cm');
    expect(first('viewBox="10 0 36 18"')).toBe('2 0 0 2 -20 18 cm');
    expect(first('viewBox="0 0 36 18" preserveAspectRatio="xMinYMin meet"')).toBe('2 0 0 2 0 0 cm');
    expect(first('viewBox="0 0 36 18" preserveAspectRatio="xMidYMid slice"')).toBe('4 0 0 4 -36 0 cm');
    expect(first('viewBox="0 0 36 18" preserveAspectRatio="none"')).toBe('2 0 0 4 0 0 cm');
    // Without a viewBox the width and height are the user space.
    expect(first('width="144" height="144"')).toBe('0.5 0 0 0.5 0 0 cm');
  });

  it('fills black by default, inherits fill through groups, and skips fill="none"', () => {
    const { content } = emojiSvgToPdf(svg('<circle r="1"/><g fill="#f00"><circle r="1"/><g><circle r="1" fill="none"/><circle r="1" fill="#0f0"/></g></g>'), 36, 36);
    expect(content.match(/ rg$/gm)).toHaveLength(3);
    expect(content).toMatch(/^0 0 0 rg$/m);
    expect(content).toMatch(/^1 0 0 rg$/m);
    expect(content).toMatch(/^0 1 0 rg$/m);
  });

  it('reads #rgb, #rrggbb, #rrggbbaa, rgb(), CSS names and currentColor', () => {
    const fills = (fill: string) => emojiSvgToPdf(svg(`<g color="#00f"><circle r="1" fill="${fill}"/></g>`), 36, 36);
    expect(fills('#f80').content).toMatch(/^1 0\.533 0 rg$/m);
    expect(fills('#FF8800').content).toMatch(/^1 0\.533 0 rg$/m);
    expect(fills('rgb(255, 136, 0)').content).toMatch(/^1 0\.533 0 rg$/m);
    expect(fills('azure').content).toMatch(/^0\.941 1 1 rg$/m);
    expect(fills('navy').content).toMatch(/^0 0 0\.502 rg$/m);
    expect(fills('currentColor').content).toMatch(/^0 0 1 rg$/m);
    const translucent = fills('#ff000080');
    expect(translucent.extGStates).toEqual({ EmojiF502: { ca: 0.502 } });
    // An unreadable colour keeps the inherited one.
    expect(fills('bogus').content).toMatch(/^0 0 0 rg$/m);
  });

  it('names alpha states by their values, shares them, and draws opaque shapes without one', () => {
    const { content, extGStates } = emojiSvgToPdf(
      svg('<circle r="1" opacity=".5"/><circle r="2" fill-opacity=".5"/><circle r="3"/><path d="M0 0h1" stroke="#000" stroke-opacity=".25" fill="#fff" opacity=".5"/>'),
      36,
      36,
    );
    expect(extGStates).toEqual({ EmojiF500: { ca: 0.5 }, EmojiF500S125: { ca: 0.5, CA: 0.125 } });
    expect(content.match(/\/EmojiF500 gs/g)).toHaveLength(2);
    expect(content.match(/ gs$/gm)).toHaveLength(3);
    expect(emojiSvgToPdf(svg('<circle r="1" opacity=".5"/>'), 36, 36, { resourcePrefix: 'Tw' }).extGStates).toEqual({ TwF500: { ca: 0.5 } });
  });

  it('multiplies group opacity into the shapes inside', () => {
    const { extGStates } = emojiSvgToPdf(svg('<g opacity=".5"><g fill-opacity=".5"><circle r="1" opacity=".5"/></g></g>'), 36, 36);
    expect(extGStates).toEqual({ EmojiF125: { ca: 0.125 } });
  });

  it('skips invisible shapes', () => {
    const body = '<circle r="1" opacity="0"/><circle r="1" fill="none"/><circle r="0"/><rect width="0" height="5"/><path d=""/><circle r="1" display="none"/>';
    expect(emojiSvgToPdf(svg(body), 36, 36).content.split('\n')).toEqual(['q', '0 0 36 36 re', 'W n', 'Q']);
  });

  it('writes a transform as cm, after the shape opens its graphics state', () => {
    const { content } = emojiSvgToPdf(svg('<circle r="1" transform="rotate(90 1 1)"/>'), 36, 36);
    expect(content).toMatch(/^q\n0 1 -1 0 2 0 cm\n0 0 0 rg\n1 0 m\n/m);
    const chain = emojiSvgToPdf(svg('<g transform="translate(1, 2) scale(2) skewX(45)"><circle r="1"/></g>'), 36, 36).content;
    expect(chain).toMatch(/^2 0 2 2 1 2 cm$/m);
    // A malformed transform is ignored.
    expect(emojiSvgToPdf(svg('<circle r="1" transform="rotate(90"/>'), 36, 36).content).not.toMatch(/ cm$/m);
  });

  it('applies a clip path in the user space of the element, after its transform', () => {
    const { content } = emojiSvgToPdf(
      svg('<defs><clipPath id="a"><path d="M0 0h2v2H0z"/></clipPath></defs><circle r="1" clip-path="url(#a)" transform="translate(5 5)"/>'),
      36,
      36,
    );
    expect(content).toContain('q\n1 0 0 1 5 5 cm\n0 0 m\n2 0 l\n2 2 l\n0 2 l\nh\nW n\n0 0 0 rg\n1 0 m');
  });

  it('moves clip children by their own transform and uses the clip rule', () => {
    const { content } = emojiSvgToPdf(
      svg('<clipPath id="a" clip-rule="evenodd"><path d="M0 0h2v2H0z" transform="translate(10 0)"/></clipPath><g clip-path="url(\'#a\')"><circle r="1"/></g>'),
      36,
      36,
    );
    expect(content).toContain('q\n10 0 m\n12 0 l\n12 2 l\n10 2 l\nh\nW* n\n');
  });

  it('draws without a clip whose reference is missing, and hides what an empty clip path clips', () => {
    // The only clip is the box's.
    expect(emojiSvgToPdf(svg('<circle r="1" clip-path="url(#nothing)"/>'), 36, 36).content.match(/W n/g)).toHaveLength(1);
    const empty = emojiSvgToPdf(svg('<clipPath id="a"/><circle r="1" clip-path="url(#a)"/>'), 36, 36).content;
    expect(empty).toContain('0 0 m\nh\nW n');
  });

  it('strokes with width, caps, joins and miter limit, filling and stroking in one operator', () => {
    const { content } = emojiSvgToPdf(
      svg('<path d="M0 0L1 1" fill="#fff" stroke="#7a8891" stroke-width="2" stroke-linecap="round" stroke-linejoin="bevel" stroke-miterlimit="10" fill-rule="evenodd"/>'),
      36,
      36,
    );
    expect(content).toContain('q\n1 1 1 rg\n0.478 0.533 0.569 RG\n2 w\n1 J\n2 j\n10 M\n0 0 m\n1 1 l\nB*\nQ');
    expect(emojiSvgToPdf(svg('<path d="M0 0L1 1" fill="none" stroke="#000"/>'), 36, 36).content).toContain('0 0 0 RG\n1 w\n4 M\n0 0 m\n1 1 l\nS\nQ');
    expect(emojiSvgToPdf(svg('<path d="M0 0L1 1" fill="none" stroke="#000" stroke-width="0"/>'), 36, 36).content).not.toContain(' l');
  });

  it('draws circles and ellipses as four cubics from 3 o’clock, clockwise', () => {
    const { content } = emojiSvgToPdf(svg('<ellipse cx="10" cy="20" rx="4" ry="2"/>'), 36, 36);
    expect(content).toContain('14 20 m\n14 21.105 12.209 22 10 22 c\n7.791 22 6 21.105 6 20 c\n6 18.895 7.791 18 10 18 c\n12.209 18 14 18.895 14 20 c\nh\nf');
  });

  it('ignores comments, the XML declaration, doctypes, text and unknown elements', () => {
    const plain = emojiSvgToPdf(svg('<path d="M0 0h1v1z"/>'), 36, 36).content;
    const noisy = emojiSvgToPdf(
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg>\n<!-- a <path d="M9 9h1"/> in a comment -->\n` +
        svg('<title>x &amp; y</title>text<linearGradient id="g"><stop offset="0"/></linearGradient><foo bar="1"><path d="M5 5h1"/></foo><path d="M0 0h1v1z"/><![CDATA[<path d="M7 7h1"/>]]>'),
      36,
      36,
    ).content;
    expect(noisy).toBe(plain);
  });

  it('reads style declarations over attributes, and decodes entities', () => {
    const { content } = emojiSvgToPdf(svg('<path fill="#f00" style="fill: #00f !important; fill-opacity:50%" d="M0 0&#x68;1"/>'), 36, 36);
    expect(content).toMatch(/^0 0 1 rg\n0 0 m\n1 0 l$/m);
    expect(content).toContain('/EmojiF500 gs');
  });

  it('gives empty content for no svg, or an empty box', () => {
    expect(emojiSvgToPdf('', 36, 36)).toEqual({ content: '', extGStates: {} });
    expect(emojiSvgToPdf('<html/>', 36, 36).content).toBe('');
    expect(emojiSvgToPdf(svg('<circle r="1"/>'), 0, 36).content).toBe('');
  });
});

describe('emojiSvgToPdf over the whole Twemoji set', () => {
  it('converts every file to balanced content whose resources are all declared', () => {
    const files = readdirSync(twemojiDir).filter((f) => f.endsWith('.svg'));
    expect(files.length).toBeGreaterThanOrEqual(3700);
    const operators = new Set(['q', 'Q', 'cm', 're', 'W', 'W*', 'n', 'm', 'l', 'c', 'h', 'rg', 'RG', 'w', 'J', 'j', 'M', 'f', 'f*', 'S', 'B', 'B*', 'gs']);
    const failures: string[] = [];
    for (const file of files) {
      const { content, extGStates } = emojiSvgToPdf(readFileSync(path.join(twemojiDir, file), 'utf8'), 36, 36);
      let depth = 0;
      let painted = 0;
      let bad = '';
      for (const line of content.split('\n')) {
        // `W n` is the one line holding two operators.
        const op = line === 'W n' || line === 'W* n' ? 'W' : line.slice(line.lastIndexOf(' ') + 1);
        if (!operators.has(op)) bad ||= `operator in "${line}"`;
        if (op === 'q') depth++;
        if (op === 'Q' && --depth < 0) bad ||= 'unbalanced Q';
        if (op === 'f' || op === 'f*' || op === 'S' || op === 'B' || op === 'B*') painted++;
        if (op === 'gs' && !(line.slice(1, -3) in extGStates)) bad ||= `undeclared ${line}`;
      }
      if (/NaN|Infinity|\de[+-]/.test(content)) bad ||= 'a number PDF cannot read';
      if (depth !== 0) bad ||= 'unbalanced q';
      if (painted === 0) bad ||= 'nothing painted';
      if (bad) failures.push(`${file}: ${bad}`);
    }
    expect(failures).toEqual([]);
  });
});
