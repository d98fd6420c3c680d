import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTextEngine } from '../../../src/node/fonts.js';
import { paintPdf } from '../../../src/paint/pdf/index.js';
import type { Scene, SceneItem } from '../../../src/scene/types.js';
import type { TextStyle } from '../../../src/text/types.js';
import { SLIDE } from '../fixture-scene.js';
import { readPdf } from './read-pdf.js';

const engine = defaultTextEngine();
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Lines laid out by the text engine, one under the other, as the scene builder places them. */
function sceneOf(lines: [string, Partial<TextStyle>][]): Scene {
  const items: SceneItem[] = [];
  let y = 40;
  for (const [text, over] of lines) {
    const style: TextStyle = { family: 'sans', weight: 400, italic: false, size: 16, color: '#000000', ...over };
    for (const line of engine.breakLines([{ text, style }], 380)) {
      for (const run of line.runs) {
        items.push({ type: 'text', x: 24 + run.x, y, face: run.face, size: run.size, color: run.color, text: run.text, width: run.width, glyphs: run.glyphs });
      }
      y += 28;
    }
  }
  return { ...SLIDE, items };
}

const resources = { face: (key: string) => engine.face(key), image: () => undefined };

// Ligatures (Inter's arrows, the serif faces' fi and ffl), JetBrains Mono's ligatures (one spacer
// glyph shared by all of them), accents typed as combining marks, and text in fallback faces.
const LINES: [string, Partial<TextStyle>][] = [
  ['Arrows -> and => in Inter', {}],
  ['a -> b != c --> d <= e', { family: 'mono' }],
  ['office affinity waffle fjord', { family: 'serif' }],
  ['Efficient baffling soufflé', { family: 'display', weight: 700 }],
  ['Tie\u0302\u0301ng Vie\u0323\u0302t co\u0301 da\u0302\u0301u', {}],
  ['Привет, мир! Γειά σου.', { family: 'grotesk' }],
];

describe('copy and search text of engine-shaped runs', () => {
  it('carries per-glyph text exactly where glyphs are not one per character', () => {
    const runs = LINES.flatMap(([text, over]) =>
      engine.breakLines([{ text, style: { family: 'sans', weight: 400, italic: false, size: 16, color: '#000', ...over } }], 380),
    ).flatMap((l) => l.runs);
    const ligature = runs.flatMap((r) => r.glyphs).find((g) => g.text !== undefined && [...g.text].length > 1);
    expect(ligature).toBeDefined();
    for (const run of runs) {
      const carried = run.glyphs.filter((g) => g.text !== undefined);
      if (carried.length === 0) expect(run.glyphs.length).toBe([...run.text].length);
    }
  });

  it('reads back as the words, with pdf.js and with pdftotext', async () => {
    const pdf = await paintPdf([sceneOf(LINES)], resources);
    const expected = LINES.map(([text]) => squash(text));
    const viaPdfJs = squash((await readPdf(pdf)).pages[0].text);
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'spool-pdf-text-')), 'text.pdf');
    await writeFile(file, pdf);
    const viaPoppler = squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    for (const line of expected) {
      expect(viaPdfJs).toContain(line);
      expect(viaPoppler).toContain(line);
    }
  });
});
