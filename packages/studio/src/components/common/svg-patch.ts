/**
 * Makes the SVG element on the page show `markup` while keeping every part an edit did not touch.
 * Replacing the whole preview on each keystroke made the browser parse, style, lay out and paint all
 * of it again; the engine draws each run of text as its own group, so typing changes a group or two,
 * and only those are swapped. The markup is parsed in an inert template, never run as script; the
 * painter escapes all text it writes (see InlineSvg). Written by hand because what is kept is
 * decided by the painter's own structure: groups in order, and glyph definitions added as they are used.
 */
export function patchSvg(host: HTMLElement, markup: string): void {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const next = template.content.firstElementChild;
  const live = host.firstElementChild;
  if (!next || !live || live.nodeName !== next.nodeName || host.childNodes.length !== 1 || template.content.childNodes.length !== 1) {
    host.replaceChildren(...template.content.childNodes);
    return;
  }
  copyAttributes(live, next);
  patchChildren(live, next, 1);
}

/** Children compared in order; a changed element with the same name is opened `depth` levels more. */
function patchChildren(live: Element, next: Element, depth: number): void {
  const fresh = [...next.childNodes];
  let old = live.firstChild;
  for (const node of fresh) {
    if (!old) {
      live.appendChild(node);
      continue;
    }
    const following: ChildNode | null = old.nextSibling;
    if (!old.isEqualNode(node)) {
      if (depth > 0 && old instanceof Element && node instanceof Element && old.nodeName === node.nodeName) {
        copyAttributes(old, node);
        patchChildren(old, node, depth - 1);
      } else {
        live.replaceChild(node, old);
      }
    }
    old = following;
  }
  while (old) {
    const following: ChildNode | null = old.nextSibling;
    old.remove();
    old = following;
  }
}

function copyAttributes(live: Element, next: Element): void {
  for (const { name } of [...live.attributes]) if (!next.hasAttribute(name)) live.removeAttribute(name);
  for (const { name, value } of [...next.attributes]) if (live.getAttribute(name) !== value) live.setAttribute(name, value);
}
