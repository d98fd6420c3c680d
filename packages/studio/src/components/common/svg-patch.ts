import { joinSvgParts, type SvgParts } from 'spool/core';

/**
 * Makes the SVG element on the page show `parts` while keeping every element an edit did not touch.
 * Replacing the whole preview on each keystroke made the browser parse, style, lay out and paint all
 * of it again. The painter hands over its SVG as pieces of one element each (the root's tag, the
 * title, each definition, each drawn item), so the pieces are compared as strings with the ones on
 * the page and only those that changed are parsed, in an inert template, never run as script (the
 * painter escapes all text it writes, see InlineSvg). Typing changes a group or two and adds a glyph
 * definition now and then. Written by hand because what is kept follows the painter's own pieces.
 */
export function patchSvg(host: HTMLElement, parts: SvgParts): void {
  const shown = applied.get(host);
  const live = host.firstElementChild;
  if (!shown || !live || host.childNodes.length !== 1 || !fits(live, shown)) return replace(host, parts);
  try {
    patch(live, shown, parts);
    applied.set(host, parts);
  } catch (err) {
    // A piece that was not one element: the pieces no longer say which element is which.
    if (!(err instanceof PiecesDiffer)) throw err;
    replace(host, parts);
  }
}

/** The whole SVG written afresh, and its pieces kept when the page holds one element for each. */
function replace(host: HTMLElement, parts: SvgParts): void {
  host.innerHTML = joinSvgParts(parts);
  const svg = host.firstElementChild;
  if (svg && fits(svg, parts)) applied.set(host, parts);
  else applied.delete(host);
}

class PiecesDiffer extends Error {}

function patch(live: Element, shown: SvgParts, parts: SvgParts): void {
  if (parts.open !== shown.open) copyAttributes(live, parse(`${parts.open}</svg>`, false)[0]);
  if (parts.title !== shown.title) {
    if (shown.title) live.firstElementChild?.remove();
    if (parts.title) live.prepend(...parse(parts.title));
  }
  const title = parts.title ? 1 : 0;
  let defs = shown.defs.length ? live.children[title] : undefined;
  if (!parts.defs.length) defs?.remove();
  else if (defs) patchList(defs, 0, shown.defs, parts.defs);
  else {
    [defs] = parse('<defs></defs>');
    live.insertBefore(defs, live.children[title] ?? null);
    patchList(defs, 0, [], parts.defs);
  }
  patchList(live, title + (parts.defs.length ? 1 : 0), shown.body, parts.body);
}

/** The pieces the page shows for each preview host, to compare the next version with. */
const applied = new WeakMap<HTMLElement, SvgParts>();

/** True while the element still has one child per piece, as `patchSvg` left it. */
function fits(svg: Element, parts: SvgParts): boolean {
  const defs = parts.defs.length ? 1 : 0;
  const title = parts.title ? 1 : 0;
  if (svg.children.length !== title + defs + parts.body.length) return false;
  return !defs || svg.children[title].children.length === parts.defs.length;
}

/**
 * The children of `parent` from index `from` on show `before`; makes them show `after`. Pieces equal
 * at the same place stay, as do the ones before and after a changed stretch when pieces are only
 * added or taken away in the middle (a new glyph, a new line).
 */
function patchList(parent: Element, from: number, before: readonly string[], after: readonly string[]): void {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const old = before.slice(head, before.length - tail);
  const fresh = after.slice(head, after.length - tail);
  if (old.length === 0 && fresh.length === 0) return;
  const children = [...parent.children].slice(from + head, from + head + old.length);
  // Same count: each changed place is swapped on its own, and places left equal stay.
  if (old.length === fresh.length) {
    const changed = fresh.map((markup, i) => (markup === old[i] ? null : markup));
    const nodes = parse(changed.filter((m): m is string => m !== null).join(''));
    if (nodes.length !== changed.filter((m) => m !== null).length) throw new PiecesDiffer();
    let next = 0;
    changed.forEach((markup, i) => {
      if (markup !== null) children[i].replaceWith(nodes[next++]);
    });
    return;
  }
  const nodes = parse(fresh.join(''));
  if (nodes.length !== fresh.length) throw new PiecesDiffer();
  const anchor = parent.children[from + head + old.length] ?? null;
  for (const child of children) child.remove();
  for (const node of nodes) parent.insertBefore(node, anchor);
}

/** SVG markup parsed into elements in the SVG namespace, in an inert template. */
function parse(markup: string, wrap = true): Element[] {
  const template = document.createElement('template');
  template.innerHTML = wrap ? `<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>` : markup;
  const root = template.content.firstElementChild;
  if (!root) return [];
  return wrap ? [...root.children] : [root];
}

/** The root's attributes made the same as `next`'s, in its order, as the painter writes them. */
function copyAttributes(live: Element, next: Element | undefined): void {
  if (!next) return;
  // The namespace declaration is the same in every version, and set again by name it would be written twice.
  const own = (e: Element) => [...e.attributes].filter((a) => a.name !== 'xmlns');
  const names = (e: Element) => own(e).map((a) => a.name).join(' ');
  if (names(live) !== names(next)) for (const { name } of own(live)) live.removeAttribute(name);
  for (const { name, value } of own(next)) if (live.getAttribute(name) !== value) live.setAttribute(name, value);
}
