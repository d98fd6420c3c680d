import type { LaidElement, LaidOutDeck, LaidOutPage, PlacedLine } from '../layout/types.js';
import svgpath from 'svgpath';
import { patternPaths } from './patterns.js';
import type { Paint, Scene, SceneItem } from '../scene/types.js';

/** Laid-out page -> Scene: background, pattern, then every element in reading order. */
export function buildScene(deck: LaidOutDeck, page: LaidOutPage): Scene {
  const { width, height, theme, design } = deck;
  const background: Paint = theme.backgroundTo
    ? { type: 'linear', x1: 0, y1: 0, x2: width, y2: height, stops: [{ offset: 0, color: theme.background }, { offset: 1, color: theme.backgroundTo }] }
    : theme.background;
  const items: SceneItem[] = [{ type: 'rect', x: 0, y: 0, w: width, h: height, fill: background }];
  const pattern = design.pattern;
  items.push(...patternPaths(pattern.id, width, height, pattern.color ?? theme.pattern.color, pattern.opacity ?? theme.pattern.opacity));
  for (const element of page.elements) items.push(...elementItems(element));
  return { width, height, pixelWidth: design.ratio.width, pixelHeight: design.ratio.height, items };
}

export function buildScenes(deck: LaidOutDeck): Scene[] {
  return deck.pages.map((page) => buildScene(deck, page));
}

function elementItems(element: LaidElement): SceneItem[] {
  switch (element.type) {
    case 'rect':
      return [{ type: 'rect', x: element.x, y: element.y, w: element.w, h: element.h, radius: element.radius, fill: element.fill, opacity: element.opacity, stroke: element.stroke }];
    case 'image':
      return [{ type: 'image', key: element.src, x: element.x, y: element.y, w: element.w, h: element.h, fit: element.fit, radius: element.radius, alt: element.alt, ...(element.focusY !== undefined ? { focusY: element.focusY } : {}) }];
    case 'text':
      return element.lines.flatMap(lineItems);
    case 'formula': {
      const d = element.paths.map((p) => svgpath(p).scale(element.size).translate(element.x, element.y + element.ascent * element.size).round(2).toString()).join('');
      return d ? [{ type: 'path', d, fill: element.fill }] : [];
    }
  }
}

function lineItems(placed: PlacedLine): SceneItem[] {
  const items: SceneItem[] = [];
  const links: SceneItem[] = [];
  for (const run of placed.line.runs) {
    const x = placed.x + run.x;
    if (run.emoji && run.emojiBox) {
      const box = run.emojiBox;
      items.push({ type: 'image', key: `emoji:${run.emoji}`, x: x + box.x, y: placed.baseline + box.y, w: box.w, h: box.h, fit: 'fill', alt: run.text });
    } else {
      // The band sits under the words, from just below the baseline to a little over the capitals,
      // reaching past them a little, but not past the start of the line (the edge of the text box).
      if (run.highlight) {
        const pad = run.size * 0.1;
        const lead = run.x > 0 ? pad : 0;
        items.push({ type: 'rect', x: x - lead, y: placed.baseline - run.size * 0.8, w: run.width + lead + pad, h: run.size * 1.02, radius: run.size * 0.12, fill: run.highlight });
      }
      items.push({ type: 'text', x, y: placed.baseline, face: run.face, size: run.size, color: run.color, text: run.text, width: run.width, glyphs: run.glyphs });
      if (run.underline) items.push({ type: 'rect', x, y: placed.baseline + run.size * 0.11, w: run.width, h: Math.max(0.5, run.size * 0.055), fill: run.color });
    }
    if (run.href) {
      links.push({ type: 'link', x, y: placed.baseline - placed.line.ascent, w: run.width, h: placed.line.ascent + placed.line.descent, href: run.href });
    }
  }
  return [...items, ...links];
}
