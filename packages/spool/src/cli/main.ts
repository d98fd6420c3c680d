import { knownErrorReport } from '../errors/error-report.js';
import { parseCli } from './args.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { USAGE, UsageError } from './usage.js';

/** The CLI: a thin shell over the library. Returns the exit code: 0 done, 2 bad input or usage, 1 anything else. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    const { values: flags, positionals } = parseCli(argv);
    const [command, ...rest] = positionals;
    if (flags.version) {
      io.stdout.write('spool 0.1.0\n');
      return 0;
    }
    if (flags.help || !command || command === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return command || flags.help ? 0 : 2;
    }
    switch (command) {
      // Each command loads only what it needs: a cold `build` should not pay for the server.
      case 'build':
        return await (await import('./build-command.js')).runBuild(flags, rest, io);
      case 'import':
        return await (await import('./import-command.js')).runImport(flags, rest, io);
      case 'list':
        return (await import('./list-command.js')).runList(flags, rest, io);
      case 'backup':
        return await (await import('./backup-command.js')).runBackup(flags, rest, io);
      case 'restore':
        return await (await import('./backup-command.js')).runRestore(flags, rest, io);
      case 'publish':
        return await (await import('./publish-command.js')).runPublish(flags, rest, io);
      case 'serve':
        return await (await import('./serve-command.js')).runServe(flags, rest, io);
      case 'mcp':
        return await (await import('./mcp-command.js')).runMcp(flags, rest, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    return report(err, io);
  }
}

function report(err: unknown, io: CliIo): number {
  if (err instanceof UsageError) {
    io.stderr.write(`spool: ${err.message}\nRun "spool help" for usage.\n`);
    return 2;
  }
  const known = knownErrorReport(err);
  if (known) {
    io.stderr.write(`spool: ${known.message}\n`);
    return known.exitCode;
  }
  const e = err as NodeJS.ErrnoException;
  io.stderr.write(`spool: ${e?.stack ?? String(err)}\n`);
  return 1;
}
