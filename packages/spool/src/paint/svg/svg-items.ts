import type {
  ImageItem,
  LinkItem,
  Paint,
  PaintResources,
  PathItem,
  RectItem,
  Stroke,
  TextItem,
} from '../../scene/types.js';
import { clampRadius, placeImage } from '../../scene/geometry.js';
import type { SvgDefs } from './svg-defs.js';
import { safeColor, safeHref } from '../../scene/safe-values.js';
import { escapeXml, num } from './xml.js';

/** One writer per scene item kind; each returns the markup for that item (or '' to draw nothing). */

const IMAGE_MIMES = new Set(['image/png', 'image/jpeg', 'image/svg+xml']);

function paintValue(paint: Paint | undefined, defs: SvgDefs): string {
  if (paint === undefined) return 'none';
  if (typeof paint === 'string') return escapeXml(safeColor(paint));
  return defs.gradient(paint);
}

function strokeAttrs(stroke: Stroke | undefined): string {
  if (!stroke || !(stroke.width > 0)) return '';
  return ` stroke="${escapeXml(safeColor(stroke.color))}" stroke-width="${num(stroke.width, 3)}"`;
}

function opacityAttr(opacity: number | undefined): string {
  return opacity !== undefined && opacity < 1 ? ` opacity="${num(Math.max(0, opacity), 3)}"` : '';
}

export function rectSvg(item: RectItem, defs: SvgDefs): string {
  const r = clampRadius(item.radius ?? 0, item.w, item.h);
  const rx = r > 0 ? ` rx="${num(r)}"` : '';
  return (
    `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}"${rx}` +
    ` fill="${paintValue(item.fill, defs)}"${strokeAttrs(item.stroke)}${opacityAttr(item.opacity)}/>`
  );
}

export function pathSvg(item: PathItem, defs: SvgDefs): string {
  return (
    `<path d="${escapeXml(item.d)}" fill="${paintValue(item.fill, defs)}"` +
    `${strokeAttrs(item.stroke)}${opacityAttr(item.opacity)}/>`
  );
}

/**
 * Glyphs are drawn from shared outlines in font units: the group maps font units to page units and
 * flips y (fonts are y-up), so each glyph needs only its pen position.
 */
export function textSvg(item: TextItem, resources: PaintResources, defs: SvgDefs): string {
  const face = resources.face(item.face);
  const scale = item.size / face.unitsPerEm;
  if (!(scale > 0)) return '';
  const toUnits = 1 / scale;
  const uses: string[] = [];
  for (const g of item.glyphs) {
    const id = defs.glyph(face, g.id);
    if (!id) continue;
    const y = g.y ? ` y="${num(-g.y * toUnits, 1)}"` : '';
    uses.push(`<use href="#${id}" x="${num(g.x * toUnits, 1)}"${y}/>`);
  }
  const color = escapeXml(safeColor(item.color));
  if (uses.length === 0) return '';
  const glyphs =
    `<g transform="translate(${num(item.x, 3)} ${num(item.y, 3)}) scale(${num(scale, 6)} ${num(-scale, 6)})">` +
    `${uses.join('')}</g>`;
  return `<g fill="${color}"${opacityAttr(item.opacity)}>${glyphs}</g>`;
}

export function imageSvg(item: ImageItem, resources: PaintResources, defs: SvgDefs, pixelExact = false): string {
  const res = resources.image(item.key);
  if (!res || !IMAGE_MIMES.has(res.mime) || !(res.width > 0) || !(res.height > 0)) return '';
  const place = placeImage(item, res.width, res.height);
  if (place.clip.w <= 0 || place.clip.h <= 0) return '';
  const id = defs.image(res, pixelExact);
  const { draw } = place;
  const matrix =
    `matrix(${num(draw.w / res.width, 6)} 0 0 ${num(draw.h / res.height, 6)} ` + `${num(draw.x, 3)} ${num(draw.y, 3)})`;
  const clip = place.overflows || place.radius > 0 ? ` clip-path="${defs.clip(place.clip, place.radius)}"` : '';
  // The picture's alt text is part of the slide's own name (paint-svg's slideLabel).
  return `<g${clip}${opacityAttr(item.opacity)}><use href="#${id}" transform="${matrix}"/></g>`;
}

/** A transparent hit area, so the preview can follow links without changing a single pixel. */
export function linkSvg(item: LinkItem): string {
  const href = safeHref(item.href);
  if (!href) return '';
  return (
    `<a href="${escapeXml(href)}" target="_blank" rel="noopener noreferrer">` +
    `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" ` +
    `fill="#000" fill-opacity="0"/></a>`
  );
}
