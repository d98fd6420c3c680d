import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { ServerConfigError, startServer } from '../../src/server/index.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

/** A raw request, for headers fetch will not send (Host) or bodies it would send whole. */
function rawRequest(
  url: string,
  options: http.RequestOptions,
  write?: (req: http.ClientRequest) => void,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (write) write(req);
    else req.end();
  });
}

describe('HTTP security', () => {
  it('refuses writes from another origin with 403, and allows its own', async () => {
    const evil = await server.call('POST', '/api/projects', { name: 'x' }, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(await evil.json()).toEqual({ error: 'cross-origin write refused: Origin https://evil.example is not this server' });
    const nullOrigin = await server.call('DELETE', '/api/projects/whatever', undefined, { origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const crossSite = await server.call('POST', '/api/projects', { name: 'x' }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const own = await server.call('POST', '/api/projects', { name: 'Mine' }, { origin: server.url });
    expect(own.status).toBe(201);
  });

  it('lets other origins read nothing new: reads stay same-origin by CORS default', async () => {
    const res = await server.call('GET', '/api/health', undefined, { origin: 'https://evil.example' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses Host names other than this machine (DNS rebinding)', async () => {
    const res = await rawRequest(`${server.url}/api/projects`, { headers: { host: 'attacker.example:4321' } });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error).toMatch(/is not this machine/);
    const ok = await rawRequest(`${server.url}/api/health`, { headers: { host: `localhost:${server.port}` } });
    expect(ok.status).toBe(200);
  });

  it('answers 413 to an oversized body before reading it whole', async () => {
    // Declares 50 MB but sends 1 KB: the answer can only come from the declared length.
    const res = await rawRequest(
      `${server.url}/api/projects`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) } },
      (req) => req.write('{"name":"' + 'x'.repeat(1024)),
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ error: 'request body is larger than the 5 MB limit of POST /api/projects' });
  });

  it('answers 413 to a whole 6 MB JSON body sent at once, with no Expect: 100-continue, every time', async () => {
    const { hostname, port } = new URL(server.url);
    const body = Buffer.from(`{"name":"${'x'.repeat(6 * 1024 * 1024)}"}`);
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await new Promise<string>((resolve) => {
        let received = '';
        const socket = net.connect(Number(port), hostname, () => {
          socket.write(`POST /api/projects HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
          socket.write(body);
        });
        socket.on('data', (chunk) => (received += chunk));
        socket.on('error', (err) => (received += `[${(err as NodeJS.ErrnoException).code}]`));
        socket.on('close', () => resolve(received));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer).toContain('{"error":"request body is larger than the 5 MB limit of POST /api/projects"}');
    }
  });

  it('answers 413 to an oversized body sent without a length', async () => {
    const big = new Uint8Array(26 * 1024 * 1024);
    const res = await server.call('POST', '/api/assets?name=big.png', big, { 'content-type': 'image/png' });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe('request body is larger than the 25 MB limit of POST /api/assets');
  });

  it('sends a strict Content-Security-Policy', async () => {
    const res = await server.call('GET', '/');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // WASM may compile (the text shaper); JavaScript eval may not.
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("font-src 'self' data:");
    expect(csp).toContain("connect-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('says how to build the studio when it is missing', async () => {
    const res = await server.call('GET', '/', undefined, { accept: 'text/html' });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });

  it('answers unknown endpoints with a JSON 404', async () => {
    const res = await server.call('GET', '/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no such endpoint: GET /api/nope' });
  });
});

describe('the HTTP API document', () => {
  it('shows the Content-Security-Policy the server sends, directive for directive', async () => {
    const doc = readFileSync(new URL('../../../../docs/http-api.md', import.meta.url), 'utf8');
    const block = /strict Content-Security-Policy:\n\n((?: {4}.*\n)+)/.exec(doc)?.[1] ?? '';
    const documented = block.replace(/\s+/g, ' ').trim();
    const sent = (await server.call('GET', '/api/health')).headers.get('content-security-policy');
    expect(documented).toBe(sent);
  });

  it('documents every route the server answers', () => {
    const doc = readFileSync(new URL('../../../../docs/http-api.md', import.meta.url), 'utf8');
    const api = server.routes.filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD');
    expect(api.length).toBeGreaterThanOrEqual(20);
    const undocumented = api.map((r) => `${r.method} ${r.url}`).filter((route) => !doc.includes(`\`${route}`));
    expect(undocumented).toEqual([]);
  });
});

describe('binding and tokens', () => {
  it('refuses to listen beyond loopback without a token', async () => {
    await expect(startServer({ host: '0.0.0.0', port: 0, env: {}, starterContent: false })).rejects.toThrow(ServerConfigError);
    await expect(startServer({ port: 0, env: { HOST: '0.0.0.0' }, starterContent: false })).rejects.toThrow(/refusing to listen on 0\.0\.0\.0.*SPOOL_TOKEN/);
  });

  it('refuses a short token', async () => {
    await expect(startServer({ host: '0.0.0.0', port: 0, env: { SPOOL_TOKEN: 'short' } })).rejects.toThrow(/too short/);
  });

  it('requires the token on every API call when one is set', async () => {
    const token = 'a-long-random-test-token-0123456789';
    const guarded = await startTestServer({ host: '0.0.0.0', token, starterContent: false });
    try {
      const url = guarded.url.replace('0.0.0.0', '127.0.0.1');
      const none = await fetch(`${url}/api/projects`);
      expect(none.status).toBe(401);
      expect((await none.json()).error).toMatch(/needs an access token/);
      const wrong = await fetch(`${url}/api/projects`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${url}/api/projects`, { headers: { authorization: `Bearer ${token}` } });
      expect(right.status).toBe(200);
      // Not loopback-only any more, so other Host names are fine; the token is the guard.
      const byName = await rawRequest(`${url}/api/health`, { headers: { host: 'spool.lan', authorization: `Bearer ${token}` } });
      expect(byName.status).toBe(200);
      const write = await fetch(`${url}/api/projects`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
      expect(write.status).toBe(201);
    } finally {
      await guarded.stop();
    }
  });

  it('requires the token on every registered route, however its path is spelled', async () => {
    const token = 'a-long-random-test-token-0123456789';
    const guarded = await startTestServer({ host: '0.0.0.0', token, starterContent: false });
    try {
      const base = guarded.url.replace('0.0.0.0', '127.0.0.1');
      const api = guarded.routes.filter((r) => r.url.startsWith('/api'));
      expect(api.length).toBeGreaterThanOrEqual(20);
      const sample: Record<string, string> = { id: 'abc', family: 'inter', weight: '400', style: 'normal', file: '1f9f5.svg' };
      const spellings = (path: string): string[] => {
        const rest = path.slice('/api'.length);
        return [
          path,
          `/%61pi${rest}`,
          `/ap%69${rest}`,
          `/%2561pi${rest}`,
          `/%41PI${rest}`,
          `//api${rest}`,
          `/api/${rest}`,
          `/./api${rest}`,
          `/x/../api${rest}`,
          `/api/.${rest}`,
          `/API${rest}`,
          `/Api${rest}`,
          `/api${rest.replace(/\//g, '%2F')}`,
          `/api${rest.replace(/\//g, '\\')}`,
        ];
      };
      const open: string[] = [];
      for (const route of api) {
        const path = route.url.replace(/:(\w+)/g, (_m, name: string) => sample[name] ?? 'x');
        for (const spelling of spellings(path)) {
          const res = await rawRequest(`${base}${spelling}`, { method: route.method, path: spelling, headers: { 'content-type': 'application/json' } }, (req) =>
            req.end(route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}'),
          );
          if (res.status !== 401) open.push(`${route.method} ${spelling} -> ${res.status}`);
        }
      }
      expect(open).toEqual([]);
    } finally {
      await guarded.stop();
    }
  });
});

describe('one server per data folder', () => {
  it('refuses a second server on the same folder, naming the first, and starts once it is gone', async () => {
    const first = await startTestServer({ starterContent: false, keepData: true });
    try {
      await expect(startServer({ port: 0, dataDir: first.dataDir, env: {}, starterContent: false })).rejects.toThrow(
        new RegExp(`another Spool server \\(process ${process.pid}\\) is using ${first.dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
      // The first server is untouched by the attempt.
      expect((await first.call('GET', '/api/health')).status).toBe(200);
    } finally {
      await first.stop();
    }
    const second = await startServer({ port: 0, dataDir: first.dataDir, env: {}, starterContent: false });
    await second.close();
  });

  it('takes over the lock a killed server left behind', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/spool-lock-`);
    // No process has this id: pids are far smaller on every system Spool runs on.
    writeFileSync(`${dir}/spool.lock`, '2147483646');
    const server = await startServer({ port: 0, dataDir: dir, env: {}, starterContent: false });
    await server.close();
  });
});
