/**
 * MathML (as pages write formulas) to TeX, which Spool typesets: the TeX a page keeps beside its
 * MathML when it has it (an `application/x-tex` annotation, an `alttext`), else the TeX read off
 * the presentation elements. Content it does not know it reads as its text, so no symbol is lost.
 */

interface MathNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<MathNode>;
  tagName?: string;
  getAttribute?(name: string): string | null;
}

const name = (node: MathNode): string => (node.nodeType === 1 ? (node.tagName ?? '').toLowerCase().replace(/^m:/, '') : '');

function elements(node: MathNode): MathNode[] {
  return Array.from(node.childNodes).filter((c) => c.nodeType === 1);
}

/** `{…}` around a part when it is more than one character. */
function arg(node: MathNode | undefined): string {
  const tex = node ? toTex(node) : '';
  return `{${tex}}`;
}

/** Operators TeX names; relations and binary operators are spaced as a typeset formula spaces them. */
const OPERATORS: Record<string, string> = {
  '∑': '\\sum ', '∏': '\\prod ', '∫': '\\int ', '∞': '\\infty ', '∂': '\\partial ', '∇': '\\nabla ', '√': '\\surd ', '−': '-',
  '±': ' \\pm ', '∓': ' \\mp ', '×': ' \\times ', '÷': ' \\div ', '·': ' \\cdot ', '⋅': ' \\cdot ',
  '≤': ' \\le ', '≥': ' \\ge ', '≠': ' \\ne ', '≈': ' \\approx ', '→': ' \\to ', '∈': ' \\in ',
};

function text(node: MathNode): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function escapeTex(value: string): string {
  return value.replace(/[\\{}$&#%_^]/g, (c) => `\\${c}`);
}

function toTex(node: MathNode): string {
  if (node.nodeType === 3) return escapeTex(text(node));
  const kids = elements(node);
  switch (name(node)) {
    case 'mi': {
      const t = text(node);
      return t.length > 1 ? `\\mathrm{${escapeTex(t)}}` : escapeTex(t);
    }
    case 'mn':
      return escapeTex(text(node));
    case 'mo': {
      const t = text(node);
      return OPERATORS[t] ?? escapeTex(t);
    }
    case 'mtext':
    case 'ms':
      return `\\text{${escapeTex(text(node))}}`;
    case 'mspace':
      return '\\;';
    case 'mfrac':
      return `\\frac${arg(kids[0])}${arg(kids[1])}`;
    case 'msqrt':
      return `\\sqrt{${kids.map(toTex).join('')}}`;
    case 'mroot':
      return `\\sqrt[${toTex(kids[1] ?? kids[0])}]${arg(kids[0])}`;
    case 'msup':
    case 'mover':
      return `${arg(kids[0])}^${arg(kids[1])}`;
    case 'msub':
    case 'munder':
      return `${arg(kids[0])}_${arg(kids[1])}`;
    case 'msubsup':
    case 'munderover':
      return `${arg(kids[0])}_${arg(kids[1])}^${arg(kids[2])}`;
    case 'mfenced': {
      const open = node.getAttribute?.('open') ?? '(';
      const close = node.getAttribute?.('close') ?? ')';
      return `\\left${open === '{' ? '\\{' : open || '.'}${kids.map(toTex).join(',')}\\right${close === '}' ? '\\}' : close || '.'}`;
    }
    case 'mtable':
      return `\\begin{matrix}${kids.map((row) => elements(row).map(toTex).join(' & ')).join(' \\\\ ')}\\end{matrix}`;
    case 'semantics':
      return kids[0] ? toTex(kids[0]) : '';
    case 'annotation':
    case 'annotation-xml':
      return '';
    default:
      return Array.from(node.childNodes).map(toTex).join('');
  }
}

/** The TeX of a `<math>` element. */
export function mathmlToTex(math: MathNode): string {
  for (const el of descendants(math)) {
    if (name(el) === 'annotation' && /x-tex|latex/i.test(el.getAttribute?.('encoding') ?? '')) {
      const tex = text(el);
      if (tex) return tex;
    }
  }
  const alt = math.getAttribute?.('alttext')?.trim();
  if (alt) return alt;
  return toTex(math).replace(/\s+/g, ' ').trim();
}

function descendants(node: MathNode): MathNode[] {
  const out: MathNode[] = [];
  for (const child of elements(node)) out.push(child, ...descendants(child));
  return out;
}

/** Whether a `<math>` is set on its own line. */
export function isDisplayMath(math: MathNode): boolean {
  return (math.getAttribute?.('display') ?? '').toLowerCase() === 'block' || (math.getAttribute?.('mode') ?? '') === 'display';
}
