/**
 * An image a build cannot have: a file that is not on disk, an address that cannot be fetched
 * (refused, not answering, gone). The source is not at fault the way a broken image is, and a
 * carousel without the picture beats no carousel: the build leaves it out and says so, in one way
 * wherever it runs (`loadImages`, for the CLI, the library and the server's exports).
 */
export class ImageUnavailableError extends Error {
  override name = 'ImageUnavailableError';
  constructor(
    message: string,
    /** What became of it, said after the image's name: `could not be fetched (HTTP 404 Not Found)`. */
    readonly reason: string,
  ) {
    super(message);
  }
}

/** A local image that is not there: `path` is where it was looked for. */
export class ImageNotFoundError extends ImageUnavailableError {
  override name = 'ImageNotFoundError';
  constructor(readonly path: string) {
    super(`image not found: ${path}`, 'was not found');
  }
}

/**
 * Why a fetch failed, to follow the image's address in a message. The fetch guard's messages name
 * the address themselves (`could not fetch <url>: HTTP 404`); only the part after it is kept, with
 * the address of a redirect's hop when that was where it failed.
 */
export function unfetchedReason(err: unknown, url: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const hop = typeof (err as { url?: unknown })?.url === 'string' ? (err as { url: string }).url : url;
  for (const said of [`could not fetch ${hop}: `, `refused ${hop}: `]) {
    if (message.startsWith(said)) return `could not be fetched (${hop === url ? '' : `${hop}: `}${message.slice(said.length)})`;
  }
  return `could not be fetched (${message})`;
}
