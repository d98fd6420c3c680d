import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { asStorageError } from './errors.js';
import { migrate } from './migrations.js';

export const DATABASE_FILE = 'spool.db';

/** `--data`, then `SPOOL_DATA_DIR`, then `~/.spool`. */
export function resolveDataDir(dir?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = dir || env.SPOOL_DATA_DIR || path.join(homedir(), '.spool');
  return path.resolve(chosen);
}

/**
 * The open database and the two ways to use it. Every write runs in one transaction, and every
 * failure to write comes back as a StorageError naming the data folder, so callers never see a raw
 * SQLite code and the file never holds half a change.
 */
export class StoreDatabase {
  readonly file: string;
  /** The schema version found on open: 0 when the file was just created. */
  readonly foundVersion: number;
  private readonly db: Database.Database;

  constructor(readonly dataDir: string) {
    this.file = path.join(dataDir, DATABASE_FILE);
    try {
      mkdirSync(dataDir, { recursive: true });
      // Found here rather than on the first save, so `spool serve` refuses to start instead of
      // accepting edits it cannot keep.
      accessSync(dataDir, constants.W_OK);
      this.db = new Database(this.file, { timeout: 5000 });
    } catch (err) {
      throw asStorageError(err, dataDir, this.file);
    }
    try {
      // WAL lets the studio read while a save commits, and survives a killed process. FULL sync
      // makes an acknowledged save survive a power cut as well; saves are small, so the fsync is cheap.
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      this.foundVersion = migrate(this.db, this.file);
    } catch (err) {
      this.db.close();
      throw asStorageError(err, dataDir, this.file);
    }
  }

  /** Runs `fn` in a transaction: all of it commits, or none of it. */
  write<T>(fn: (db: Database.Database) => T): T {
    try {
      return this.db.transaction(() => fn(this.db))();
    } catch (err) {
      throw asStorageError(err, this.dataDir, this.file);
    }
  }

  read<T>(fn: (db: Database.Database) => T): T {
    try {
      return fn(this.db);
    } catch (err) {
      throw asStorageError(err, this.dataDir, this.file);
    }
  }

  /** SQLite's own check of the file: `ok`, or the first problems it found. */
  integrityCheck(): string {
    const rows = this.read((db) => db.pragma('integrity_check') as { integrity_check: string }[]);
    return rows.map((r) => r.integrity_check).join('\n');
  }

  /** A consistent copy of the whole database, taken while it stays in use. */
  async backup(destination: string): Promise<void> {
    try {
      await this.db.backup(destination);
    } catch (err) {
      throw asStorageError(err, path.dirname(destination), destination);
    }
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (!this.db.open) return;
    // Folds the WAL back into the main file, so a copied spool.db on its own is complete.
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // A read-only or full folder can refuse the checkpoint; the WAL stays and is replayed next open.
    }
    this.db.close();
  }
}
