import { existsSync, readFileSync } from 'node:fs';
import { modelConfigFromEnv, ModelConfigError, type ModelConfig } from '../rewrite/model-config.js';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FetchGuardOptions } from '../sources/fetch-guard.js';
import type { Store } from '../store/store.js';
import type { ServerRenderer } from './render.js';
import type { WorkerPool } from './worker-pool.js';
import type { ServerMetrics } from './metrics.js';
import type { Publisher } from './publisher.js';
import type { ExportQueue } from './export-queue.js';
import { publishSettingsFromEnv, type PublishSettings } from './publish-options.js';

export interface ServerOptions {
  /** Default `PORT` or 4321; 0 picks a free port. */
  port?: number;
  /** Default `HOST` or 127.0.0.1. Any other address needs a token. */
  host?: string;
  /** Folder of spool.db; default `SPOOL_DATA_DIR` or ~/.spool. Ignored when `store` is given. */
  dataDir?: string;
  /** An already open store; the server then leaves closing it to the caller. */
  store?: Store;
  /** Required on every /api call as `Authorization: Bearer <token>`; default `SPOOL_TOKEN`. */
  token?: string;
  /** The studio's built files; default packages/studio/dist. */
  studioDir?: string;
  /** Write the sample project, brand kit and preset into an empty database. Default true. */
  starterContent?: boolean;
  /** Limits for fetching URLs and remote images (tests allow a local server here). */
  fetch?: FetchGuardOptions;
  /** Log each request to stdout, or to the stream given. Default false. */
  logRequests?: boolean | { write(line: string): unknown };
  /** Render worker threads; default `SPOOL_RENDER_WORKERS` or one per core. */
  renderWorkers?: number;
  /** Exports that may wait for a worker before new ones get 503; default `SPOOL_RENDER_QUEUE` or 32. */
  renderQueue?: number;
  /** Longest one export may run; default `SPOOL_RENDER_TIMEOUT_MS` or 30 s. */
  renderTimeoutMs?: number;
  /** Heap one render worker may use, in MB; default `SPOOL_RENDER_MEMORY_MB` or 1024. */
  renderMemoryMb?: number;
  /** The language model behind Rewrite; default from SPOOL_LLM_BASE_URL and SPOOL_LLM_MODEL, null for none. */
  model?: ModelConfig | null;
  /** Publishing's addresses; default from the environment (SPOOL_PUBLIC_URL, SPOOL_LINKEDIN_API_BASE…). */
  publish?: PublishSettings;
  /** How often the publisher looks for due posts, in ms; default 1000. */
  publishPollMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  dataDir?: string;
  token?: string;
  studioDir: string;
  starterContent: boolean;
  fetch: FetchGuardOptions;
  logRequests: boolean | { write(line: string): unknown };
  render: { workers: number; queue: number; timeoutMs: number; memoryMb: number };
  model?: ModelConfig;
  publish: PublishSettings;
  publishPollMs: number;
  env: NodeJS.ProcessEnv;
}

import { ServerConfigError } from './config-error.js';

export { ServerConfigError };
export type { PublishSettings };

export const DEFAULT_PORT = 4321;
export const DEFAULT_HOST = '127.0.0.1';
/** Short tokens can be guessed by anyone who can reach the port. */
const MIN_TOKEN_LENGTH = 16;

const here = path.dirname(fileURLToPath(import.meta.url));
/** Same relative place from src/server and dist/server. */
export const PACKAGE_DIR = path.resolve(here, '..', '..');
export const DEFAULT_STUDIO_DIR = path.resolve(PACKAGE_DIR, '..', 'studio', 'dist');

export function resolveServerOptions(options: ServerOptions): ResolvedOptions {
  const env = options.env ?? process.env;
  const port = options.port ?? (env.PORT !== undefined && env.PORT !== '' ? Number(env.PORT) : DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServerConfigError(`port ${String(options.port ?? env.PORT)}: expected a whole number from 0 to 65535`);
  const host = options.host || env.HOST || DEFAULT_HOST;
  const token = options.token ?? (env.SPOOL_TOKEN || undefined);
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new ServerConfigError(`SPOOL_TOKEN is too short: use at least ${MIN_TOKEN_LENGTH} random characters (for example: openssl rand -hex 24)`);
  }
  if (!isLoopbackHost(host) && token === undefined) {
    throw new ServerConfigError(
      `refusing to listen on ${host}: anyone who can reach it could read and change your projects. ` +
        'Set SPOOL_TOKEN to a long random secret to require it on every API call, or keep the default 127.0.0.1',
    );
  }
  return {
    port,
    host,
    dataDir: options.dataDir || env.SPOOL_DATA_DIR || undefined,
    token,
    studioDir: path.resolve(options.studioDir ?? env.SPOOL_STUDIO_DIR ?? DEFAULT_STUDIO_DIR),
    starterContent: options.starterContent ?? true,
    fetch: options.fetch ?? {},
    logRequests: options.logRequests ?? false,
    model: modelOption(options.model, env),
    publish: options.publish ?? publishSettingsFromEnv(env),
    publishPollMs: options.publishPollMs ?? 1000,
    env,
    render: {
      workers: countOption('render workers', options.renderWorkers, env.SPOOL_RENDER_WORKERS, availableParallelism(), 1),
      queue: countOption('render queue', options.renderQueue, env.SPOOL_RENDER_QUEUE, DEFAULT_RENDER_QUEUE, 0),
      timeoutMs: countOption('render timeout', options.renderTimeoutMs, env.SPOOL_RENDER_TIMEOUT_MS, DEFAULT_RENDER_TIMEOUT_MS, 1),
      memoryMb: countOption('render memory', options.renderMemoryMb, env.SPOOL_RENDER_MEMORY_MB, DEFAULT_RENDER_MEMORY_MB, 64),
    },
  };
}

export const DEFAULT_RENDER_QUEUE = 32;
export const DEFAULT_RENDER_TIMEOUT_MS = 30_000;
/**
 * Enough for the largest document allowed (5,000 posts: about 730 MB). A stated limit also makes V8
 * size the worker's heap to it instead of to the machine, so memory levels off early under load.
 */
export const DEFAULT_RENDER_MEMORY_MB = 1024;

/** The model Rewrite asks: given, none (null), or what the environment names; a bad setting stops the start. */
function modelOption(given: ModelConfig | null | undefined, env: NodeJS.ProcessEnv): ModelConfig | undefined {
  if (given !== undefined) return given ?? undefined;
  try {
    return modelConfigFromEnv(env);
  } catch (err) {
    if (err instanceof ModelConfigError) throw new ServerConfigError(err.message);
    throw err;
  }
}

/** A whole number from the options, else the environment, else the default. */
function countOption(what: string, given: number | undefined, fromEnv: string | undefined, fallback: number, min: number): number {
  const value = given ?? (fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : fallback);
  if (!Number.isInteger(value) || value < min) throw new ServerConfigError(`${what} ${String(given ?? fromEnv)}: expected a whole number of at least ${min}`);
  return value;
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return /^::ffff:127\./.test(bare);
}

let version: string | undefined;

export function packageVersion(): string {
  if (version === undefined) {
    const file = path.join(PACKAGE_DIR, 'package.json');
    version = existsSync(file) ? String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version ?? '0.0.0') : '0.0.0';
  }
  return version;
}

/** What every route needs. */
export interface ServerContext {
  store: Store;
  options: ResolvedOptions;
  renderer: ServerRenderer;
  /** The worker threads that every costly piece of work on user input runs in. */
  pool: WorkerPool;
  /** What the server counts, for /metrics and /api/health. */
  metrics: ServerMetrics;
  version: string;
  publisher: Publisher;
  /** Exports asked for as jobs (POST /api/exports). */
  exports: ExportQueue;
  publish: PublishSettings;
  /** This server's own address (for OAuth redirects when no public address is set). */
  publicOrigin(): string;
}
