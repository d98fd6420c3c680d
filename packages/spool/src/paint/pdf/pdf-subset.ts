import { readFile } from 'node:fs/promises';

/**
 * Font subsetting with HarfBuzz's subsetter (`harfbuzz-subset.wasm`, shipped in the harfbuzzjs
 * package next to the shaper). A subset keeps only the glyphs a document draws, at their original
 * glyph ids (RETAIN_GIDS), so the PDF can name glyphs by their ids without a remapping, and drops
 * hinting and the layout tables (text in a PDF is already shaped).
 *
 * The WASM has no imports; it is compiled once per process, on first use, off the main thread by
 * V8's asynchronous compile.
 */

interface SubsetExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

/** hb_memory_mode_t: HarfBuzz reads the bytes where they are. */
const MEMORY_MODE_READONLY = 1;
/** hb_subset_flags_t. */
const NO_HINTING = 0x1;
const RETAIN_GIDS = 0x2;
/** hb_subset_sets_t: tables to leave out. */
const SETS_DROP_TABLE_TAG = 3;
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'kern', 'morx', 'STAT', 'DSIG', 'meta', 'vhea', 'vmtx', 'VORG'];

const tag = (s: string) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;

export interface Subsetter {
  /** The font reduced to `glyphIds` (plus .notdef and any composite parts) at their original ids. */
  subset(font: Uint8Array, glyphIds: Iterable<number>): Uint8Array;
}

let loading: Promise<Subsetter> | undefined;

/** The subsetter for this process; loading starts on the first call. */
export function loadSubsetter(): Promise<Subsetter> {
  loading ??= (async () => {
    const url = new URL('harfbuzz-subset.wasm', import.meta.resolve('harfbuzzjs'));
    const module = await WebAssembly.compile(await readFile(url));
    const instance = await WebAssembly.instantiate(module, {});
    return createSubsetter(instance.exports as unknown as SubsetExports);
  })();
  return loading;
}

function createSubsetter(hb: SubsetExports): Subsetter {
  return {
    subset(font, glyphIds) {
      const fontPtr = hb.malloc(font.byteLength);
      if (!fontPtr) throw new Error('font subsetting: out of memory');
      new Uint8Array(hb.memory.buffer, fontPtr, font.byteLength).set(font);
      const blob = hb.hb_blob_create(fontPtr, font.byteLength, MEMORY_MODE_READONLY, 0, 0);
      const face = hb.hb_face_create(blob, 0);
      const input = hb.hb_subset_input_create_or_fail();
      let result = 0;
      let resultBlob = 0;
      try {
        if (!input) throw new Error('font subsetting: could not create the subset input');
        const glyphs = hb.hb_subset_input_glyph_set(input);
        hb.hb_set_add(glyphs, 0);
        for (const id of glyphIds) hb.hb_set_add(glyphs, id);
        const dropped = hb.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
        for (const t of DROPPED_TABLES) hb.hb_set_add(dropped, tag(t));
        hb.hb_subset_input_set_flags(input, NO_HINTING | RETAIN_GIDS);
        result = hb.hb_subset_or_fail(face, input);
        if (!result) throw new Error('font subsetting failed');
        resultBlob = hb.hb_face_reference_blob(result);
        const length = hb.hb_blob_get_length(resultBlob);
        const data = hb.hb_blob_get_data(resultBlob, 0);
        if (!length || !data) throw new Error('font subsetting produced no font');
        return new Uint8Array(hb.memory.buffer, data, length).slice();
      } finally {
        if (resultBlob) hb.hb_blob_destroy(resultBlob);
        if (result) hb.hb_face_destroy(result);
        if (input) hb.hb_subset_input_destroy(input);
        hb.hb_face_destroy(face);
        hb.hb_blob_destroy(blob);
        hb.free(fontPtr);
      }
    },
  };
}
