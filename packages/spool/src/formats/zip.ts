import { zipSync, type Zippable } from 'fflate';

/**
 * Packs files into one ZIP (fflate): exported pages for download, on the server and in the studio,
 * and a thread file picked with its images. Browser-safe.
 */

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export interface ZipOptions {
  /** Modification time stored for every entry. Default: now. */
  mtime?: Date;
}

/** Already-compressed formats: deflating them again costs time and saves nothing. */
const STORED = /\.(png|jpe?g|webp|gif|avif|zip|pdf)$/i;

export function makeZip(files: readonly ZipEntry[], opts: ZipOptions = {}): Uint8Array {
  const entries: Zippable = {};
  const mtime = opts.mtime ?? new Date();
  for (const file of files) {
    const name = safeEntryName(file.name);
    if (Object.prototype.hasOwnProperty.call(entries, name)) throw new Error(`makeZip: duplicate entry ${name}`);
    entries[name] = [file.bytes, { level: STORED.test(name) ? 0 : 6, mtime }];
  }
  return zipSync(entries);
}

/**
 * Entry names end up as paths when the archive is extracted; an absolute path or `..` would write
 * outside the user's folder, so those are refused rather than silently renamed.
 */
function safeEntryName(name: string): string {
  const clean = name.replace(/\\/g, '/');
  if (!clean || clean.startsWith('/') || /^[a-z]:/i.test(clean) || clean.split('/').some((p) => p === '..' || p === '')) {
    throw new Error(`makeZip: unsafe entry name ${JSON.stringify(name)}`);
  }
  return clean;
}
