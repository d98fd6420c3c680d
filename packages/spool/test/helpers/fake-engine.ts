import type { FontFace } from '../../src/scene/types.js';
import type { ShapedRun, StyledText, TextEngine, TextLine } from '../../src/text/types.js';

/**
 * A monospaced stand-in for the real engine: every character is 0.5 em wide, lines break at
 * spaces (or anywhere in a word longer than the line). Lets layout be tested with exact numbers.
 */
export function fakeEngine(): TextEngine {
  const advance = (t: StyledText) => t.style.size * 0.5;
  const breakLines = (texts: readonly StyledText[], maxWidth: number): TextLine[] => {
    const chars = texts.flatMap((t) => [...t.text].map((ch) => ({ ch, t })));
    const lines: TextLine[] = [];
    let current: typeof chars = [];
    const width = (cs: typeof chars) => cs.reduce((w, c) => w + advance(c.t), 0);
    const push = (cs: typeof chars, hard: boolean) => {
      while (cs.length && cs[cs.length - 1].ch === ' ') cs = cs.slice(0, -1);
      const runs: ShapedRun[] = [];
      let x = 0;
      for (const c of cs) {
        const w = advance(c.t);
        const last = runs[runs.length - 1];
        if (last && last.color === c.t.style.color && last.size === c.t.style.size && last.href === c.t.style.href) {
          last.text += c.ch;
          last.width += w;
        } else runs.push({ text: c.ch, face: 'fake', size: c.t.style.size, color: c.t.style.color, href: c.t.style.href, x, width: w, glyphs: [] });
        x += w;
      }
      const size = Math.max(...cs.map((c) => c.t.style.size), texts[0]?.style.size ?? 10);
      lines.push({ width: x, ascent: size * 0.8, descent: size * 0.2, runs, hardBreak: hard });
    };
    for (const c of chars) {
      if (c.ch === '\n') { push(current, true); current = []; continue; }
      current.push(c);
      if (width(current) > maxWidth) {
        const lastSpace = current.map((x) => x.ch).lastIndexOf(' ');
        if (lastSpace > 0) { push(current.slice(0, lastSpace), false); current = current.slice(lastSpace + 1); }
        else if (current.length > 1) { push(current.slice(0, -1), false); current = current.slice(-1); }
      }
    }
    if (current.length || lines.length === 0) push(current, true);
    return lines;
  };
  const engine: TextEngine = {
    locale: {},
    localized: () => engine,
    breakLines,
    measure: (texts) => texts.reduce((w, t) => w + [...t.text].length * advance(t), 0),
    metrics: () => ({ ascent: 0.8, descent: 0.2, capHeight: 0.7, xHeight: 0.5 }),
    face: (key): FontFace => ({ key, family: 'Fake', bytes: new Uint8Array(), unitsPerEm: 1000, glyphPath: () => '', advance: () => 0 }),
  };
  return engine;
}
