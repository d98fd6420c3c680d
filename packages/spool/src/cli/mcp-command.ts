import type { CliFlags } from './args.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';

/**
 * `spool mcp`: a Model Context Protocol server on stdin and stdout, for an MCP client to start.
 * Runs until the client closes its end.
 */
export async function runMcp(_flags: CliFlags, positionals: string[], io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  // A person who runs it by hand sees why nothing happens; a client reads stdout, never stderr.
  if (process.stdin.isTTY) io.stderr.write('spool mcp: serving the Model Context Protocol on stdin/stdout; start it from an MCP client\n');
  const { serveStdio } = await import('../mcp/server.js');
  await serveStdio({ version: '0.1.0' });
  return 0;
}
