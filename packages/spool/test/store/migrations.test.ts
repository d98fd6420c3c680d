import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION, migrate } from '../../src/store/migrations.js';
import { StorageError } from '../../src/store/errors.js';
import { Store } from '../../src/store/store.js';

/** The tables of the first schema, as Spool 1 created them. */
const SCHEMA_1 = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE projects (id TEXT PRIMARY KEY, name TEXT NOT NULL, document TEXT NOT NULL, deck TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 1) STRICT;
  CREATE INDEX projects_by_update ON projects (updated_at DESC);
  CREATE TABLE brand_kits (id TEXT PRIMARY KEY, name TEXT NOT NULL, kit TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
  CREATE TABLE presets (id TEXT PRIMARY KEY, name TEXT NOT NULL, design TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
  CREATE TABLE assets (id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('image', 'font')), mime TEXT NOT NULL, name TEXT NOT NULL, bytes BLOB NOT NULL, width INTEGER, height INTEGER, created_at TEXT NOT NULL) STRICT;`;

const T = '2024-01-01T00:00:00.000Z';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'spool-migrate-'));
  file = path.join(dir, 'spool.db');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const columns = (db: Database.Database, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

function schema1(): Database.Database {
  const db = new Database(file);
  db.exec(SCHEMA_1);
  db.pragma('user_version = 1');
  return db;
}

describe('migrate', () => {
  it('builds a new file to the latest schema and says it found version 0', () => {
    const db = new Database(file);
    expect(migrate(db, file)).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(tables(db)).toEqual(['accounts', 'assets', 'brand_kits', 'export_jobs', 'meta', 'oauth_flows', 'presets', 'projects', 'publish_files', 'publish_jobs']);
    expect(columns(db, 'accounts')).toEqual(expect.arrayContaining(['secret', 'subject', 'brand_kit_id']));
    expect(columns(db, 'publish_jobs')).toEqual(expect.arrayContaining(['idempotency_key', 'lease_owner', 'lease_until', 'steps']));
    expect(columns(db, 'assets')).toEqual(expect.arrayContaining(['font_family', 'font_weight', 'font_italic']));
    db.close();
  });

  it('does nothing to a database already at the latest schema', () => {
    const db = new Database(file);
    migrate(db, file);
    db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    expect(migrate(db, file)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) AS n FROM meta').get()).toEqual({ n: 1 });
    db.close();
  });

  it('brings a schema-1 database forward with every row kept and the new columns empty', () => {
    const db = schema1();
    db.prepare('INSERT INTO projects (id, name, document, deck, created_at, updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?)').run('prj_old', 'Old', '{}', '{}', T, T, 7);
    db.prepare('INSERT INTO assets (id, kind, mime, name, bytes, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run('a'.repeat(24), 'image', 'image/png', 'a.png', Buffer.from([1, 2, 3]), 10, 20, T);
    expect(migrate(db, file)).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT id, name, revision FROM projects').all()).toEqual([{ id: 'prj_old', name: 'Old', revision: 7 }]);
    expect(db.prepare('SELECT name, width, height, length(bytes) AS size, font_family, font_weight, font_italic FROM assets').get()).toEqual({
      name: 'a.png', width: 10, height: 20, size: 3, font_family: null, font_weight: null, font_italic: null,
    });
    db.close();
  });

  it('rolls a failing step back whole, leaving the version it found', () => {
    // A hand-edited schema-1 file that already has one of the columns step 2 adds: step 2 fails part-way.
    const db = schema1();
    db.exec('ALTER TABLE assets ADD COLUMN font_italic INTEGER');
    expect(() => migrate(db, file)).toThrow(/duplicate column name: font_italic/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    // font_family and font_weight were added before the failure and are gone again.
    expect(columns(db, 'assets')).not.toContain('font_family');
    expect(columns(db, 'assets')).not.toContain('font_weight');
    db.close();
  });

  it('refuses a file from a newer Spool as a StorageError, changing nothing', () => {
    const db = schema1();
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    let error: unknown;
    try {
      migrate(db, file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).problem).toBe('newer');
    expect(columns(db, 'assets')).not.toContain('font_family');
    db.close();
  });

  it('is what opening a Store runs: a schema-1 folder opens with its brand kits readable', () => {
    const db = schema1();
    db.prepare('INSERT INTO brand_kits (id, name, kit, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('kit_old', 'Old kit', '{"name":"Ada"}', T, T);
    db.close();
    const store = Store.open({ dataDir: dir });
    try {
      expect(store.brandKits.get('kit_old').body).toEqual({ name: 'Ada' });
      expect(store.assets.fonts()).toEqual([]);
    } finally {
      store.close();
    }
  });
});
