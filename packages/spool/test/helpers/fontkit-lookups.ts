import type { Font } from 'fontkit';

/**
 * fontkit applies an OpenType lookup by trying each subtable at each glyph, and for a chained
 * context it matches the backtrack before it looks at the glyph itself. Inter's contextual
 * alternates are hundreds of such rules, so that is where most shaping time goes. Every lookup
 * type fontkit supports does nothing unless the current glyph is in the subtable's first
 * coverage, so asking that first, from a set built once per subtable, skips the work and changes
 * no result; a lookup none of whose subtables can start at any glyph of the run is skipped
 * whole. Tests compare against an untouched fontkit. Only this font object is touched; when
 * fontkit's internals are not what we expect, nothing is. It matters only to the fontkit shaper.
 */

interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}

interface Subtable {
  version?: number;
  lookupType?: number;
  extension?: Subtable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
}

interface Lookup {
  lookupType: number;
  subTables: Iterable<Subtable>;
}

interface Glyph {
  id: number;
}

interface Processor {
  applyLookup(lookupType: number, table: Subtable): boolean;
  applyLookups(lookups: { lookup: Lookup }[], glyphs: Glyph[], positions: unknown): void;
  glyphIterator: { cur: Glyph | null | undefined };
}

function coverageSet(coverage: Coverage | undefined): Set<number> | null {
  if (!coverage) return null;
  const set = new Set<number>();
  if (coverage.version === 1 && Array.isArray(coverage.glyphs)) {
    for (const g of coverage.glyphs) set.add(g);
    return set;
  }
  if (coverage.version === 2 && Array.isArray(coverage.rangeRecords)) {
    for (const r of coverage.rangeRecords) for (let g = r.start; g <= r.end; g++) set.add(g);
    return set;
  }
  return null;
}

/** The coverage the current glyph must be in for the subtable to do anything; undefined if unknown. */
function firstCoverage(type: number, table: Subtable, gpos: boolean): Coverage | undefined {
  const context = gpos ? 7 : 5;
  const chained = gpos ? 8 : 6;
  if (type === context) return table.version === 3 ? table.coverages?.[0] : table.coverage;
  if (type === chained) return table.version === 3 ? table.inputCoverage?.[0] : table.coverage;
  if (type >= 1 && type <= (gpos ? 3 : 4)) return table.coverage;
  if (gpos && (type === 4 || type === 5)) return table.markCoverage;
  if (gpos && type === 6) return table.mark1Coverage;
  // Extension lookups come back through applyLookup with the subtable they wrap.
  return undefined;
}

function filterProcessor(proc: Processor | null | undefined, gpos: boolean): void {
  if (!proc || typeof proc.applyLookup !== 'function' || typeof proc.applyLookups !== 'function') return;
  const extension = gpos ? 9 : 7;
  const subtableSets = new WeakMap<object, Set<number> | null>();
  const lookupSets = new WeakMap<object, Set<number>[] | null>();

  const subtableSet = (type: number, table: Subtable): Set<number> | null => {
    let set = subtableSets.get(table);
    if (set === undefined) {
      set = coverageSet(firstCoverage(type, table, gpos));
      subtableSets.set(table, set);
    }
    return set;
  };
  const setsOf = (lookup: Lookup): Set<number>[] | null => {
    let sets = lookupSets.get(lookup);
    if (sets === undefined) {
      sets = [];
      for (let table of lookup.subTables) {
        let type = lookup.lookupType;
        while (type === extension && table.extension && table.lookupType !== undefined) {
          type = table.lookupType;
          table = table.extension;
        }
        const set = subtableSet(type, table);
        if (!set) {
          sets = null;
          break;
        }
        sets.push(set);
      }
      lookupSets.set(lookup, sets);
    }
    return sets;
  };
  const canStart = (sets: Set<number>[], glyphs: Glyph[]): boolean => {
    for (const glyph of glyphs) for (const set of sets) if (set.has(glyph.id)) return true;
    return false;
  };

  const applyLookup = proc.applyLookup;
  proc.applyLookup = function (this: Processor, type: number, table: Subtable): boolean {
    const set = subtableSet(type, table);
    const cur = this.glyphIterator.cur;
    if (set !== null && cur && !set.has(cur.id)) return false;
    return applyLookup.call(this, type, table);
  };

  // fontkit resets its glyph iterator for every lookup, so applying lookups one call at a time
  // is the same as applying them in one call; the empty first call sets up the same state.
  const applyLookups = proc.applyLookups;
  proc.applyLookups = function (this: Processor, lookups, glyphs, positions): void {
    applyLookups.call(this, [], glyphs, positions);
    for (const entry of lookups) {
      const sets = setsOf(entry.lookup);
      if (sets && !canStart(sets, glyphs)) continue;
      applyLookups.call(this, [entry], glyphs, positions);
    }
  };
}

export function filterLookups(font: Font): void {
  try {
    const engine = (font as unknown as { _layoutEngine?: { engine?: Record<string, unknown> } })._layoutEngine?.engine;
    if (!engine || !('GSUBProcessor' in engine) || !('GPOSProcessor' in engine)) return;
    filterProcessor(engine.GSUBProcessor as Processor | null, false);
    filterProcessor(engine.GPOSProcessor as Processor | null, true);
  } catch {
    // A font fontkit cannot build a layout engine for fails later, where shaping reports it.
  }
}
