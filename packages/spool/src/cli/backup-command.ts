import { backupDatabase, restoreDatabase } from '../store/backup.js';
import type { CliFlags } from './args.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';

/** `spool backup <file>`: a consistent copy of everything in the data folder, safe while serving. */
export async function runBackup(flags: CliFlags, positionals: string[], io: CliIo): Promise<number> {
  const file = onlyFile('backup', positionals);
  const result = await backupDatabase(file, flags.data);
  if (!flags.quiet) io.stderr.write(`spool: backed up ${result.projects} projects, kits, presets and assets to ${result.file}\n`);
  return 0;
}

/** `spool restore <file>`: puts a backup back, keeping the replaced database as spool.db.bak. */
export async function runRestore(flags: CliFlags, positionals: string[], io: CliIo): Promise<number> {
  const file = onlyFile('restore', positionals);
  const result = await restoreDatabase(file, flags.data);
  if (!flags.quiet) {
    const kept = result.previous ? `; the previous database is kept as ${result.previous}` : '';
    io.stderr.write(`spool: restored ${result.projects} projects from ${file}${kept}\n`);
  }
  return 0;
}

function onlyFile(command: string, positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes one file, got ${positionals.length}`);
  return positionals[0];
}
