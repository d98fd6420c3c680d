/**
 * A bundled emoji SVG as a tree of elements, read with the project's one markup reader in XML mode.
 * Text, comments, processing instructions and doctypes are skipped; a closing tag closes the nearest
 * open element of its name, and a stray one is ignored.
 */
import { markupTokens } from '../../../formats/markup.js';

export interface SvgNode {
  name: string;
  /** Attributes, with `style` declarations merged over them (a declaration wins, as in CSS). */
  attrs: Record<string, string>;
  children: SvgNode[];
  parent: SvgNode | undefined;
}

/** The first `svg` element of the markup, or undefined when there is none. */
export function parseSvg(text: string): SvgNode | undefined {
  const top: SvgNode = { name: '', attrs: {}, children: [], parent: undefined };
  let current = top;
  for (const token of markupTokens(text, { xml: true })) {
    if (token.kind === 'open') {
      const node: SvgNode = { name: token.name, attrs: token.attrs, children: [], parent: current };
      const style = node.attrs.style;
      if (style) {
        for (const declaration of style.split(';')) {
          const colon = declaration.indexOf(':');
          if (colon > 0) node.attrs[declaration.slice(0, colon).trim()] = declaration.slice(colon + 1).replace(/!important/i, '').trim();
        }
      }
      current.children.push(node);
      if (!token.selfClosing) current = node;
    } else if (token.kind === 'close') {
      for (let node: SvgNode | undefined = current; node && node !== top; node = node.parent) {
        if (node.name === token.name) {
          current = node.parent ?? top;
          break;
        }
      }
    }
  }
  return findElement(top, 'svg');
}

function findElement(node: SvgNode, name: string): SvgNode | undefined {
  for (const child of node.children) {
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}

/** A length attribute in user units (unit suffixes are read as user units). */
export function length(value: string | undefined): number {
  const v = value === undefined ? NaN : parseFloat(value);
  return Number.isFinite(v) ? v : 0;
}
