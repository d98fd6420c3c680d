/**
 * What an untrusted SVG may ask of the rasteriser. A few hundred bytes of SVG can demand minutes of
 * work (a morphology filter with a large radius, a convolution with a large kernel, `<use>`
 * references that multiply each other), so the markup is read once, linearly, with the project's
 * one markup reader (`formats/markup.ts`, in XML mode), and refused with a reason before resvg starts.
 * Only tags count; no tree is built.
 */
import { markupTokens, type MarkupToken } from '../formats/markup.js';

export interface SvgLimits {
  /** Elements after `<use>` references are expanded. */
  maxElements: number;
  /** Nesting depth of elements. */
  maxDepth: number;
  /** Filter primitives (`<fe…>`) in the whole file. */
  maxFilterPrimitives: number;
  /** feMorphology radius in output pixels: its cost grows with the square of it. */
  maxMorphologyPx: number;
  /** feGaussianBlur / feDropShadow deviation in output pixels. */
  maxBlurPx: number;
  /** feConvolveMatrix order (the kernel's side). */
  maxConvolveOrder: number;
  /** feTurbulence octaves. */
  maxOctaves: number;
}

export const DEFAULT_SVG_LIMITS: SvgLimits = {
  maxElements: 50_000,
  maxDepth: 256,
  maxFilterPrimitives: 64,
  maxMorphologyPx: 4,
  maxBlurPx: 300,
  maxConvolveOrder: 7,
  maxOctaves: 10,
};

/** An element with an id, or the whole file: what drawing it once costs. */
interface Node {
  /** Elements directly inside, not inside a nested element with an id. */
  own: number;
  /** Nested elements with ids, drawn as part of this one. */
  children: Node[];
  /** Ids that <use> elements directly inside refer to. */
  uses: string[];
}

/** Reference chains deeper than this are refused outright, so counting never recurses far. */
const MAX_REFERENCE_DEPTH = 64;

/**
 * Why the SVG is refused, or undefined. It is drawn with its long side at `outputSide` pixels, so a
 * radius is judged by the work it causes at that size, not by the number written.
 */
export function svgTooCostly(text: string, outputSide: number, limits: SvgLimits = DEFAULT_SVG_LIMITS): string | undefined {
  const tokens = markupTokens(text, { xml: true });
  const scale = outputSide / svgLongSide(tokens);
  const stack: { id?: string }[] = [];
  // Per element id: its own elements and the ids its subtree refers to with <use>.
  const byId = new Map<string, Node>();
  const open: Node[] = [];
  const root: Node = { own: 0, children: [], uses: [] };
  let primitives = 0;
  for (const token of tokens) {
    if (token.kind === 'text') continue;
    if (token.kind === 'close') {
      const top = stack.pop();
      if (top?.id !== undefined) open.pop();
      continue;
    }
    const { attrs, selfClosing } = token;
    const name = token.name.replace(/^.*:/, '');
    if (stack.length + 1 > limits.maxDepth) return `elements are nested more than ${limits.maxDepth} deep`;
    const id = attrs.id;
    const inner = open.at(-1) ?? root;
    inner.own++;
    if (name === 'use') {
      const href = attrs.href ?? attrs['xlink:href'];
      if (href?.startsWith('#')) inner.uses.push(href.slice(1));
    }
    if (/^fe[A-Z]/.test(name)) {
      if (++primitives > limits.maxFilterPrimitives) return `it has more than ${limits.maxFilterPrimitives} filter effects`;
      const why = filterTooCostly(name, attrs, scale, limits);
      if (why) return why;
    }
    if (selfClosing) continue;
    const entry: { id?: string } = {};
    if (id !== undefined && !byId.has(id)) {
      const node: Node = { own: 0, children: [], uses: [] };
      inner.children.push(node);
      byId.set(id, node);
      open.push(node);
      entry.id = id;
    }
    stack.push(entry);
  }
  const expanded = expandedCount(root, byId, limits.maxElements);
  if (expanded > limits.maxElements) return `it draws more than ${limits.maxElements.toLocaleString('en-US')} elements once its <use> references are expanded`;
  return undefined;
}

/** The root's long side in user units, as resvg sizes it: width and height, else the viewBox, else 100. */
function svgLongSide(tokens: readonly MarkupToken[]): number {
  const root = tokens.find((t) => t.kind === 'open' && t.name.replace(/^.*:/, '').toLowerCase() === 'svg');
  const rootAttrs = root?.kind === 'open' ? root.attrs : {};
  const length = (name: string) => {
    const m = /^\s*([\d.]+)\s*(px)?\s*$/.exec(rootAttrs[name] ?? '');
    return m ? Number(m[1]) : undefined;
  };
  const box = (rootAttrs.viewBox ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
  const width = length('width') ?? (box.length === 4 ? box[2] : undefined) ?? 100;
  const height = length('height') ?? (box.length === 4 ? box[3] : undefined) ?? 100;
  const side = Math.max(width, height);
  return Number.isFinite(side) && side > 0 ? side : 100;
}

function filterTooCostly(name: string, attrs: Record<string, string>, scale: number, limits: SvgLimits): string | undefined {
  const numbers = (value: string | undefined) => (value ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
  const largest = (value: string | undefined) => Math.max(0, ...numbers(value).map((n) => (Number.isFinite(n) ? Math.abs(n) : Infinity)));
  if (name === 'feMorphology') {
    const px = largest(attrs.radius) * scale;
    if (px > limits.maxMorphologyPx) return `its feMorphology radius is ${round(px)} px at the size it is drawn (at most ${limits.maxMorphologyPx})`;
  }
  if (name === 'feGaussianBlur' || name === 'feDropShadow') {
    const px = largest(attrs.stdDeviation) * scale;
    if (px > limits.maxBlurPx) return `its ${name} deviation is ${round(px)} px at the size it is drawn (at most ${limits.maxBlurPx})`;
  }
  if (name === 'feConvolveMatrix' && largest(attrs.order ?? '3') > limits.maxConvolveOrder) {
    return `its feConvolveMatrix order is over ${limits.maxConvolveOrder}`;
  }
  if (name === 'feTurbulence' && largest(attrs.numOctaves ?? '1') > limits.maxOctaves) {
    return `its feTurbulence has more than ${limits.maxOctaves} octaves`;
  }
  return undefined;
}

/** Elements drawn once every <use> is replaced by what it names; stops counting past `cap`. */
function expandedCount(root: Node, byId: Map<string, Node>, cap: number): number {
  const memo = new Map<Node, number>();
  const visiting = new Set<Node>();
  const count = (node: Node, depth: number): number => {
    if (depth > MAX_REFERENCE_DEPTH) return cap + 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    // A reference cycle draws nothing in resvg; count it as one element.
    if (visiting.has(node)) return 1;
    visiting.add(node);
    let total = node.own;
    for (const child of node.children) {
      if (total > cap) break;
      total += count(child, depth + 1);
    }
    for (const ref of node.uses) {
      if (total > cap) break;
      const target = byId.get(ref);
      if (target) total += count(target, depth + 1);
    }
    visiting.delete(node);
    memo.set(node, total);
    return total;
  };
  return count(root, 0);
}

function round(n: number): number {
  return Number.isFinite(n) ? Math.round(n) : n;
}
