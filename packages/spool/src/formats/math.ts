/**
 * Display formulas typeset by MathJax (its TeX input and SVG output, run on its own light DOM), and
 * turned from MathJax's nested, transformed SVG into flat outlines in em units: what a slide draws
 * as vector paths in the PDF, the PNG and the studio alike. MathJax loads only for a deck with a
 * formula (about a third of a second), through loadMathTypesetter.
 *
 * Inline formulas are set as text instead (texToText): a line of a paragraph is text, and a
 * formula inside it reads best in the paragraph's own face, with its letters in italic.
 */
import svgpath from 'svgpath';

/** One formula's outlines: em units, origin on the baseline at the left edge, y down. */
export interface TypesetFormula {
  /** Path data, filled in the text colour. */
  paths: string[];
  width: number;
  /** Above and below the baseline. */
  ascent: number;
  descent: number;
}

export type MathTypesetter = (tex: string) => TypesetFormula | undefined;

interface LiteNode {
  kind: string;
  attributes?: Record<string, string>;
  children?: LiteNode[];
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[2] * b[1], a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3], a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4], a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}

/** The transforms MathJax writes: translate, scale and matrix. */
function parseTransform(value: string | undefined): Matrix {
  let m = IDENTITY;
  if (!value) return m;
  for (const [, fn, args] of value.matchAll(/(translate|scale|matrix)\(([^)]*)\)/g)) {
    const n = args.split(/[\s,]+/).filter(Boolean).map(Number);
    if (fn === 'translate') m = multiply(m, [1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0]);
    else if (fn === 'scale') m = multiply(m, [n[0] ?? 1, 0, 0, n[1] ?? n[0] ?? 1, 0, 0]);
    else if (n.length === 6) m = multiply(m, n as Matrix);
  }
  return m;
}

/** Every path and rule under `node`, in the root's units, y down. */
function outlines(node: LiteNode, m: Matrix, out: string[]): void {
  const attrs = node.attributes ?? {};
  const here = multiply(m, parseTransform(attrs.transform));
  if (node.kind === 'path' && attrs.d) {
    out.push(svgpath(attrs.d).matrix(here).round(4).toString());
  } else if (node.kind === 'rect') {
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(attrs[k] ?? 0));
    if (w > 0 && h > 0) out.push(svgpath(`M${x} ${y}H${x + w}V${y + h}H${x}Z`).matrix(here).round(4).toString());
  }
  for (const child of node.children ?? []) outlines(child, here, out);
}

function find(node: LiteNode, kind: string): LiteNode | undefined {
  if (node.kind === kind) return node;
  for (const child of node.children ?? []) {
    const hit = find(child, kind);
    if (hit) return hit;
  }
  return undefined;
}

let loading: Promise<MathTypesetter> | undefined;

/** MathJax, loaded once per process and page. */
export function loadMathTypesetter(): Promise<MathTypesetter> {
  loading ??= (async () => {
    const [{ mathjax }, { TeX }, { SVG }, { liteAdaptor }, { RegisterHTMLHandler }, { AllPackages }] = await Promise.all([
      import('mathjax-full/js/mathjax.js'),
      import('mathjax-full/js/input/tex.js'),
      import('mathjax-full/js/output/svg.js'),
      import('mathjax-full/js/adaptors/liteAdaptor.js'),
      import('mathjax-full/js/handlers/html.js'),
      import('mathjax-full/js/input/tex/AllPackages.js'),
    ]);
    const adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
    // Packages that reach outside the formula (\require, \href, \class) or define macros that
    // outlive it (\def, \newcommand: one post must not redefine another's \alpha, nor nest
    // \mathchoice into minutes of work) stay out.
    const packages = AllPackages.filter((p: string) => !EXCLUDED.includes(p));
    const input = new TeX({ packages, tags: 'none', formatError: (_: unknown, err: Error) => { throw err; } });
    const doc = mathjax.document('', { InputJax: input, OutputJax: new SVG({ fontCache: 'none' }) });
    const cache = new Map<string, TypesetFormula | undefined>();
    const typeset = (tex: string): TypesetFormula | undefined => {
      if (tex.length > MAX_TEX) return undefined;
      try {
        input.reset();
        const container = doc.convert(tex, { display: true }) as LiteNode;
        const svg = find(container, 'svg');
        const [minX, minY, w, h] = (svg?.attributes?.viewBox ?? '').split(/\s+/).map(Number);
        if (!svg || !(w > 0) || !(h > 0)) return undefined;
        const paths: string[] = [];
        // MathJax's units are thousandths of an em; shift so the left edge is x = 0.
        outlines(svg, [1 / 1000, 0, 0, 1 / 1000, -minX / 1000, 0], paths);
        if (paths.length === 0) return undefined;
        return { paths, width: w / 1000, ascent: -minY / 1000, descent: (h + minY) / 1000 };
      } catch {
        return undefined;
      }
    };
    // Layout asks for a formula several times (to measure, to fit, to place): each is set once.
    return (tex: string) => {
      if (cache.has(tex)) return cache.get(tex);
      const formula = typeset(tex);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      cache.set(tex, formula);
      return formula;
    };
  })();
  // A failed load (a chunk that did not arrive) is tried again next time, not kept.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

const EXCLUDED = ['require', 'autoload', 'html', 'bbox', 'unicode', 'setoptions', 'noundefined', 'noerrors', 'newcommand', 'configmacros', 'tagformat'];
/** Longer TeX is set as text: a display formula of a slide is a line or two. */
const MAX_TEX = 1000;
const CACHE_LIMIT = 256;
