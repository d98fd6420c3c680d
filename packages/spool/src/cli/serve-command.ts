import { spawn } from 'node:child_process';
import { startServer } from '../server/index.js';
import { ServerConfigError } from '../server/options.js';
import { StorageError } from '../store/errors.js';
import { numberFlag, type CliFlags } from './args.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';

/**
 * `spool serve`: the studio and the HTTP API until SIGINT or SIGTERM, then a graceful stop: no new
 * requests, those in flight finish, the database closes cleanly.
 */
export async function runServe(flags: CliFlags, positionals: string[], io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments, got "${positionals[0]}"`);
  let server;
  try {
    server = await startServer({ port: numberFlag(flags, 'port'), host: flags.host, dataDir: flags.data });
  } catch (err) {
    if (err instanceof ServerConfigError || err instanceof StorageError) {
      io.stderr.write(`spool: ${err.message}\n`);
      return err instanceof ServerConfigError ? 2 : 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (e?.code === 'EADDRINUSE') {
      io.stderr.write(`spool: port ${flags.port ?? process.env.PORT ?? 4321} is in use; choose another with --port\n`);
      return 1;
    }
    throw err;
  }
  io.stdout.write(`Spool studio: ${server.url}\n`);
  io.stdout.write(`Data: ${server.store.file}\n`);
  if (flags.open) openBrowser(server.url);

  const running = server;
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.stderr.write(`spool: ${signal}, finishing requests in flight\n`);
      running.close().then(resolve, (err: unknown) => {
        io.stderr.write(`spool: ${err instanceof Error ? err.message : String(err)}\n`);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

/** Best effort: a missing opener only means the user clicks the printed link. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no opener on this system
  }
}
