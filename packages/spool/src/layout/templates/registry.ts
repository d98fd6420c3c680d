/** Every content composition by its layout id: the one list a new composition is added to. */
import type { Slide } from '../../model/deck.js';
import type { LayoutContext } from '../context.js';
import type { PagePart } from '../compose.js';
import { layoutCode } from './code.js';
import { layoutComparison } from './comparison.js';
import { layoutClassic, layoutImageFocus, layoutImageGrid, layoutNumbered, layoutPostCard, layoutStatement } from './content.js';
import { layoutQuote } from './quote.js';
import { layoutStat } from './stat.js';
import { layoutSteps } from './steps.js';

export type Composition = (ctx: LayoutContext, slide: Slide) => PagePart[];

export const CONTENT_TEMPLATES: Readonly<Record<string, Composition>> = {
  classic: layoutClassic,
  'post-card': layoutPostCard,
  statement: layoutStatement,
  numbered: layoutNumbered,
  'image-focus': (ctx, slide) => layoutImageFocus(ctx, slide),
  'image-grid': layoutImageGrid,
  quote: layoutQuote,
  stat: layoutStat,
  steps: layoutSteps,
  comparison: layoutComparison,
  code: layoutCode,
};
