/**
 * A thread on X is the author's self-reply chain. Archives and the API both hand us a bag of the
 * author's posts with "replied to" pointers; this turns that bag into ordered chains.
 *
 * Authors sometimes reply to the same post twice (a correction, an afterthought): the chain
 * follows the longest branch, the earlier reply on a tie, and reports what it left out.
 */

export interface ChainItem {
  id: string;
  /** The post this one replies to, when it is one of the author's own. */
  parentId?: string;
  /** Milliseconds since the epoch; orders sibling replies. */
  time: number;
}

export interface ReplyChain {
  /** Root first. */
  ids: string[];
  /** Posts of the same reply tree that are not on the chosen branch. */
  offBranch: string[];
}

/** Post ids are snowflakes: longer is later, then lexical order is numeric order. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function compareByTime(a: ChainItem, b: ChainItem): number {
  return a.time - b.time || compareIds(a.id, b.id);
}

/**
 * Every reply tree among `items`, as its main chain. A root is an item whose parent is not
 * among the items. Single posts come back as chains of one; callers decide whether they count.
 */
export function findReplyChains(items: readonly ChainItem[]): ReplyChain[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const children = new Map<string, ChainItem[]>();
  const roots: ChainItem[] = [];
  for (const item of items) {
    const parent = item.parentId !== undefined && item.parentId !== item.id ? byId.get(item.parentId) : undefined;
    if (!parent) {
      roots.push(item);
      continue;
    }
    const list = children.get(parent.id) ?? [];
    list.push(item);
    children.set(parent.id, list);
  }
  for (const list of children.values()) list.sort(compareByTime);
  const depth = branchDepths(roots, children);
  return roots.sort(compareByTime).map((root) => mainChain(root, children, depth));
}

/** Longest path below each node, computed without recursion so very long threads are fine. */
function branchDepths(roots: readonly ChainItem[], children: Map<string, ChainItem[]>): Map<string, number> {
  const depth = new Map<string, number>();
  for (const root of roots) {
    const stack: Array<{ node: ChainItem; expanded: boolean }> = [{ node: root, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const kids = children.get(top.node.id) ?? [];
      if (!top.expanded) {
        top.expanded = true;
        for (const kid of kids) if (!depth.has(kid.id)) stack.push({ node: kid, expanded: false });
        continue;
      }
      stack.pop();
      depth.set(top.node.id, 1 + Math.max(0, ...kids.map((kid) => depth.get(kid.id) ?? 0)));
    }
  }
  return depth;
}

function mainChain(root: ChainItem, children: Map<string, ChainItem[]>, depth: Map<string, number>): ReplyChain {
  const ids: string[] = [];
  const offBranch: string[] = [];
  let node: ChainItem | undefined = root;
  while (node) {
    ids.push(node.id);
    const kids: ChainItem[] = children.get(node.id) ?? [];
    let next: ChainItem | undefined;
    for (const kid of kids) {
      // Kids are sorted by time, so a strict comparison keeps the earlier reply on a tie.
      if (!next || (depth.get(kid.id) ?? 0) > (depth.get(next.id) ?? 0)) next = kid;
    }
    for (const kid of kids) if (kid !== next) collectTree(kid, children, offBranch);
    node = next;
  }
  return { ids, offBranch };
}

function collectTree(start: ChainItem, children: Map<string, ChainItem[]>, into: string[]): void {
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    into.push(node.id);
    stack.push(...(children.get(node.id) ?? []));
  }
}

/** The chain holding `id`, as its root or any member. */
export function chainContaining(chains: readonly ReplyChain[], id: string): ReplyChain | undefined {
  return chains.find((chain) => chain.ids.includes(id) || chain.offBranch.includes(id));
}
