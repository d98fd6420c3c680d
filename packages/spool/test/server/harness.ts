import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/index.js';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** fetch against the server, with JSON bodies encoded and the token sent when there is one. */
  call(method: string, route: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = any>(method: string, route: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** A real server on 127.0.0.1 and a free port, over a real SQLite file in a fresh temporary folder. */
export async function startTestServer(options: ServerOptions & { keepData?: boolean } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'spool-server-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    studioDir: path.join(dataDir, 'no-studio'),
    fetch: { allowAddresses: ['127.0.0.1'] },
    env: {},
    ...options,
    dataDir,
  });
  const call = (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (options.token) (init.headers as Record<string, string>).authorization ??= `Bearer ${options.token}`;
    if (body !== undefined) {
      if (body instanceof Uint8Array || typeof body === 'string') init.body = body as BodyInit;
      else {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
    }
    return fetch(`${server.url}${route}`, init);
  };
  return {
    ...server,
    dataDir,
    call,
    async json(method, route, body) {
      const res = await call(method, route, body);
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    async stop() {
      await server.close();
      if (!options.keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The project a fresh database starts with (the sample carousel), loaded whole. */
export async function sampleProject(server: TestServer): Promise<any> {
  const [first] = await server.json('GET', '/api/projects');
  return server.json('GET', `/api/projects/${first.id}`);
}

/** A test server with the sample project, started before a file's tests and stopped after them. */
export function useSampleServer(options: ServerOptions = {}): { server: () => TestServer; sample: () => any } {
  let server: TestServer;
  let sample: any;
  beforeAll(async () => {
    server = await startTestServer(options);
    sample = await sampleProject(server);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return { server: () => server, sample: () => sample };
}
