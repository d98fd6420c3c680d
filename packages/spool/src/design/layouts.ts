import type { LayoutTemplate, PatternDef } from './types.js';
import { quoteInput } from '../errors/input-error.js';

export const AUTO_LAYOUT_ID = 'auto';

export const LAYOUTS: readonly LayoutTemplate[] = [
  { id: AUTO_LAYOUT_ID, label: 'Auto', description: 'Each slide composed for what it says: statement, quote, stat, steps, comparison, code, image or image grid.' },
  { id: 'classic', label: 'Classic', description: 'Title and body text with an accent rule; images below the text.' },
  { id: 'post-card', label: 'Post card', description: 'Each slide shows the post as a card with avatar, name and handle.' },
  { id: 'statement', label: 'Big statement', description: 'Large, bold text that fills the slide; best for short posts.' },
  { id: 'numbered', label: 'Numbered steps', description: 'A large step number beside each slide’s text.' },
  { id: 'image-focus', label: 'Image focus', description: 'The image fills the top of the slide with the text beneath it.' },
  { id: 'image-grid', label: 'Image grid', description: 'Two to four images as an even grid, the text beneath as their caption.' },
  { id: 'quote', label: 'Quote', description: 'The words large under big quotation marks in the accent colour, who said them below.' },
  { id: 'stat', label: 'Stat', description: 'A leading figure (90%, 3×, $1.2M) huge, the rest of the text as its caption.' },
  { id: 'steps', label: 'Steps', description: 'A list as large numerals or marks beside evenly spaced items.' },
  { id: 'comparison', label: 'Comparison', description: 'Before/After, Do/Don’t, Myth/Fact as two labelled halves.' },
  { id: 'code', label: 'Code', description: 'Code large on an editor card in syntax colours, the words around it above and below.' },
];

export const DEFAULT_LAYOUT_ID = AUTO_LAYOUT_ID;

export const PATTERNS: readonly PatternDef[] = [
  { id: 'none', label: 'None' },
  { id: 'dots', label: 'Dots' },
  { id: 'grid', label: 'Grid' },
  { id: 'diagonal', label: 'Diagonal lines' },
  { id: 'waves', label: 'Waves' },
  { id: 'corners', label: 'Corner rings' },
];

export function findLayout(id: string): LayoutTemplate {
  const layout = LAYOUTS.find((l) => l.id === id);
  if (!layout) throw new RangeError(`unknown layout ${quoteInput(String(id))} (try ${LAYOUTS.map((l) => l.id).join(', ')})`);
  return layout;
}

/**
 * A layout by its id or by the name people see (`big-statement`, "Numbered steps"), as the studio
 * and the README show them; an unknown name is returned as given, for the usual message.
 */
export function layoutIdFor(name: string): string {
  const slug = (text: string) => text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return LAYOUTS.find((l) => l.id === name || slug(l.label) === slug(name) || l.id === slug(name))?.id ?? name;
}

export function findPattern(id: string): PatternDef {
  const pattern = PATTERNS.find((p) => p.id === id);
  if (!pattern) throw new RangeError(`unknown pattern ${quoteInput(String(id))} (try ${PATTERNS.map((p) => p.id).join(', ')})`);
  return pattern;
}
