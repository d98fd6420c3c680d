import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { knownErrorReport } from '../errors/error-report.js';

/** A result a client can read as text and a program as data: the same object both ways. */
export function jsonResult(value: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }], structuredContent: value };
}

/**
 * A failure as the tool's answer rather than a protocol error, worded as the CLI words it
 * (`spool: kd.json: posts[3].author.handle: required`), so the caller can fix its arguments and
 * call again. Anything unrecognised is a bug: its stack goes to stderr, for whoever runs the server.
 */
export function errorResult(err: unknown): CallToolResult {
  const known = knownErrorReport(err);
  if (!known) process.stderr.write(`spool mcp: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  const message = known?.message ?? (err instanceof Error ? err.message : String(err));
  return { isError: true, content: [{ type: 'text', text: `spool: ${message}` }] };
}
