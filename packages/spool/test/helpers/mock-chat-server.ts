/**
 * A local stand-in for an OpenAI-compatible chat-completions endpoint. It checks every request as the
 * API documents it (POST {base}/chat/completions, a JSON body with model, messages of role and
 * content, response_format json_schema with a name and a schema, the bearer key when one is set) and
 * answers as the test scripts it: a faithful rewrite, one inventing a figure, bad JSON, a refusal,
 * a 429, or no answer at all.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = 'good' | 'invent' | 'bad-json' | 'refusal' | 'rate-limit' | 'hang';

export interface ChatRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    response_format: { type: string; json_schema: { name: string; strict?: boolean; schema: Record<string, unknown> } };
  };
}

export interface MockChatServer {
  baseUrl: string;
  requests: ChatRequest[];
  /** Requests that broke the documented shape, with why. */
  violations: string[];
  behaviour: Behaviour;
  close(): Promise<void>;
}

export async function startMockChatServer(opts: { apiKey?: string } = {}): Promise<MockChatServer> {
  const hanging = new Set<http.ServerResponse>();
  const state: MockChatServer = {
    baseUrl: '',
    requests: [],
    violations: [],
    behaviour: 'good',
    close: async () => {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const problems: string[] = [];
      if (req.method !== 'POST') problems.push(`method ${req.method}`);
      if (req.url !== '/v1/chat/completions') problems.push(`path ${req.url}`);
      if (!/^application\/json/.test(req.headers['content-type'] ?? '')) problems.push('content-type is not application/json');
      if (opts.apiKey && req.headers.authorization !== `Bearer ${opts.apiKey}`) problems.push('missing or wrong bearer key');
      let body: ChatRequest['body'] | undefined;
      try {
        body = JSON.parse(raw);
      } catch {
        problems.push('body is not JSON');
      }
      if (body) {
        if (typeof body.model !== 'string' || !body.model) problems.push('model missing');
        if (!Array.isArray(body.messages) || body.messages.length === 0) problems.push('messages missing');
        else for (const m of body.messages) if (!['system', 'user', 'assistant'].includes(m.role) || typeof m.content !== 'string') problems.push('a message without role and content');
        const format = body.response_format;
        if (format?.type !== 'json_schema' || typeof format.json_schema?.name !== 'string' || typeof format.json_schema?.schema !== 'object') problems.push('response_format is not a json_schema');
      }
      state.requests.push({ path: req.url ?? '', headers: req.headers, body: body as ChatRequest['body'] });
      if (problems.length > 0) {
        state.violations.push(...problems);
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: problems.join('; ') } }));
        return;
      }
      answer(state.behaviour, body!, res, hanging);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return state;
}

function answer(behaviour: Behaviour, body: ChatRequest['body'], res: http.ServerResponse, hanging: Set<http.ServerResponse>) {
  if (behaviour === 'hang') {
    hanging.add(res);
    return;
  }
  if (behaviour === 'rate-limit') {
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '20' });
    res.end(JSON.stringify({ error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } }));
    return;
  }
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  const slides = JSON.parse(user.slice(user.lastIndexOf('\n') + 1)) as Array<{ id: string; text: string }>;
  // A faithful tightening: each slide down to its first sentence (every term is the article's).
  const tightened = slides.map((s) => ({ id: s.id, text: firstSentence(s.text) }));
  let content: string;
  if (behaviour === 'bad-json') content = '{"hook": "Distillation, explained", "slides": [';
  else if (behaviour === 'invent') {
    tightened[0] = { id: tightened[0].id, text: `${tightened[0].text.replace(/\.$/, '')}, and 73% of teams now use it.` };
    content = JSON.stringify({ hook: 'Small models, big teachers', slides: tightened });
  } else content = JSON.stringify({ hook: 'Small models, big teachers', slides: tightened });
  const message = behaviour === 'refusal' ? { role: 'assistant', content: null, refusal: 'I can’t help with that.' } : { role: 'assistant', content };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_764_547_200,
      model: body.model,
      choices: [{ index: 0, message, finish_reason: 'stop' }],
      usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
    }),
  );
}

function firstSentence(text: string): string {
  const m = /^[\s\S]*?[.!?](?=\s|$)/.exec(text);
  return (m ? m[0] : text).trim();
}
