import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the platform stand-ins share: failures a test asks for ahead (`failNext`), answers held back
 * after a call took effect (`holdNext`), the timers to clear when the stand-in closes, and the
 * plumbing of a loopback server.
 */
export class MockSwitches<Route extends string, Failure extends string> {
  private readonly failures: { kind: Failure; remaining: number; route?: Route }[] = [];
  private readonly holds = new Map<Route, number[]>();
  private readonly timers = new Set<NodeJS.Timeout>();

  failNext(kind: Failure, count = 1, route?: Route): void {
    this.failures.push({ kind, remaining: count, route });
  }

  holdNext(route: Route, ms: number): void {
    this.holds.set(route, [...(this.holds.get(route) ?? []), ms]);
  }

  /** The first failure asked for that `applies` to this call, counted down. */
  take(applies: (failure: { kind: Failure; route?: Route }) => boolean): Failure | undefined {
    const i = this.failures.findIndex(applies);
    if (i < 0) return undefined;
    const f = this.failures[i];
    if (--f.remaining <= 0) this.failures.splice(i, 1);
    return f.kind;
  }

  /** Waits out a hold asked for `route`, if any; `onHeld` is told as the wait begins. */
  async hold(route: Route, onHeld: (ms: number) => void): Promise<void> {
    const ms = this.holds.get(route)?.shift();
    if (ms === undefined) return;
    onHeld(ms);
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  clear(): void {
    for (const t of this.timers) clearTimeout(t);
  }
}

/** Reads a request body, keeping at most `limit` bytes but counting all of them. */
export async function readBody(req: http.IncomingMessage, limit: number): Promise<{ bytes: Buffer; total: number }> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (kept < limit) {
      const part = chunk.subarray(0, limit - kept);
      chunks.push(part);
      kept += part.length;
    }
  }
  return { bytes: Buffer.concat(chunks), total };
}

/**
 * Serves `handle` on 127.0.0.1 and a free port; a handler that throws is the stand-in's own fault,
 * recorded in `violations` and answered 500. Resolves with the server and its address.
 */
export async function serveOnLoopback(
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>,
  violations: string[],
): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      violations.push(`${req.method} ${req.url}: the mock failed: ${err.message}`);
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end(err.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
