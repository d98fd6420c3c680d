import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { BACKUP_SUFFIX, backupDatabase, restoreDatabase } from '../../src/store/backup.js';
import { SpoolInputError } from '../../src/errors/input-error.js';
import { Store } from '../../src/store/store.js';
import { defaultDesign } from '../../src/design/defaults.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { doc, para, post } from '../helpers/documents.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spool-backup-unit-'));
  dirs.push(dir);
  return dir;
}

function project(name: string) {
  const document = doc([post('1', [para(`${name} words`)])]);
  return { name, document, deck: planDeck(document, defaultDesign()) };
}

function withStore<T>(dataDir: string, fn: (store: Store) => T): T {
  const store = Store.open({ dataDir });
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

const names = (dataDir: string) => withStore(dataDir, (s) => s.projects.list().map((p) => p.name).sort());

describe('backupDatabase', () => {
  it('copies saves still in the write-ahead log of a store that is open, and counts the projects', async () => {
    const data = tempDir();
    const open = Store.open({ dataDir: data });
    try {
      open.projects.create(project('One'));
      open.projects.create(project('Two'));
      expect(readFileSync(`${open.file}-wal`).length).toBeGreaterThan(0);
      const target = path.join(tempDir(), 'copy.db');
      const result = await backupDatabase(target, data);
      expect(result).toEqual({ file: target, projects: 2 });
      // Written as copy.db.partial and renamed: nothing else is left beside it.
      expect(readdirSync(path.dirname(target))).toEqual(['copy.db']);
      const copy = new Database(target, { readonly: true });
      expect(copy.prepare('SELECT name FROM projects ORDER BY name').all()).toEqual([{ name: 'One' }, { name: 'Two' }]);
      copy.close();
    } finally {
      open.close();
    }
  });

  it('refuses to back the database up onto itself', async () => {
    const data = tempDir();
    withStore(data, (s) => s.projects.create(project('Only')));
    await expect(backupDatabase(path.join(data, 'spool.db'), data)).rejects.toThrow(SpoolInputError);
    expect(names(data)).toEqual(['Only']);
  });
});

describe('restoreDatabase', () => {
  it('restores into an empty data folder, with no previous database to keep', async () => {
    const source = tempDir();
    withStore(source, (s) => s.projects.create(project('Saved')));
    const file = path.join(tempDir(), 'b.db');
    await backupDatabase(file, source);
    const fresh = tempDir();
    expect(await restoreDatabase(file, fresh)).toEqual({ previous: undefined, projects: 1 });
    expect(names(fresh)).toEqual(['Saved']);
  });

  it('restores into a data folder that does not exist yet (a new machine), creating it', async () => {
    const source = tempDir();
    withStore(source, (s) => s.projects.create(project('Moved')));
    const file = path.join(tempDir(), 'b.db');
    await backupDatabase(file, source);
    const fresh = path.join(tempDir(), 'new', 'folder');
    expect(await restoreDatabase(file, fresh)).toEqual({ previous: undefined, projects: 1 });
    expect(names(fresh)).toEqual(['Moved']);
  });

  it('refuses to restore the database in use over itself', async () => {
    const data = tempDir();
    withStore(data, (s) => s.projects.create(project('Mine')));
    await expect(restoreDatabase(path.join(data, 'spool.db'), data)).rejects.toThrow(/this is the database in use/);
    expect(existsSync(path.join(data, `spool.db${BACKUP_SUFFIX}`))).toBe(false);
  });

  it('replaces a damaged database, keeping the damaged file as spool.db.bak byte for byte', async () => {
    const source = tempDir();
    withStore(source, (s) => s.projects.create(project('Good')));
    const file = path.join(tempDir(), 'good.db');
    await backupDatabase(file, source);
    const data = tempDir();
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256));
    writeFileSync(path.join(data, 'spool.db'), garbage);
    const result = await restoreDatabase(file, data);
    expect(result).toEqual({ previous: path.join(data, 'spool.db.bak'), projects: 1 });
    expect(readFileSync(path.join(data, 'spool.db.bak')).equals(garbage)).toBe(true);
    expect(names(data)).toEqual(['Good']);
  });

  it('takes a backup of an older schema, which the next open brings forward', async () => {
    const file = path.join(tempDir(), 'old.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE projects (id TEXT PRIMARY KEY, name TEXT NOT NULL, document TEXT NOT NULL, deck TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 1) STRICT;
      CREATE TABLE brand_kits (id TEXT PRIMARY KEY, name TEXT NOT NULL, kit TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
      CREATE TABLE presets (id TEXT PRIMARY KEY, name TEXT NOT NULL, design TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
      CREATE TABLE assets (id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('image', 'font')), mime TEXT NOT NULL, name TEXT NOT NULL, bytes BLOB NOT NULL, width INTEGER, height INTEGER, created_at TEXT NOT NULL) STRICT;`);
    const { document, deck } = project('From v1');
    old.prepare('INSERT INTO projects (id, name, document, deck, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('prj_v1', 'From v1', JSON.stringify(document), JSON.stringify(deck), '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
    old.pragma('user_version = 1');
    old.close();
    const data = tempDir();
    expect((await restoreDatabase(file, data)).projects).toBe(1);
    withStore(data, (s) => {
      expect(s.projects.get('prj_v1').deck).toEqual(deck);
      expect(s.assets.put({ kind: 'font', mime: 'font/ttf', name: 'f.ttf', bytes: new Uint8Array([1]), font: { family: 'F', weight: 400, italic: false } }).font?.family).toBe('F');
    });
  });
});
