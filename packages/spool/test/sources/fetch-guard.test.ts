import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchFailedError, FetchRefusedError, fetchGuarded, type LookupFn } from '../../src/sources/fetch-guard.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const routes = new Map<string, Handler>();
let server: http.Server;
let base: string;
let port: number;
const allow = { allowAddresses: ['127.0.0.1'] };

const redirectTo = (location: string): Handler => (_req, res) => {
  res.writeHead(302, { location });
  res.end();
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const handler = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (handler) return handler(req, res);
    res.writeHead(404);
    res.end('missing');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  routes.set('/hello', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('hello');
  });
  routes.set('/to-hello', redirectTo('/hello'));
  routes.set('/to-127-0-0-2', redirectTo(`http://127.0.0.2:${port}/hello`));
  routes.set('/to-internal-name', redirectTo(`http://internal.test:${port}/hello`));
  routes.set('/to-metadata-name', redirectTo('http://metadata.test/latest/meta-data/'));
  routes.set('/to-file', redirectTo('file:///etc/passwd'));
  for (let i = 0; i < 8; i++) routes.set(`/loop${i}`, redirectTo(`/loop${i + 1}`));
  routes.set('/big', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(5000) });
    res.end(Buffer.alloc(5000));
  });
  routes.set('/big-liar', (_req, res) => {
    // No length announced (chunked): the cap must hold on what actually arrives.
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.write(Buffer.alloc(3000));
    res.end(Buffer.alloc(3000));
  });
  routes.set('/hang', () => {
    /* never answers */
  });
  routes.set('/drip', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('a');
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const fakeDns =
  (table: Record<string, string>): LookupFn =>
  async (host) => {
    const address = table[host];
    if (!address) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };

async function refusal(promise: Promise<unknown>): Promise<FetchRefusedError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchRefusedError);
  return err as FetchRefusedError;
}

describe('fetchGuarded', () => {
  it('fetches from an allowed test server and reports type and final URL', async () => {
    const res = await fetchGuarded(`${base}/to-hello`, allow);
    expect(new TextDecoder().decode(res.bytes)).toBe('hello');
    expect(res.contentType).toBe('text/plain; charset=utf-8');
    expect(res.url).toBe(`${base}/hello`);
  });

  it('refuses loopback without the allowance', async () => {
    const err = await refusal(fetchGuarded(`${base}/hello`));
    expect(err.message).toBe(`refused ${base}/hello: loopback address`);
    expect(err.reason).toBe('address');
  });

  it('refuses a redirect from an allowed server to another loopback address', async () => {
    const err = await refusal(fetchGuarded(`${base}/to-127-0-0-2`, allow));
    expect(err.message).toContain('refused http://127.0.0.2');
    expect(err.message).toContain('loopback');
  });

  it('refuses redirects to names that resolve to private and metadata addresses', async () => {
    const lookup = fakeDns({ 'internal.test': '10.0.0.1', 'metadata.test': '169.254.169.254' });
    const toPrivate = await refusal(fetchGuarded(`${base}/to-internal-name`, { ...allow, lookup }));
    expect(toPrivate.message).toMatch(/private address \(10\.0\.0\.0\/8\) \(internal\.test resolves to 10\.0\.0\.1\)/);
    const toMetadata = await refusal(fetchGuarded(`${base}/to-metadata-name`, { ...allow, lookup }));
    expect(toMetadata.message).toContain('cloud metadata address');
  });

  it('refuses a host when any of its addresses is internal', async () => {
    const lookup: LookupFn = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '::ffff:192.168.1.1', family: 6 },
    ];
    const err = await refusal(fetchGuarded('http://mixed.test/', { lookup }));
    expect(err.message).toContain('IPv4-mapped private address (192.168.0.0/16)');
  });

  it('sees through numeric spellings of loopback', async () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://127.1/']) {
      expect((await refusal(fetchGuarded(url))).message).toBe('refused http://127.0.0.1/: loopback address');
    }
  });

  it('refuses IPv6 literals of loopback and link-local, and IPv4-mapped loopback', async () => {
    expect((await refusal(fetchGuarded('http://[::1]/'))).message).toBe('refused http://[::1]/: loopback address');
    expect((await refusal(fetchGuarded('http://[fe80::1]/'))).message).toContain('link-local');
    expect((await refusal(fetchGuarded('http://[::ffff:127.0.0.1]/'))).message).toContain('IPv4-mapped loopback');
  });

  it('lets a named test host through with allowHosts, but not hosts it redirects to', async () => {
    const lookup = fakeDns({ 'fixture.test': '127.0.0.1', 'internal.test': '10.0.0.1' });
    const ok = await fetchGuarded(`http://fixture.test:${port}/hello`, { lookup, allowHosts: ['fixture.test'] });
    expect(new TextDecoder().decode(ok.bytes)).toBe('hello');
    const err = await refusal(fetchGuarded(`http://fixture.test:${port}/to-internal-name`, { lookup, allowHosts: ['fixture.test'] }));
    expect(err.message).toContain('internal.test resolves to 10.0.0.1');
  });

  it('connects to the vetted address, resolving each hop once', async () => {
    let calls = 0;
    // A rebinding resolver: public-looking first, internal afterwards.
    const lookup: LookupFn = async () => {
      calls++;
      return [{ address: calls === 1 ? '127.0.0.1' : '10.0.0.1', family: 4 }];
    };
    const res = await fetchGuarded(`http://public.test:${port}/hello`, { ...allow, lookup });
    expect(new TextDecoder().decode(res.bytes)).toBe('hello');
    expect(calls).toBe(1);
  });

  it('refuses non-http schemes, directly and after a redirect', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/x', 'data:text/plain,hi']) {
      expect((await refusal(fetchGuarded(url))).reason).toBe('scheme');
    }
    const err = await refusal(fetchGuarded(`${base}/to-file`, allow));
    expect(err.message).toBe('refused file:///etc/passwd: only http and https URLs are fetched, not file:');
  });

  it('stops after five redirects', async () => {
    const err = await refusal(fetchGuarded(`${base}/loop0`, allow));
    expect(err.reason).toBe('redirects');
    expect(err.message).toContain('more than 5 redirects');
    const ok = await fetchGuarded(`${base}/loop3`, { ...allow, maxRedirects: 5 }).catch((e: Error) => e);
    expect(ok).toBeInstanceOf(FetchFailedError); // /loop8 is a 404 after five hops
  });

  it('refuses bodies over the cap, whether declared or only streamed', async () => {
    expect((await refusal(fetchGuarded(`${base}/big`, { ...allow, maxBytes: 4096 }))).reason).toBe('size');
    const liar = await refusal(fetchGuarded(`${base}/big-liar`, { ...allow, maxBytes: 4096 }));
    expect(liar.message).toContain('larger than 4096 bytes');
  });

  it('gives up after the timeout, before headers and mid-body', async () => {
    const hang = await refusal(fetchGuarded(`${base}/hang`, { ...allow, timeoutMs: 150 }));
    expect(hang.reason).toBe('timeout');
    const drip = await refusal(fetchGuarded(`${base}/drip`, { ...allow, timeoutMs: 150 }));
    expect(drip.reason).toBe('timeout');
  });

  it('reports HTTP errors as failures, not refusals', async () => {
    const err = await fetchGuarded(`${base}/nope`, allow).catch((e: Error) => e);
    expect(err).toBeInstanceOf(FetchFailedError);
    expect((err as FetchFailedError).status).toBe(404);
  });
});
