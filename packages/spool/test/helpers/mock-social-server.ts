/**
 * A local stand-in for the Bluesky AppView and Mastodon APIs. It answers only the requests a test
 * scripts (method GET, the exact path and the exact query parameters, an Accept that takes JSON or what it names),
 * each with a recorded-shape fixture; any other request is a 400 and a violation, so a wrong request
 * fails the test. With `mediaHosts`, the image addresses in its answers point back at itself
 * (`https://cdn.example/x.png` -> `<origin>/cdn.example/x.png`) and it serves a PNG there, so a
 * server test can fetch and store them.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  path: string;
  /** Every query parameter the request must carry, and no others. */
  query?: Record<string, string>;
  status?: number;
  /** A fixture file in the server's folder, or a body as it is. */
  file?: string;
  body?: string;
  contentType?: string;
  headers?: () => Record<string, string>;
  /** What the Accept header must allow; default JSON. */
  accept?: RegExp;
}

export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  accept: string | undefined;
}

export interface MockSocialServer {
  origin: string;
  requests: SeenRequest[];
  /** Requests outside the script, with why. */
  violations: string[];
  close(): Promise<void>;
}

const PNG = new URL('../fixtures/media/kd-7.png', import.meta.url);

function keyOf(path: string, query: Record<string, string>): string {
  return `${path}?${new URLSearchParams(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1))).toString()}`;
}

export async function startMockSocialServer(opts: { fixtures: URL; answers: ScriptedAnswer[]; mediaHosts?: string[] }): Promise<MockSocialServer> {
  const script = new Map(opts.answers.map((a) => [keyOf(a.path, a.query ?? {}), a]));
  const media = opts.mediaHosts ?? [];
  const state: MockSocialServer = {
    origin: '',
    requests: [],
    violations: [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const refuse = (res: http.ServerResponse, why: string) => {
    state.violations.push(why);
    res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'InvalidRequest', message: why }));
  };
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://mock.test');
    const query = Object.fromEntries(url.searchParams);
    const seen: SeenRequest = { method: req.method ?? '', path: url.pathname, query, accept: req.headers.accept };
    state.requests.push(seen);
    if (req.method !== 'GET') return refuse(res, `method ${req.method} for ${url.pathname}`);
    if (media.some((host) => url.pathname.startsWith(`/${host}/`))) {
      res.writeHead(200, { 'content-type': 'image/png' }).end(await readFile(PNG));
      return;
    }
    const scripted = script.get(keyOf(url.pathname, query));
    if (!scripted) return refuse(res, `unexpected request ${url.pathname}${url.search}`);
    if (!(scripted.accept ?? /application\/json/).test(req.headers.accept ?? '')) return refuse(res, `accept ${req.headers.accept} for ${url.pathname}`);
    let body = scripted.body ?? (scripted.file ? await readFile(new URL(scripted.file, opts.fixtures), 'utf8') : '');
    for (const host of media) body = body.replaceAll(`https://${host}/`, `${state.origin}/${host}/`);
    res.writeHead(scripted.status ?? 200, { 'content-type': scripted.contentType ?? 'application/json; charset=utf-8', ...scripted.headers?.() });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    answer(req, res).catch((err: Error) => res.writeHead(500).end(err.message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
