import { name, type PdfFile, type PdfRef } from './pdf-objects.js';

/**
 * One page being painted: its content operators and the resources they name. Pages are drawn in
 * the scene's own space (y down, in points) by a flip written first in the content stream.
 */
export class PdfPage {
  readonly ops: string[] = [];
  readonly fonts: Record<string, PdfRef> = {};
  readonly xobjects: Record<string, PdfRef> = {};
  readonly extGStates: Record<string, PdfRef> = {};
  readonly shadings: Record<string, PdfRef> = {};
  readonly annots: PdfRef[] = [];

  constructor(
    readonly ref: PdfRef,
    readonly width: number,
    readonly height: number,
  ) {
    this.ops.push(`1 0 0 -1 0 ${height} cm`);
  }

  add(op: string): void {
    this.ops.push(op);
  }
}

/**
 * Graphics states for opacity (`ca` fills, `CA` strokes), one object per distinct value in a
 * document, named the same on every page that uses it.
 */
export class PdfAlphaStates {
  private readonly states = new Map<string, { resource: string; ref: PdfRef }>();

  constructor(private readonly file: PdfFile) {}

  /** The operator applying these opacities on `page`, or '' when both are opaque. */
  apply(page: PdfPage, fill = 1, stroke = 1): string {
    const ca = Math.round(Math.min(1, Math.max(0, fill)) * 1000) / 1000;
    const CA = Math.round(Math.min(1, Math.max(0, stroke)) * 1000) / 1000;
    if (ca === 1 && CA === 1) return '';
    const key = `${ca}/${CA}`;
    let state = this.states.get(key);
    if (!state) {
      const resource = `GA${this.states.size + 1}`;
      state = { resource, ref: this.file.set({ Type: name('ExtGState'), ca, CA }) };
      this.states.set(key, state);
    }
    page.extGStates[state.resource] = state.ref;
    return `/${state.resource} gs`;
  }
}
