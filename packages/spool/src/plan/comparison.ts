/**
 * Two sides set against each other: `Before: … / After: …`, `Do: … / Don't: …`, `Myth: … / Fact: …`,
 * `❌ … / ✅ …`. A side is every block from its label up to the next label; a block before the first
 * label is the comparison's lead.
 */
import type { Block, Span } from '../model/document.js';
import { blockText } from '../model/document.js';
import { splitSpansAt } from './hook.js';

/** Labels that pair up, first side first. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['before', 'after'], ['do', "don't"], ['do', 'don’t'], ['myth', 'fact'], ['then', 'now'], ['old', 'new'],
  ['bad', 'good'], ['wrong', 'right'], ['pros', 'cons'], ['problem', 'solution'], ['without', 'with'],
  ['❌', '✅'], ['✗', '✓'], ['✅', '❌'], ['✓', '✗'], ['don’t', 'do'], ["don't", 'do'],
];

const LABEL = /^\s*(before|after|do|don['’]t|myth|fact|then|now|old|new|bad|good|wrong|right|pros|cons|problem|solution|without|with|❌|✅|✗|✓)(?:\s*[:—–-]\s*|\s+(?=\p{L}))/iu;

export interface Side {
  /** The label as written (`Before`), without its colon. */
  label: string;
  blocks: Block[];
}

export interface Comparison {
  lead: Block[];
  sides: [Side, Side];
}

export function comparisonOf(blocks: readonly Block[]): Comparison | undefined {
  const lead: Block[] = [];
  const sides: Side[] = [];
  for (const block of blocks) {
    const match = block.type === 'heading' ? null : LABEL.exec(blockText(block));
    // Emoji labels need no colon; word labels do, so "Do more" is not a side.
    const word = match && /\p{L}/u.test(match[1]);
    if (match && (!word || /[:—–-]\s*$/.test(match[0]))) {
      const [, rest] = splitSpansAt(block.spans, match[0].length);
      sides.push({ label: match[1], blocks: rest.length ? [{ ...block, type: block.type === 'listItem' ? 'listItem' : 'paragraph', spans: trimStart(rest) }] : [] });
    } else if (sides.length === 0) lead.push(block);
    else sides[sides.length - 1].blocks.push(block);
  }
  if (sides.length !== 2) return undefined;
  const [a, b] = sides.map((s) => s.label.toLowerCase());
  if (!PAIRS.some(([x, y]) => x === a && y === b)) return undefined;
  if (sides.some((s) => s.blocks.length === 0)) return undefined;
  return { lead, sides: [sides[0], sides[1]] };
}

function trimStart(spans: Span[]): Span[] {
  return spans.map((s, i) => (i === 0 ? { ...s, text: s.text.trimStart() } : s)).filter((s) => s.text.length > 0);
}
