/**
 * Post addresses of the open networks, read without I/O so detection can tell them from articles:
 * a Bluesky post (`https://bsky.app/profile/<handle or DID>/post/<record key>`) and a Mastodon
 * status (`https://<server>/@<user>/<id>`, `/@<user>@<home server>/<id>`, `/users/<user>/statuses/<id>`).
 * Only these shapes count: any other page on a Mastodon server, or any other site, stays an article.
 */

export interface BlueskyPostAddress {
  /** A handle (`alice.bsky.social`) or a DID (`did:plc:…`), as the URL gives it. */
  actor: string;
  rkey: string;
}

export interface MastodonStatusAddress {
  /** The server the URL names: its API knows the status by `id`. */
  host: string;
  /** `https://<host>`, with the port when the URL has one. */
  origin: string;
  id: string;
}

const HANDLE = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const DID = /^did:[a-z]+:[A-Za-z0-9._:%-]{1,2000}$/;
const RKEY = /^[A-Za-z0-9._:~-]{1,512}$/;
/** Sites whose own post addresses look like a Mastodon status but are read another way. */
const NOT_MASTODON = /(^|\.)(x\.com|twitter\.com|bsky\.app)$/i;

function parseUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

export function parseBlueskyPostUrl(url: string): BlueskyPostAddress | undefined {
  const parsed = parseUrl(url);
  if (!parsed || !/^(www\.)?bsky\.app$/i.test(parsed.hostname)) return undefined;
  const match = /^\/profile\/([^/]+)\/post\/([^/]+)\/?$/.exec(parsed.pathname);
  if (!match) return undefined;
  const actor = decoded(match[1]);
  const rkey = decoded(match[2]);
  if (!actor || !rkey || !RKEY.test(rkey) || rkey === '.' || rkey === '..') return undefined;
  if (!DID.test(actor) && !HANDLE.test(actor)) return undefined;
  return { actor: actor.startsWith('did:') ? actor : actor.toLowerCase(), rkey };
}

export function parseMastodonStatusUrl(url: string): MastodonStatusAddress | undefined {
  const parsed = parseUrl(url);
  if (!parsed || NOT_MASTODON.test(parsed.hostname)) return undefined;
  const match =
    /^\/@[A-Za-z0-9_.-]{1,64}(?:@[A-Za-z0-9.-]{1,253})?\/(\d{1,20})\/?$/.exec(parsed.pathname) ??
    /^\/users\/[A-Za-z0-9_.-]{1,64}\/statuses\/(\d{1,20})\/?$/.exec(parsed.pathname);
  if (!match) return undefined;
  return { host: parsed.host, origin: parsed.origin, id: match[1] };
}
