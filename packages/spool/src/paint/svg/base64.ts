/**
 * Base64 for data URIs without Node-only APIs or btoa on binary strings, so the SVG painter runs
 * unchanged in the browser preview and in Node.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 61; // '='

/** Input bytes per chunk: a multiple of 3 so only the last chunk needs padding. */
const CHUNK = 3 * 8192;

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    const out = new Uint8Array(Math.ceil((end - start) / 3) * 4);
    let o = 0;
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      out[o++] = CODES[n >> 18];
      out[o++] = CODES[(n >> 12) & 63];
      out[o++] = CODES[(n >> 6) & 63];
      out[o++] = CODES[n & 63];
    }
    const rest = end - i;
    if (rest > 0) {
      const n = (bytes[i] << 16) | (rest === 2 ? bytes[i + 1] << 8 : 0);
      out[o++] = CODES[n >> 18];
      out[o++] = CODES[(n >> 12) & 63];
      out[o++] = rest === 2 ? CODES[(n >> 6) & 63] : PAD;
      out[o++] = PAD;
    }
    parts.push(String.fromCharCode.apply(null, out as unknown as number[]));
  }
  return parts.join('');
}

/**
 * The same avatar, logo or emoji appears on most slides; encoding once per byte array keeps the
 * per-slide preview cheap. Keyed weakly so dropped resources are not kept alive.
 */
const uriCache = new WeakMap<Uint8Array, string>();

export function dataUri(mime: string, bytes: Uint8Array): string {
  const cached = uriCache.get(bytes);
  if (cached !== undefined && cached.startsWith(`data:${mime};`)) return cached;
  const uri = `data:${mime};base64,${encodeBase64(bytes)}`;
  uriCache.set(bytes, uri);
  return uri;
}
