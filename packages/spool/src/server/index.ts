/**
 * The HTTP server: the studio's files and the JSON API over one store. `startServer` is what
 * `spool serve` runs, and what tests and other programs call to embed Spool.
 */
import { resolveDataDir } from '../store/database.js';
import { Store } from '../store/store.js';
import { lockDataDir } from './data-lock.js';
import { buildApp, type RouteSummary } from './app.js';
import { packageVersion, resolveServerOptions, type ServerOptions } from './options.js';
import { ServerRenderer } from './render.js';
import { WorkerPool } from './worker-pool.js';
import { ServerMetrics } from './metrics.js';
import { writeStarterContent } from './starter-content.js';
import { Publisher } from './publisher.js';
import { ExportQueue } from './export-queue.js';
import { environmentAccounts } from './publish-options.js';

export type { ServerOptions } from './options.js';
export type { RouteSummary } from './app.js';
export { ServerConfigError, isLoopbackHost, DEFAULT_PORT, DEFAULT_HOST, DEFAULT_RENDER_QUEUE, DEFAULT_RENDER_TIMEOUT_MS } from './options.js';
export { CONTENT_SECURITY_POLICY } from './security.js';

const SHUTDOWN_GRACE_MS = 30_000;

export interface RunningServer {
  /** Where to open the studio, e.g. `http://127.0.0.1:4321`. */
  url: string;
  port: number;
  store: Store;
  /** Every route the server answers, as registered. */
  routes: RouteSummary[];
  /** Stops taking requests, finishes those in flight, then closes the database (unless it was passed in). */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const resolved = resolveServerOptions(options);
  const ownsStore = options.store === undefined;
  // A server that opens the database itself is its only user; one given a store leaves that to the caller.
  const release = ownsStore ? lockDataDir(resolveDataDir(resolved.dataDir)) : () => undefined;
  let store: Store;
  try {
    store = options.store ?? Store.open({ dataDir: resolved.dataDir, env: resolved.env });
  } catch (err) {
    release();
    throw err;
  }
  const metrics: ServerMetrics = new ServerMetrics({ pool: () => pool.busy, publishJobs: () => store.publishJobs.countByState(), exportJobs: () => store.exportJobs.countByState() });
  const pool: WorkerPool = new WorkerPool({
    size: resolved.render.workers,
    maxQueue: resolved.render.queue,
    timeoutMs: resolved.render.timeoutMs,
    memoryMb: resolved.render.memoryMb,
    onJob: metrics.observeJob,
  });
  let publisher: Publisher | undefined;
  let exports: ExportQueue | undefined;
  try {
    if (resolved.starterContent) {
      try {
        await writeStarterContent(store, resolved.fetch);
      } catch (err) {
        // A broken sample must not keep the studio from starting; the user can still import their own.
        process.emitWarning(`Spool: could not create the sample project: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    environmentAccounts(store, resolved.env);
    publisher = Publisher.fromSettings(store, resolved.publish, { pollMs: resolved.publishPollMs });
    let origin = '';
    const renderer = new ServerRenderer(store, resolved.fetch, pool);
    // One worker is left to the studio's own exports and imports when there are two or more.
    exports = new ExportQueue({
      store,
      renderer,
      concurrency: Math.max(1, resolved.render.workers - 1),
      poolHasRoom: () => pool.busy.waiting === 0,
      onJob: metrics.observeExport,
    });
    const app = await buildApp({
      store,
      options: resolved,
      renderer,
      pool,
      metrics,
      version: packageVersion(),
      publisher,
      exports,
      publish: resolved.publish,
      publicOrigin: () => origin,
    });
    await app.listen({ port: resolved.port, host: resolved.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : resolved.port;
    const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
    origin = `http://${host}:${port}`;
    // Posts that came due while the server was down, or were left half-published by a crash, go first.
    publisher.start();
    // Exports queued before a stop or a crash are taken up again.
    exports.start();
    const running = publisher;
    const queue = exports;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      store,
      routes: app.spoolRoutes,
      close: () => {
        // Requests in flight get a grace period to finish; after it their connections are cut.
        const grace = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        // Exports in flight finish inside app.close(); only then do the workers go.
        closing ??= Promise.all([running.stop(), queue.stop()])
          .then(() => app.close())
          .then(() => pool.close())
          .then(() => {
            clearTimeout(grace);
            if (ownsStore) store.close();
            release();
          });
        return closing;
      },
    };
  } catch (err) {
    await publisher?.stop();
    await exports?.stop();
    await pool.close();
    if (ownsStore) store.close();
    release();
    throw err;
  }
}
