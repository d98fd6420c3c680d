import type { PaintResources, Scene } from '../../scene/types.js';
import { SvgDefs } from './svg-defs.js';
import { imageSvg, linkSvg, pathSvg, rectSvg, textSvg } from './svg-items.js';
import { escapeXml, num, sanitizeIdPrefix } from './xml.js';
import { runsOnAcrossBreak } from '../../text/cjk.js';

export interface SvgPaintOptions {
  /** Prefix of every id in the SVG; give each SVG on one HTML page its own. Default `spool`. */
  idPrefix?: string;
  /** Clickable link areas for the preview. Rasterising does not need them. Default true. */
  links?: boolean;
  /** Accessible name of the whole slide, written as its <title>. */
  title?: string;
  /**
   * Keys of images whose bitmaps already have exactly the device pixels they cover, at
   * pixel-aligned positions. They are drawn without a resampling filter, which is exact for such
   * bitmaps and several times cheaper for resvg. The PNG export sets this after scaling with sharp.
   */
  pixelExactImages?: ReadonlySet<string>;
}

/**
 * An SVG in the pieces it is written from: the root's opening tag, its title, each definition and
 * each drawn item, each piece one element. The studio's preview compares the pieces of two versions
 * of a slide and parses only the ones an edit changed; `joinSvgParts` makes the one SVG of them.
 */
export interface SvgParts {
  /** `<svg …>`, closed by `</svg>` after the other pieces. */
  open: string;
  /** `<title>…</title>`, or ''. */
  title: string;
  /** Glyph outlines, gradients, clip paths and images, in the order first used. */
  defs: string[];
  /** The scene's items in paint order, the ones that draw nothing left out. */
  body: string[];
}

/**
 * Paints a scene as one self-contained SVG: text as shared glyph outlines (so it matches the layout
 * with no font installed), images and emoji as data URIs. The studio shows this exact markup and
 * the PNG export rasterises it, so the preview is the export.
 */
export function paintSvg(scene: Scene, resources: PaintResources, opts: SvgPaintOptions = {}): string {
  return joinSvgParts(paintSvgParts(scene, resources, opts));
}

/** The same SVG as `paintSvg`, in its pieces. */
export function paintSvgParts(scene: Scene, resources: PaintResources, opts: SvgPaintOptions = {}): SvgParts {
  const defs = new SvgDefs(sanitizeIdPrefix(opts.idPrefix ?? 'spool'));
  const links = opts.links ?? true;
  const body: string[] = [];
  const add = (markup: string) => {
    if (markup) body.push(markup);
  };
  for (const item of scene.items) {
    switch (item.type) {
      case 'rect':
        add(rectSvg(item, defs));
        break;
      case 'path':
        add(pathSvg(item, defs));
        break;
      case 'text':
        add(textSvg(item, resources, defs));
        break;
      case 'image':
        add(imageSvg(item, resources, defs, opts.pixelExactImages?.has(item.key) ?? false));
        break;
      case 'link':
        if (links) add(linkSvg(item));
        break;
    }
  }
  // A slide is a picture of text: one image whose name is everything it says, in reading order.
  const label = slideLabel(scene);
  const name = label ? ` role="img" aria-label="${escapeXml(label)}"` : ' aria-hidden="true"';
  return {
    open:
      `<svg xmlns="http://www.w3.org/2000/svg"${name} viewBox="0 0 ${num(scene.width, 3)} ${num(scene.height, 3)}" ` +
      `width="${Math.round(scene.pixelWidth)}" height="${Math.round(scene.pixelHeight)}">`,
    title: opts.title ? `<title>${escapeXml(opts.title)}</title>` : '',
    defs: [...defs.list()],
    body,
  };
}

/** The one SVG document the pieces make. */
export function joinSvgParts(parts: SvgParts): string {
  const defs = parts.defs.length ? `<defs>${parts.defs.join('')}</defs>` : '';
  return `${parts.open}${parts.title}${defs}${parts.body.join('')}</svg>`;
}

/**
 * What a slide says, as a screen reader should read it: its text runs in order, the runs of one
 * line (and the emoji among them) joined as they were written, lines apart by a space, and the
 * alt text of its pictures.
 */
export function slideLabel(scene: Scene): string {
  let out = '';
  let baseline: number | undefined;
  for (const item of scene.items) {
    if (item.type === 'text') {
      const sameLine = baseline !== undefined && Math.abs(item.y - baseline) < 0.5;
      // Chinese and Japanese run on across a line break with no space; other scripts broke at one.
      const joined = sameLine || out === '' || runsOnAcrossBreak(out, item.text);
      out += joined ? item.text : ` ${item.text}`;
      baseline = item.y;
    } else if (item.type === 'image' && item.alt) {
      // An emoji is part of the line it sits in; a picture stands apart.
      const emoji = item.key.startsWith('emoji:') && baseline !== undefined && item.y < baseline && item.y + item.h > baseline;
      out += emoji || out === '' ? item.alt : ` ${item.alt}`;
      if (!emoji) baseline = undefined;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}
