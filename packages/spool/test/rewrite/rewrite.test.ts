import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleTextToDocument } from '../../src/sources/article-text.js';
import { rewriteDocument } from '../../src/rewrite/rewrite.js';
import { modelConfigFromEnv, type ModelConfig } from '../../src/rewrite/model-config.js';
import { indexSource, inventedTerms } from '../../src/rewrite/guard.js';
import { blockText } from '../../src/model/document.js';
import { startMockChatServer, type MockChatServer } from '../helpers/mock-chat-server.js';

const article = readFileSync(path.resolve(__dirname, '../fixtures/kd-article.txt'), 'utf8');
const condensed = articleTextToDocument(article, { condense: true }).document;
let server: MockChatServer;
let config: ModelConfig;

beforeAll(async () => {
  server = await startMockChatServer({ apiKey: 'sk-test' });
  config = { baseUrl: server.baseUrl, model: 'test-model', apiKey: 'sk-test', timeoutMs: 2000 };
});
afterAll(() => server.close());

const texts = (doc: typeof condensed) => doc.posts.map((p) => p.blocks.map(blockText).join('\n'));

describe('rewriting through a model, kept honest', () => {
  it('uses a faithful answer: the hook on the cover, each slide tightened, the request as the API documents it', async () => {
    server.behaviour = 'good';
    const before = server.requests.length;
    const result = await rewriteDocument(condensed, config);
    expect(server.requests.length).toBe(before + 1);
    expect(server.violations).toEqual([]);
    const request = server.requests[server.requests.length - 1];
    expect(request.body.model).toBe('test-model');
    expect(request.body.response_format.json_schema.name).toBe('carousel_rewrite');
    // The source goes with the request, so the model can only use what is in it.
    expect(request.body.messages[1].content).toContain('The ideas behind knowledge distillation (KD) date back to 2006');
    expect(result.warnings).toEqual([]);
    expect(result.hook).toBe(true);
    expect(result.document.title).toBe('Small models, big teachers');
    expect(result.rewritten).toBeGreaterThan(3);
    // The mock tightens a slide to its first sentence; a slide's title heading is kept.
    const q = result.document.posts.find((p) => blockText(p.blocks[0]).startsWith('So, what is the key idea'))!;
    expect(q.blocks.map(blockText)).toEqual(['So, what is the key idea behind KD?']);
    const titled = result.document.posts.find((p) => p.blocks[0].type === 'heading')!;
    expect(titled.blocks[0]).toEqual(condensed.posts.find((p) => p.id === titled.id)!.blocks[0]);
    // The original is untouched.
    expect(texts(condensed)).toEqual(texts(articleTextToDocument(article, { condense: true }).document));
  });

  it('refuses an invented “73%”: that slide keeps its words and the warning names the slide and the term', async () => {
    server.behaviour = 'invent';
    const result = await rewriteDocument(condensed, config);
    const first = condensed.posts[0];
    expect(result.document.posts[0]).toEqual(first);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^rewrite: posts\[0\] \(“So, what is the key idea behind KD\? It…”\) keeps the article’s words: the model wrote “73%”, which the article does not say$/);
    // The other slides' faithful rewrites are used.
    expect(result.rewritten).toBeGreaterThan(2);
  });

  for (const [behaviour, reason] of [
    ['bad-json', /the model’s answer was not the JSON asked for/],
    ['refusal', /the model refused: I can’t help with that/],
    ['rate-limit', /rate-limited or out of quota \(429\): Rate limit reached/],
    ['hang', /did not answer within 0\.3 s/],
  ] as const) {
    it(`falls back to the article’s words on ${behaviour}, with a warning`, async () => {
      server.behaviour = behaviour;
      const started = Date.now();
      const result = await rewriteDocument(condensed, { ...config, timeoutMs: 300 });
      expect(result.document).toBe(condensed);
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toMatch(reason);
      expect(result.warnings[0]).toMatch(/every slide keeps the article’s words$/);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  }

  it('reads the model from the environment, and none when nothing is set', () => {
    expect(modelConfigFromEnv({})).toBeUndefined();
    expect(modelConfigFromEnv({ SPOOL_LLM_BASE_URL: 'http://127.0.0.1:11434/v1/', SPOOL_LLM_MODEL: 'llama3.2', SPOOL_LLM_TIMEOUT: '5' })).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.2',
      apiKey: undefined,
      timeoutMs: 5000,
    });
    expect(() => modelConfigFromEnv({ SPOOL_LLM_BASE_URL: 'http://x' })).toThrow(/SPOOL_LLM_MODEL is not/);
    expect(() => modelConfigFromEnv({ SPOOL_LLM_BASE_URL: 'ftp://x', SPOOL_LLM_MODEL: 'm' })).toThrow(/must be an http\(s\) address/);
  });
});

describe('the guard', () => {
  const source = indexSource('In 2015, Geoffrey Hinton coined the term “distillation”. DistilBERT kept 97% of BERT’s performance while being 40% smaller, with 66,000 fewer… three main ways.');
  it('passes what the source says, however it is written', () => {
    expect(inventedTerms('Hinton coined “distillation” in 2015.', source)).toEqual([]);
    expect(inventedTerms('DistilBERT keeps 97 percent of BERT, 40 % smaller.', source)).toEqual([]);
    expect(inventedTerms('66000 fewer parameters, 3 ways.', source)).toEqual([]);
  });
  it('names every number, percentage, name and quotation the source does not have', () => {
    expect(inventedTerms('In 2019, 73% of teams used it.', source)).toEqual(['2019', '73%']);
    expect(inventedTerms('Hinton and Yann LeCun agreed.', source)).toEqual(['Yann', 'LeCun']);
    expect(inventedTerms('He called it “the best idea in AI”.', source)).toEqual(['“the best idea in ai”', 'AI']);
    // 40 is in the source, but not as a share of anything more than 40%: 97 is, as a percentage.
    expect(inventedTerms('It is 12% faster.', source)).toEqual(['12%']);
  });
});

describe('spool build --rewrite', () => {
  const input = path.resolve(__dirname, '../fixtures/kd-article.txt');
  const withEnv = async <T>(env: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> => {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    try {
      return await run();
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const unset = { SPOOL_LLM_BASE_URL: undefined, SPOOL_LLM_MODEL: undefined, SPOOL_LLM_API_KEY: undefined, SPOOL_LLM_TIMEOUT: undefined };

  it('asks nothing of anyone without a configured model, or without --rewrite', async () => {
    const { runCli } = await import('../cli/run-cli.js');
    const { mkdtemp } = await import('node:fs/promises');
    const dir = await mkdtemp(path.join((await import('node:os')).tmpdir(), 'spool-rewrite-'));
    const before = server.requests.length;
    const none = await withEnv(unset, () => runCli(['import', input, '-o', path.join(dir, 'a.json'), '--rewrite', '--json']));
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout).warnings).toContain('--rewrite: no language model is configured (set SPOOL_LLM_BASE_URL and SPOOL_LLM_MODEL); the slides keep the article’s words');
    const configured = { SPOOL_LLM_BASE_URL: server.baseUrl, SPOOL_LLM_MODEL: 'test-model', SPOOL_LLM_API_KEY: 'sk-test' };
    const notAsked = await withEnv(configured, () => runCli(['import', input, '-o', path.join(dir, 'b.json'), '--json']));
    expect(notAsked.code).toBe(0);
    expect(server.requests.length).toBe(before);
  });

  it('builds with the invented figure refused and named, exit 0; a timeout falls back the same way', async () => {
    const { runCli } = await import('../cli/run-cli.js');
    const { mkdtemp } = await import('node:fs/promises');
    const dir = await mkdtemp(path.join((await import('node:os')).tmpdir(), 'spool-rewrite-'));
    const env = { SPOOL_LLM_BASE_URL: server.baseUrl, SPOOL_LLM_MODEL: 'test-model', SPOOL_LLM_API_KEY: 'sk-test', SPOOL_LLM_TIMEOUT: '0.3' };
    server.behaviour = 'invent';
    const invented = await withEnv(env, () => runCli(['build', input, '-o', path.join(dir, 'kd.pdf'), '--rewrite']));
    expect(invented.code).toBe(0);
    expect(invented.stderr).toContain('warning: rewrite: posts[0] (“So, what is the key idea behind KD? It…”) keeps the article’s words: the model wrote “73%”');
    server.behaviour = 'hang';
    const slow = await withEnv(env, () => runCli(['build', input, '-o', path.join(dir, 'kd2.pdf'), '--json', '--rewrite']));
    expect(slow.code).toBe(0);
    expect(JSON.parse(slow.stdout).warnings).toContain('rewrite: the model did not answer within 0.3 s; every slide keeps the article’s words');
    const bad = await withEnv({ ...env, SPOOL_LLM_TIMEOUT: 'soon' }, () => runCli(['build', input, '-o', path.join(dir, 'kd3.pdf'), '--rewrite']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rewrite: SPOOL_LLM_TIMEOUT: "soon" is not a number of seconds');
  });
});
