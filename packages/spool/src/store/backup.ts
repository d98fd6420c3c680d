/**
 * Whole-database backup and restore. A backup is one self-contained SQLite file taken with SQLite's
 * online backup, so it is consistent even while a server is saving. A restore checks the file is a
 * sound Spool database this version can read before touching anything, keeps the database it
 * replaces as spool.db.bak, and swaps the new one in with a single rename.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SpoolInputError } from '../errors/input-error.js';
import { DATABASE_FILE, resolveDataDir } from './database.js';
import { StorageError, asStorageError } from './errors.js';
import { SCHEMA_VERSION } from './migrations.js';
import { Store } from './store.js';

export const BACKUP_SUFFIX = '.bak';
const TABLES = ['meta', 'projects', 'brand_kits', 'presets', 'assets'];

/** Copies the data folder's database to `file`; returns the number of projects in it. */
export async function backupDatabase(file: string, dataDir?: string): Promise<{ file: string; projects: number }> {
  const dir = resolveDataDir(dataDir);
  const source = path.join(dir, DATABASE_FILE);
  if (!existsSync(source)) throw new SpoolInputError(source, 'no Spool database here to back up (choose the data folder with --data or SPOOL_DATA_DIR)');
  const target = path.resolve(file);
  if (target === source) throw new SpoolInputError(target, 'the backup must go to another file than the database itself');
  // Written beside the target and renamed, so a failed backup never leaves a truncated file under its name.
  const partial = `${target}.partial`;
  const store = Store.open({ dataDir: dir });
  try {
    await store.backup(partial);
    renameSync(partial, target);
    return { file: target, projects: store.projects.list().length };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    store.close();
  }
}

/** Replaces the data folder's database with the backup in `file`. */
export async function restoreDatabase(file: string, dataDir?: string): Promise<{ previous?: string; projects: number }> {
  const source = path.resolve(file);
  const projects = checkBackup(source);
  const dir = resolveDataDir(dataDir);
  const current = path.join(dir, DATABASE_FILE);
  if (source === current) throw new SpoolInputError(source, 'this is the database in use; restore from a copy');
  let previous: string | undefined;
  if (existsSync(current)) {
    refuseIfInUse(current, dir);
    previous = `${current}${BACKUP_SUFFIX}`;
    keepPrevious(current, previous, dir);
  }
  const staged = `${current}.restoring`;
  try {
    // A new machine has no data folder yet; `Store.open` would make it, and so does a restore.
    mkdirSync(dir, { recursive: true });
    // A fresh copy through SQLite rather than a file copy: the backup may itself have a WAL beside it.
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await db.backup(staged);
    } finally {
      db.close();
    }
    for (const extra of ['-wal', '-shm']) rmSync(`${current}${extra}`, { force: true });
    renameSync(staged, current);
  } catch (err) {
    rmSync(staged, { force: true });
    throw asStorageError(err, dir, current);
  }
  return { previous, projects };
}

/**
 * Opening and closing folds any write-ahead log into spool.db, so the kept copy is complete and no
 * stale log is left to be replayed over the restored file. A damaged database is exactly what a
 * restore is for, so it is kept as found, log and all, instead of refusing.
 */
function keepPrevious(current: string, previous: string, dir: string): void {
  try {
    Store.open({ dataDir: dir }).close();
  } catch (err) {
    if (!(err instanceof StorageError && err.problem === 'damaged')) throw err;
    for (const extra of ['-wal', '-shm']) if (existsSync(`${current}${extra}`)) renameSync(`${current}${extra}`, `${previous}${extra}`);
  }
  if (existsSync(`${current}-wal`) && statSync(`${current}-wal`).size > 0) {
    throw new StorageError('busy', `${current} has changes still in its write-ahead log; start and stop Spool once, then restore`);
  }
  copyFileSync(current, previous);
}

/** Refuses anything but a sound Spool database of a schema this version knows; returns its project count. */
function checkBackup(file: string): number {
  if (!existsSync(file)) throw new SpoolInputError(file, 'no such file');
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new SpoolInputError(file, `cannot be opened as a database (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (version < 1 || TABLES.some((t) => !tables.has(t))) throw new SpoolInputError(file, 'not a Spool backup (it has no Spool tables)');
    if (version > SCHEMA_VERSION) {
      throw new SpoolInputError(file, `written by a newer Spool (schema ${version}, this one knows ${SCHEMA_VERSION}): update Spool first`);
    }
    const check = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    if (check !== 'ok') throw new SpoolInputError(file, `the backup is damaged (${check})`);
    return (db.prepare('SELECT count(*) AS n FROM projects').get() as { n: number }).n;
  } catch (err) {
    if (err instanceof SpoolInputError) throw err;
    // SQLite only reads the header on first use: a random file fails here, not on open.
    throw new SpoolInputError(file, `not a Spool backup (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    db.close();
  }
}

/**
 * A running server keeps its connection open, and in WAL mode that holds a shared lock on the
 * file; an exclusive transaction that cannot start right away means someone has it open.
 */
function refuseIfInUse(current: string, dir: string): void {
  const probe = new Database(current, { timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? '');
    if (/^SQLITE_BUSY|^SQLITE_LOCKED/.test(code)) {
      throw new StorageError('busy', `${current} is in use (is spool serve running on ${dir}?): stop it, then restore`);
    }
    // Anything else (a damaged file) is no sign of another user; keepPrevious deals with it.
  } finally {
    probe.close();
  }
}
