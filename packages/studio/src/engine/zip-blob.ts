import { makeZip, type ZipEntry } from 'spool/core';

/** Files packed into a ZIP the browser can download or upload: the library's one ZIP writer. */
export function zipBlob(files: readonly ZipEntry[]): Blob {
  return new Blob([makeZip(files) as BlobPart], { type: 'application/zip' });
}
