/** How a run of blocks is set (size, colour, face, alignment) and what laying it out gives. */
import type { Align } from './lines.js';
import type { Emphasis } from './styles.js';
import type { LaidElement } from './types.js';
import type { Wrap } from './wrap.js';

export interface FlowStyle {
  size: number;
  color: string;
  family: string;
  weight?: 400 | 500 | 600 | 700 | 800;
  align?: Align;
  lineHeight?: number;
  /** Where lines break: body text avoids widows (`pretty`, the default), display text is balanced. */
  wrap?: Wrap;
  /** How bold spans show in display text (statement, quote), where bold alone would not. */
  emphasis?: Emphasis;
}

export interface Flow {
  elements: LaidElement[];
  height: number;
}
