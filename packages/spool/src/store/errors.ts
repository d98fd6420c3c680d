/**
 * What can go wrong in the store, as errors the shells turn into clear answers: a missing record
 * (404), a save based on an old revision (409), and a data folder that cannot be written (the
 * message names the folder, so the user knows where to look).
 */

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${JSON.stringify(id)} not found`);
  }
}

/** Someone else saved first; the caller must reload before saving again. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(
    readonly what: string,
    readonly id: string,
    readonly expected: number,
    readonly current: number,
  ) {
    super(`${what} ${JSON.stringify(id)} is at revision ${current}, not ${expected}: reload it and apply your change again`);
  }
}

export type StorageProblem = 'read-only' | 'full' | 'damaged' | 'busy' | 'newer' | 'not-a-folder';

/** The data folder or database file cannot be used; nothing was written. */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly problem: StorageProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Turns SQLite and file-system failures into a StorageError that names the data folder; anything
 * else comes back unchanged. SQLite rolls the transaction back before we see the error, so a
 * failed write never leaves half a record behind.
 */
export function asStorageError(err: unknown, dataDir: string, file: string): unknown {
  if (err instanceof StorageError || !(err instanceof Error)) return err;
  const code = String((err as { code?: unknown }).code ?? '');
  if (/^SQLITE_READONLY/.test(code) || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new StorageError('read-only', `data folder ${dataDir} is read-only: Spool needs to write there (choose another with --data or SPOOL_DATA_DIR)`, { cause: err });
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return new StorageError('not-a-folder', `data folder ${dataDir} cannot be used: it or a folder above it is a file`, { cause: err });
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new StorageError('full', `data folder ${dataDir} is full: nothing was saved; free some space and try again`, { cause: err });
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new StorageError('damaged', `${file} is damaged or not a Spool database (restore a backup, or move it away to start afresh)`, { cause: err });
  }
  if (/^SQLITE_BUSY/.test(code) || /^SQLITE_LOCKED/.test(code)) {
    return new StorageError('busy', `${file} is locked by another process; try again in a moment`, { cause: err });
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new StorageError('read-only', `cannot open ${file}: check that data folder ${dataDir} exists and is writable`, { cause: err });
  }
  return err;
}
