/**
 * An article at an http(s) URL: fetched through the guard (the URL is the user's, but the server
 * it names may redirect anywhere), decoded with the charset the page declares, then imported as HTML.
 * Decoding right matters: a page read with the wrong charset is where mojibake starts.
 */
import { SpoolInputError } from '../errors/input-error.js';
import { fetchGuarded, type FetchGuardOptions } from './fetch-guard.js';
import { importHtml, type HtmlImportOptions } from './html-article.js';
import type { ImportResult } from './types.js';

export interface HtmlUrlOptions extends HtmlImportOptions {
  fetch?: FetchGuardOptions;
}

export async function importHtmlUrl(url: string, opts: HtmlUrlOptions = {}): Promise<ImportResult> {
  const { fetch: fetchOpts, ...htmlOpts } = opts;
  const page = await fetchGuarded(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5', ...fetchOpts });
  const type = page.contentType.split(';')[0].trim().toLowerCase();
  if (type !== '' && !/^(text\/html|application\/xhtml\+xml|text\/plain)$/.test(type)) {
    throw new SpoolInputError(url, `not a web page (${type}); Spool reads articles from HTML pages`);
  }
  return importHtml({ html: decodeHtml(page.bytes, page.contentType), url: page.url }, htmlOpts);
}

/**
 * The charset from the BOM, else the Content-Type header, else a <meta> in the first 1 KB, else
 * UTF-8. A declared charset loses to the bytes when they are valid UTF-8 with characters beyond
 * ASCII: a page saved or re-served as UTF-8 often keeps its old `<meta charset=gb2312>`, and
 * text in another charset is practically never valid UTF-8 by chance.
 */
export function decodeHtml(bytes: Uint8Array, contentType = ''): string {
  const declared = bomCharset(bytes) ?? headerCharset(contentType) ?? metaCharset(bytes) ?? 'utf-8';
  const label = !/^utf-?8$/i.test(declared) && isMultibyteUtf8(bytes) ? 'utf-8' : declared;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => C1_AS_1252[c.charCodeAt(0) - 0x80]) : text;
}

// Node 20's TextDecoder reads windows-1252 (and the latin1 labels mapped to it) as ISO-8859-1, giving
// C1 controls where the page has curly quotes and dashes; these are the characters it should give.
const C1_AS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Valid UTF-8 with a few characters beyond ASCII: two characters of another charset can pass for
 * one UTF-8 character by chance, a sentence cannot.
 */
function isMultibyteUtf8(bytes: Uint8Array): boolean {
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  if (high < 8) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function headerCharset(contentType: string): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
}

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}
