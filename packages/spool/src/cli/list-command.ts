import { THEMES } from '../design/themes.js';
import { LAYOUTS, PATTERNS } from '../design/layouts.js';
import { RATIOS } from '../design/ratios.js';
import { FONT_FAMILIES } from '../design/fonts.js';
import type { CliFlags } from './args.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';

const LISTS = {
  themes: () => THEMES.map((t) => ({ id: t.id, label: t.label, description: `${t.background} / ${t.accent}, ${t.titleFont} titles` , data: t })),
  layouts: () => LAYOUTS.map((l) => ({ id: l.id, label: l.label, description: l.description, data: l })),
  ratios: () => RATIOS.map((r) => ({ id: r.id, label: r.label, description: `${r.width}x${r.height}`, data: r })),
  patterns: () => PATTERNS.map((p) => ({ id: p.id, label: p.label, description: '', data: p })),
  fonts: () => FONT_FAMILIES.map((f) => ({ id: f.id, label: f.label, description: f.role, data: f })),
};

export function runList(flags: CliFlags, positionals: string[], io: CliIo): number {
  const what = positionals[0];
  if (!what || !(what in LISTS)) throw new UsageError(`list what? one of ${Object.keys(LISTS).join(', ')}`);
  const rows = LISTS[what as keyof typeof LISTS]();
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(rows.map((r) => r.data), null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) io.stdout.write(`${r.id.padEnd(width)}  ${r.label}${r.description ? ` — ${r.description}` : ''}\n`);
  return 0;
}
