import type { FontFace, ImageResource, LinearGradient } from '../../scene/types.js';
import { dataUri } from './base64.js';
import type { Box } from '../../scene/geometry.js';
import { safeColor } from '../../scene/safe-values.js';
import { escapeXml, num } from './xml.js';

/**
 * Collects everything an SVG references by id: glyph outlines (one per face and glyph, however
 * often it is drawn), gradients, clip paths and images (one data URI per resource, so an emoji
 * repeated on a slide is embedded once). Ids carry the caller's prefix so several SVGs can share
 * one HTML page.
 */

/** Outlines are pure functions of the face, so they are converted once per process, not per slide. */
const outlineCache = new WeakMap<FontFace, Map<number, string>>();

function glyphOutline(face: FontFace, glyphId: number): string {
  let byGlyph = outlineCache.get(face);
  if (!byGlyph) {
    byGlyph = new Map();
    outlineCache.set(face, byGlyph);
  }
  let d = byGlyph.get(glyphId);
  if (d === undefined) {
    d = face.glyphPath(glyphId).trim();
    byGlyph.set(glyphId, d);
  }
  return d;
}

interface FaceEntry {
  index: number;
  /** Glyph id -> element id, or null for glyphs with no outline (spaces). */
  glyphs: Map<number, string | null>;
}

export class SvgDefs {
  private readonly parts: string[] = [];
  private readonly faces = new Map<string, FaceEntry>();
  private readonly images = new Map<ImageResource, string>();
  private counter = 0;

  constructor(private readonly prefix: string) {}

  /** Id of the glyph's outline, or undefined when the glyph draws nothing. */
  glyph(face: FontFace, glyphId: number): string | undefined {
    let entry = this.faces.get(face.key);
    if (!entry) {
      entry = { index: this.faces.size, glyphs: new Map() };
      this.faces.set(face.key, entry);
    }
    const known = entry.glyphs.get(glyphId);
    if (known !== undefined) return known ?? undefined;
    const d = glyphOutline(face, glyphId);
    if (d === '') {
      entry.glyphs.set(glyphId, null);
      return undefined;
    }
    const id = `${this.prefix}-f${entry.index}g${glyphId}`;
    entry.glyphs.set(glyphId, id);
    this.parts.push(`<path id="${id}" d="${escapeXml(d)}"/>`);
    return id;
  }

  /** Returns a paint value (`url(#...)`) for the gradient. */
  gradient(g: LinearGradient): string {
    const id = this.nextId('lg');
    const stops = g.stops
      .map((s) => {
        const offset = Math.min(1, Math.max(0, s.offset));
        const opacity = s.opacity !== undefined && s.opacity < 1 ? ` stop-opacity="${num(s.opacity, 3)}"` : '';
        return `<stop offset="${num(offset, 4)}" stop-color="${escapeXml(safeColor(s.color))}"${opacity}/>`;
      })
      .join('');
    this.parts.push(
      `<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="${num(g.x1)}" y1="${num(g.y1)}" ` +
        `x2="${num(g.x2)}" y2="${num(g.y2)}">${stops}</linearGradient>`,
    );
    return `url(#${id})`;
  }

  /** Returns a clip-path value for a (rounded) box. */
  clip(box: Box, radius: number): string {
    const id = this.nextId('c');
    const r = radius > 0 ? ` rx="${num(radius)}"` : '';
    this.parts.push(
      `<clipPath id="${id}"><rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.w)}" ` +
        `height="${num(box.h)}"${r}/></clipPath>`,
    );
    return `url(#${id})`;
  }

  /**
   * Id of an <image> drawn at the resource's own size; placements scale it with a transform, so
   * each resource is embedded once however many times the slide shows it.
   */
  image(res: ImageResource, pixelExact = false): string {
    const known = this.images.get(res);
    if (known) return known;
    const id = this.nextId('i');
    this.images.set(res, id);
    const rendering = pixelExact ? ' image-rendering="optimizeSpeed"' : '';
    this.parts.push(
      `<image id="${id}" width="${num(res.width, 3)}" height="${num(res.height, 3)}" ` +
        `preserveAspectRatio="none"${rendering} href="${dataUri(res.mime, res.bytes)}"/>`,
    );
    return id;
  }

  /** Each definition, one element apiece, in the order first used. */
  list(): readonly string[] {
    return this.parts;
  }

  private nextId(kind: string): string {
    return `${this.prefix}-${kind}${this.counter++}`;
  }
}
