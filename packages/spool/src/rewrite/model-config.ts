/**
 * Which language model to ask, if any: an OpenAI-compatible chat-completions endpoint (a local
 * Ollama or llama.cpp server, or a hosted one) named by the environment. Nothing is ever sent
 * anywhere unless SPOOL_LLM_BASE_URL and SPOOL_LLM_MODEL are set.
 */
export interface ModelConfig {
  /** `http://127.0.0.1:11434/v1`: the path the chat-completions route hangs off. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** How long one answer may take before the slides keep their own words. */
  timeoutMs: number;
}

export const DEFAULT_MODEL_TIMEOUT_MS = 60_000;

export class ModelConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelConfigError';
  }
}

/** The model the environment names, or undefined when none is configured. Bad values throw, naming the variable. */
export function modelConfigFromEnv(env: Record<string, string | undefined> = process.env): ModelConfig | undefined {
  const baseUrl = env.SPOOL_LLM_BASE_URL?.trim();
  const model = env.SPOOL_LLM_MODEL?.trim();
  if (!baseUrl && !model) return undefined;
  if (!baseUrl) throw new ModelConfigError('SPOOL_LLM_MODEL is set but SPOOL_LLM_BASE_URL is not: give the endpoint, e.g. http://127.0.0.1:11434/v1');
  if (!model) throw new ModelConfigError('SPOOL_LLM_BASE_URL is set but SPOOL_LLM_MODEL is not: name the model to ask');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ModelConfigError(`SPOOL_LLM_BASE_URL: "${baseUrl}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ModelConfigError(`SPOOL_LLM_BASE_URL: "${baseUrl}" must be an http(s) address`);
  const seconds = env.SPOOL_LLM_TIMEOUT?.trim();
  const timeout = seconds ? Number(seconds) : DEFAULT_MODEL_TIMEOUT_MS / 1000;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ModelConfigError(`SPOOL_LLM_TIMEOUT: "${seconds}" is not a number of seconds`);
  return { baseUrl: baseUrl.replace(/\/+$/, ''), model, apiKey: env.SPOOL_LLM_API_KEY?.trim() || undefined, timeoutMs: timeout * 1000 };
}
