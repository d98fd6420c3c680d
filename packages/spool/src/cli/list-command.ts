import { DESIGN_LISTS, isDesignListName } from '../design/catalog.js';
import type { CliFlags } from './args.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';

export function runList(flags: CliFlags, positionals: string[], io: CliIo): number {
  const what = positionals[0];
  if (!what || !isDesignListName(what)) throw new UsageError(`list what? one of ${Object.keys(DESIGN_LISTS).join(', ')}`);
  const rows = DESIGN_LISTS[what]();
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(rows.map((r) => r.data), null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) io.stdout.write(`${r.id.padEnd(width)}  ${r.label}${r.description ? ` — ${r.description}` : ''}\n`);
  return 0;
}
