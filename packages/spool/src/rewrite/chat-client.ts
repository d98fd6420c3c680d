/**
 * One chat-completions request with a JSON schema for the answer (`response_format: json_schema`,
 * what OpenAI, Ollama and llama.cpp's server accept), by plain fetch: one POST needs no SDK, and
 * the official client would add its retries and its own timeouts to a path whose every failure
 * must come back to us as a reason to keep the author's words.
 */
import type { ModelConfig } from './model-config.js';

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export type ChatResult = { ok: true; json: unknown } | { ok: false; reason: string };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Most an answer may be before it is refused unread. */
const MAX_ANSWER_BYTES = 2_000_000;

export async function askForJson(
  config: ModelConfig,
  messages: readonly ChatMessage[],
  schema: { name: string; schema: Record<string, unknown> },
  fetchImpl: FetchLike = fetch,
): Promise<ChatResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;
  const body = {
    model: config.model,
    messages,
    temperature: 0.2,
    response_format: { type: 'json_schema', json_schema: { name: schema.name, strict: true, schema: schema.schema } },
  };
  let response: Response;
  try {
    response = await fetchImpl(`${config.baseUrl}/chat/completions`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (err) {
    if (timedOut(err)) return { ok: false, reason: `the model did not answer within ${seconds(config)} s` };
    return { ok: false, reason: `could not reach the model at ${config.baseUrl} (${(err as Error).message})` };
  }
  let text: string;
  try {
    text = await readCapped(response);
  } catch (err) {
    if (timedOut(err)) return { ok: false, reason: `the model did not finish its answer within ${seconds(config)} s` };
    return { ok: false, reason: (err as Error).message };
  }
  if (!response.ok) {
    const detail = errorMessage(text);
    const what = response.status === 429 ? 'the model is rate-limited or out of quota (429)' : `the model answered ${response.status}`;
    return { ok: false, reason: detail ? `${what}: ${detail}` : what };
  }
  let envelope: { choices?: Array<{ finish_reason?: string; message?: { content?: string | null; refusal?: string | null } }> };
  try {
    envelope = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the model’s answer was not JSON' };
  }
  const choice = envelope.choices?.[0];
  if (choice?.message?.refusal) return { ok: false, reason: `the model refused: ${choice.message.refusal.slice(0, 200)}` };
  if (choice?.finish_reason === 'content_filter') return { ok: false, reason: 'the model refused (content filter)' };
  if (choice?.finish_reason === 'length') return { ok: false, reason: 'the model’s answer was cut off (length)' };
  const content = choice?.message?.content;
  if (typeof content !== 'string' || content.trim() === '') return { ok: false, reason: 'the model gave an empty answer' };
  try {
    return { ok: true, json: JSON.parse(stripFence(content)) };
  } catch {
    return { ok: false, reason: 'the model’s answer was not the JSON asked for' };
  }
}

async function readCapped(response: Response): Promise<string> {
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_ANSWER_BYTES) throw new Error(`the model’s answer is too large (${length} bytes)`);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new Error('the model’s answer is too large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function timedOut(err: unknown): boolean {
  const name = (err as Error).name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** The time limit as a warning says it: `0.3`, `60`. */
function seconds(config: ModelConfig): number {
  return Math.round(config.timeoutMs / 100) / 10;
}

/** Some local servers wrap JSON in a Markdown fence despite the schema. */
function stripFence(content: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n```\s*$/.exec(content);
  return m ? m[1] : content;
}

function errorMessage(text: string): string | undefined {
  try {
    const json = JSON.parse(text) as { error?: { message?: string } | string };
    const message = typeof json.error === 'string' ? json.error : json.error?.message;
    return message?.slice(0, 200);
  } catch {
    return undefined;
  }
}
