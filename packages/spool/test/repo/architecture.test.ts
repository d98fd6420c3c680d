import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, reachable, readImportGraph } from '../helpers/import-graph.js';

const packages = path.resolve(import.meta.dirname, '../../..');
const src = path.join(packages, 'spool/src');
const graph = readImportGraph([src, path.join(packages, 'studio/src')]);
const rel = (file: string) => path.relative(packages, file);

/**
 * The floors of the library, lowest first. A file may import from its own folder and from folders
 * on lower floors, never from a higher one: vocabulary at the bottom, then the pipeline's stages in
 * the order data flows through them, then the shells. Folders on one floor do not import each other.
 */
const FLOORS: string[][] = [
  ['errors', 'formats', 'scene'],
  ['design'],
  ['model'],
  ['plan', 'text', 'condense'],
  ['layout', 'edit', 'sources'],
  ['draw'],
  ['paint'],
  ['node', 'rewrite'],
  ['deliver'],
  ['store'],
  ['server', 'mcp'],
  ['cli'],
];
const floorOf = new Map(FLOORS.flatMap((folders, floor) => folders.map((f) => [f, floor] as const)));
const folderOf = (file: string) => path.relative(src, file).split(path.sep)[0];
const spoolFiles = [...graph.edges.keys()].filter((f) => f.startsWith(src + path.sep));

describe('the architecture', () => {
  it('has no import cycles, type-only imports included', () => {
    expect(importCycles(graph).map((group) => group.map(rel).sort())).toEqual([]);
  });

  it('gives every folder of the library a floor', () => {
    const folders = new Set(spoolFiles.map(folderOf).filter((f) => !/\.ts$/.test(f)));
    expect([...folders].filter((f) => !floorOf.has(f))).toEqual([]);
  });

  it('never imports from a higher floor, nor across folders of one floor', () => {
    const wrong: string[] = [];
    for (const file of spoolFiles) {
      const from = folderOf(file);
      if (!floorOf.has(from)) continue; // the entry files (core.ts, index.ts) stand above every floor
      for (const target of graph.edges.get(file) ?? []) {
        const to = folderOf(target);
        if (to === from) continue;
        if (!floorOf.has(to) || floorOf.get(to)! >= floorOf.get(from)!) wrong.push(`${rel(file)} -> ${rel(target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps each painter to itself: PDF and SVG import no other painter, PNG only the SVG it rasterises', () => {
    const painter = (file: string) => /^paint\/(\w+)\//.exec(path.relative(src, file).split(path.sep).join('/'))?.[1];
    const wrong: string[] = [];
    for (const file of spoolFiles) {
      const own = painter(file);
      if (!own) continue;
      for (const target of graph.edges.get(file) ?? []) {
        const other = painter(target);
        if (!other || other === own) continue;
        const rasterisesSvg = own === 'png' && path.relative(src, target).split(path.sep).join('/') === 'paint/svg/index.ts';
        if (!rasterisesSvg) wrong.push(`${rel(file)} -> ${rel(target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets the studio in through the front door only: spool/core and spool/api, never a path into the library', () => {
    const studio = path.join(packages, 'studio/src');
    const wrong: string[] = [];
    for (const [file, targets] of graph.edges) {
      if (!file.startsWith(studio + path.sep)) continue;
      for (const target of targets) if (!target.startsWith(studio + path.sep)) wrong.push(`${rel(file)} -> ${rel(target)}`);
      for (const spec of graph.external.get(file) ?? []) if (/^spool(\/|$)/.test(spec) && spec !== 'spool/core' && spec !== 'spool/api') wrong.push(`${rel(file)} -> ${spec}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the studio\'s calls to the server behind its services: no component or state hook imports the API client', () => {
    const components = [...graph.edges.keys()].filter((f) => /studio\/src\/(components|dnd|state)\//.test(f.split(path.sep).join('/')));
    const calling = components.filter((f) => /import\s*\{[^}]*\bapi\b[^}]*\}\s*from\s*'[./]*api\/client\.js'/.test(readFileSync(f, 'utf8')));
    expect(calling.map(rel)).toEqual([]);
  });

  it('keeps the browser core free of Node: nothing core.ts reaches imports node: modules or the Node-only folders', () => {
    const core = reachable(graph, path.join(src, 'core.ts'));
    const nodeOnly = new Set(['node', 'deliver', 'server', 'mcp', 'store', 'cli']);
    const wrong = [...core].filter((file) => nodeOnly.has(folderOf(file)) || [...(graph.external.get(file) ?? [])].some((s) => s.startsWith('node:')));
    expect(wrong.map(rel)).toEqual([]);
  });
});
