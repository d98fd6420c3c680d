import type { FontFace } from '../scene/types.js';
import { readSfnt, tableDirectory, type SfntInfo, type SfntTable } from '../formats/sfnt.js';
import type { FaceGlyphs, FontMetrics, FontWeight, ShapedChunk, Shaper, ShaperFace } from './types.js';
import type { FontFamilyId } from '../design/types.js';

/**
 * One loaded font file with the caches that make repeated shaping and coverage checks cheap.
 * Metrics and names come from its sfnt tables; `shaper` sets its text and reads its character
 * map, advances and outlines, from the same parsed form it shapes with.
 */
export class Face implements ShaperFace {
  readonly bytes: Uint8Array;
  readonly info: SfntInfo;
  readonly unitsPerEm: number;
  /** Per 1 unit of font size; ascent and descent are both positive. */
  readonly metrics: FontMetrics;
  readonly fontFace: FontFace;
  /** Shaped text pieces by string, in font units; owned by shaping.ts. */
  readonly chunks = new Map<string, ShapedChunk>();
  private readonly coverage = new Map<number, boolean>();
  private readonly paths = new Map<number, string>();
  /** Asked of the shaper on first use: a face loaded only for its metrics is never parsed. */
  private inspected: FaceGlyphs | undefined;

  constructor(
    readonly key: string,
    readonly family: FontFamilyId,
    readonly weight: FontWeight,
    readonly italic: boolean,
    bytes: Uint8Array,
    readonly shaper: Shaper,
  ) {
    this.bytes = bytes;
    try {
      this.info = readSfnt(this.bytes);
    } catch (err) {
      throw new Error(`${key}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const upm = this.info.unitsPerEm;
    this.unitsPerEm = upm;
    this.metrics = {
      ascent: this.info.ascent / upm,
      descent: Math.abs(this.info.descent) / upm,
      capHeight: this.info.capHeight / upm,
      xHeight: this.info.xHeight / upm,
    };
    this.fontFace = {
      key,
      family: this.info.familyName,
      bytes: this.bytes,
      unitsPerEm: upm,
      glyphPath: (id) => this.glyphPath(id),
      advance: (id) => this.glyphs.advance(id),
    };
  }

  private get glyphs(): FaceGlyphs {
    return (this.inspected ??= this.shaper.inspect(this));
  }

  has(codePoint: number): boolean {
    let known = this.coverage.get(codePoint);
    if (known === undefined) {
      known = this.glyphs.has(codePoint);
      this.coverage.set(codePoint, known);
    }
    return known;
  }

  /** Stops using this face for a character it has a glyph for but cannot shape. */
  reject(codePoint: number): void {
    this.coverage.set(codePoint, false);
  }

  glyphPath(id: number): string {
    let d = this.paths.get(id);
    if (d === undefined) {
      d = this.glyphs.path(id);
      this.paths.set(id, d);
    }
    return d;
  }
}

export function faceKey(family: FontFamilyId, weight: FontWeight, italic: boolean): string {
  return `${family}-${weight}${italic ? '-italic' : ''}`;
}

/** Splits `sans-700-italic` back into its parts; family ids may themselves contain dashes. */
export function parseFaceKey(key: string): { family: string; weight: FontWeight; italic: boolean } | undefined {
  const m = /^(.+)-([4-8]00)(-italic)?$/.exec(key);
  if (!m) return undefined;
  return { family: m[1], weight: Number(m[2]) as FontWeight, italic: m[3] !== undefined };
}

