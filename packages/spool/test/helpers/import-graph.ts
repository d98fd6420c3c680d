/**
 * The project's own import graph, read from the sources: every relative `import`, `export … from`
 * and `import()` of every .ts/.tsx file under the given folders, type-only imports included (they
 * shape the design as much as the others). Written by hand because it is twenty lines and needs
 * nothing but the file system; the rules it serves are in test/repo/architecture.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ImportGraph {
  /** file -> the project files it imports (absolute paths); bare and `node:` imports in `external`. */
  edges: Map<string, Set<string>>;
  external: Map<string, Set<string>>;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

export function readImportGraph(folders: readonly string[]): ImportGraph {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) files.push(file);
    }
  };
  folders.forEach(walk);
  const edges = new Map<string, Set<string>>();
  const external = new Map<string, Set<string>>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    const local = new Set<string>();
    const outside = new Set<string>();
    for (const match of source.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec.startsWith('.')) {
        outside.add(spec);
        continue;
      }
      const target = resolve(path.resolve(path.dirname(file), spec));
      if (target) local.add(target);
    }
    edges.set(file, local);
    external.set(file, outside);
  }
  return { edges, external };
}

function resolve(spec: string): string | undefined {
  const bare = spec.replace(/\.(js|jsx|ts|tsx)$/, '');
  for (const candidate of [`${bare}.ts`, `${bare}.tsx`, path.join(bare, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** Groups of files that import each other round a circle (Tarjan's strongly connected components). */
export function importCycles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.edges.get(v) ?? []) {
      if (!graph.edges.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.edges.get(v)?.has(v)) cycles.push(group);
    }
  };
  for (const file of graph.edges.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** Every file reachable from `start` (itself included). */
export function reachable(graph: ImportGraph, start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of graph.edges.get(file) ?? []) todo.push(next);
  }
  return seen;
}
