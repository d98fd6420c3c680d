/** Walks an emoji's element tree and writes the PDF operators that draw it. */
import { pdfNum, rgbOp } from '../pdf-color.js';
import { cmOp, multiply, parseTransform, type Matrix } from './svg-matrix.js';
import { shapePath, transformPath } from './svg-shapes.js';
import { alphaValue, DEFAULT_STYLE, inherit, type Style } from './svg-style.js';
import type { SvgNode } from './svg-tree.js';

/** ExtGState dictionaries by resource name (see `EmojiPdf.extGStates`). */
export type ExtGStates = Record<string, { ca?: number; CA?: number }>;

/** Elements drawn as a shape. */
const SHAPES = new Set(['path', 'circle', 'ellipse', 'rect', 'line', 'polyline', 'polygon']);

/** Elements whose children are drawn in place. */
const CONTAINERS = new Set(['g', 'a', 'switch']);

export class Painter {
  private readonly ids = new Map<string, SvgNode>();
  /** Clip paths being applied, to stop a clip path that clips itself. */
  private readonly clipping = new Set<SvgNode>();

  constructor(
    root: SvgNode,
    private readonly prefix: string,
    private readonly extGStates: ExtGStates,
  ) {
    const collect = (node: SvgNode) => {
      const id = node.attrs.id;
      if (id !== undefined && !this.ids.has(id)) this.ids.set(id, node);
      for (const child of node.children) collect(child);
    };
    collect(root);
  }

  /** Draws the children of `node` with inherited `style`; `opacity` is the product of the enclosing groups'. */
  children(node: SvgNode, style: Style, opacity: number, out: string[]): void {
    for (const child of node.children) this.element(child, style, opacity, out);
  }

  private element(node: SvgNode, parentStyle: Style, parentOpacity: number, out: string[]): void {
    const shape = SHAPES.has(node.name);
    if (!shape && !CONTAINERS.has(node.name)) return;
    const a = node.attrs;
    if (a.display === 'none') return;
    const style = inherit(parentStyle, a);
    const opacity = parentOpacity * alphaValue(a.opacity, 1);
    if (opacity <= 0) return;
    const transform = parseTransform(a.transform);
    // The clip path is in the element's user space, so after its transform.
    const clip = a['clip-path'] ? this.clipOps(a['clip-path']) : '';
    if (shape) {
      this.shape(node, style, opacity, transform, clip, out);
      return;
    }
    const wrap = transform !== undefined || clip !== '';
    if (wrap) {
      out.push('q');
      if (transform) out.push(cmOp(transform));
      if (clip) out.push(clip);
    }
    this.children(node, style, opacity, out);
    if (wrap) out.push('Q');
  }

  private shape(node: SvgNode, style: Style, opacity: number, transform: Matrix | undefined, clip: string, out: string[]): void {
    const fill = style.fill && style.fill.alpha * style.fillOpacity * opacity > 0 ? style.fill : null;
    const stroke = style.stroke && style.strokeWidth > 0 && style.stroke.alpha * style.strokeOpacity * opacity > 0 ? style.stroke : null;
    if (!fill && !stroke) return;
    const path = shapePath(node);
    if (path === '') return;
    const gs: { ca?: number; CA?: number } = {};
    if (fill) {
      const alpha = Math.round(fill.alpha * style.fillOpacity * opacity * 1000) / 1000;
      if (alpha < 1) gs.ca = alpha;
    }
    if (stroke) {
      const alpha = Math.round(stroke.alpha * style.strokeOpacity * opacity * 1000) / 1000;
      if (alpha < 1) gs.CA = alpha;
    }
    const alpha = gs.ca !== undefined || gs.CA !== undefined;
    // Fill colour needs no restoring, as every shape sets its own; the rest of the state does.
    const wrap = transform !== undefined || clip !== '' || alpha || stroke !== null;
    if (wrap) out.push('q');
    if (transform) out.push(cmOp(transform));
    if (clip) out.push(clip);
    if (alpha) out.push(`/${this.extGState(gs)} gs`);
    if (fill) out.push(rgbOp(fill.rgb, 'rg'));
    if (stroke) {
      out.push(rgbOp(stroke.rgb, 'RG'), `${pdfNum(style.strokeWidth)} w`);
      if (style.lineCap !== 0) out.push(`${style.lineCap} J`);
      if (style.lineJoin !== 0) out.push(`${style.lineJoin} j`);
      out.push(`${pdfNum(style.miterLimit)} M`);
    }
    out.push(path);
    out.push(fill && stroke ? (style.evenOdd ? 'B*' : 'B') : fill ? (style.evenOdd ? 'f*' : 'f') : 'S');
    if (wrap) out.push('Q');
  }

  /** The resource name of an alpha state, registering its dictionary. */
  private extGState(gs: { ca?: number; CA?: number }): string {
    let name = this.prefix;
    if (gs.ca !== undefined) name += `F${Math.round(gs.ca * 1000)}`;
    if (gs.CA !== undefined) name += `S${Math.round(gs.CA * 1000)}`;
    this.extGStates[name] ??= gs;
    return name;
  }

  /**
   * Operators intersecting the clip with the `clipPath` that `ref` (`url(#id)`) names, in the
   * current user space. A reference to nothing clips nothing.
   */
  private clipOps(ref: string): string {
    const id = /^\s*url\(\s*['"]?#([^'")]+)['"]?\s*\)\s*$/.exec(ref)?.[1];
    const clipPath = id === undefined ? undefined : this.ids.get(id);
    if (!clipPath || clipPath.name !== 'clipPath' || this.clipping.has(clipPath)) return '';
    this.clipping.add(clipPath);
    const ops: string[] = [];
    const own = parseTransform(clipPath.attrs.transform);
    // A clip path can itself be clipped; both clips intersect.
    if (clipPath.attrs['clip-path']) {
      const outer = this.clipOps(clipPath.attrs['clip-path']);
      if (outer) ops.push(outer);
    }
    // Properties reach the clip path's children from the clip path's own ancestors.
    const chain: SvgNode[] = [];
    for (let node: SvgNode | undefined = clipPath; node; node = node.parent) chain.unshift(node);
    const base = chain.reduce((style, node) => inherit(style, node.attrs), DEFAULT_STYLE);
    const paths: string[] = [];
    let evenOdd = true;
    for (const child of clipPath.children) {
      if (!SHAPES.has(child.name) || child.attrs.display === 'none') continue;
      let path = shapePath(child);
      if (path === '') continue;
      const m = parseTransform(child.attrs.transform);
      const combined = own && m ? multiply(own, m) : (own ?? m);
      if (combined) path = transformPath(path, combined);
      paths.push(path);
      evenOdd &&= inherit(base, child.attrs).clipEvenOdd;
    }
    this.clipping.delete(clipPath);
    if (paths.length === 0) {
      // An empty clip path hides everything it clips.
      ops.push('0 0 m', 'h', 'W n');
    } else {
      ops.push(...paths, evenOdd ? 'W* n' : 'W n');
    }
    return ops.join('\n');
  }
}
