import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Store } from '../../src/store/store.js';
import { useTempStore } from '../helpers/temp-store.js';
import { ConflictError, NotFoundError, StorageError } from '../../src/store/errors.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { defaultDesign } from '../../src/design/defaults.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { doc, para, post } from '../helpers/documents.js';

const t = useTempStore('spool-store-');

function sampleProject(name = 'Launch thread') {
  const document = doc([post('1', [para('Hello there, this is the first post.')]), post('2', [para('And the second.')])]);
  return { name, document, deck: planDeck(document, defaultDesign()) };
}

describe('Store', () => {
  it('creates a migrated WAL database with foreign keys on', () => {
    const db = new Database(t.store.file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(t.store.integrityCheck()).toBe('ok');
  });

  it('opens a data folder of the first schema and keeps its fonts, learning their faces when uploaded again', () => {
    t.store.close();
    rmSync(t.dir, { recursive: true, force: true });
    t.dir = mkdtempSync(path.join(tmpdir(), 'spool-store-'));
    // A database as the first schema wrote it, with a font uploaded then.
    const old = new Database(path.join(t.dir, 'spool.db'));
    old.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE projects (id TEXT PRIMARY KEY, name TEXT NOT NULL, document TEXT NOT NULL, deck TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 1) STRICT;
      CREATE INDEX projects_by_update ON projects (updated_at DESC);
      CREATE TABLE brand_kits (id TEXT PRIMARY KEY, name TEXT NOT NULL, kit TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
      CREATE TABLE presets (id TEXT PRIMARY KEY, name TEXT NOT NULL, design TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
      CREATE TABLE assets (id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('image', 'font')), mime TEXT NOT NULL, name TEXT NOT NULL, bytes BLOB NOT NULL, width INTEGER, height INTEGER, created_at TEXT NOT NULL) STRICT;`);
    old.pragma('user_version = 1');
    old.close();
    const reopened = Store.open({ dataDir: t.dir });
    const bytes = new Uint8Array([0, 1, 0, 0, 7, 7, 7]);
    const before = reopened.assets.put({ kind: 'font', mime: 'font/ttf', name: 'Brand-Bold.ttf', bytes });
    expect(before.font).toBeUndefined();
    const again = reopened.assets.put({ kind: 'font', mime: 'font/ttf', name: 'Brand-Bold.ttf', bytes, font: { family: 'Brand Sans', weight: 700, italic: false } });
    expect(again.id).toBe(before.id);
    expect(reopened.assets.fonts()).toEqual([expect.objectContaining({ id: before.id, font: { family: 'Brand Sans', weight: 700, italic: false } })]);
    reopened.close();
    t.store = Store.open({ dataDir: t.dir });
  });

  it('saves, lists, updates and deletes projects with revisions', () => {
    const created = t.store.projects.create(sampleProject());
    expect(created.revision).toBe(1);
    expect(t.store.projects.list()).toEqual([
      { id: created.id, name: 'Launch thread', updatedAt: created.updatedAt, slides: created.deck.slides.length, title: created.deck.title ?? 'Launch thread' },
    ]);
    const renamed = t.store.projects.update(created.id, { name: 'Renamed' }, 1);
    expect(renamed).toMatchObject({ name: 'Renamed', revision: 2 });
    expect(renamed.deck).toEqual(created.deck);
    expect(() => t.store.projects.update(created.id, { name: 'Stale' }, 1)).toThrow(ConflictError);
    expect(t.store.projects.get(created.id).name).toBe('Renamed');
    const copy = t.store.projects.duplicate(created.id);
    expect(copy).toMatchObject({ name: 'Renamed (copy)', revision: 1 });
    expect(copy.id).not.toBe(created.id);
    t.store.projects.delete(created.id);
    expect(() => t.store.projects.get(created.id)).toThrow(NotFoundError);
    expect(() => t.store.projects.delete(created.id)).toThrow(NotFoundError);
    expect(t.store.projects.count()).toBe(1);
  });

  it('keeps brand kits and presets, validating them on load', () => {
    const kit = t.store.brandKits.create('Agency', { name: 'Ada', handle: 'ada', accent: '#0A66C2' });
    expect(t.store.brandKits.get(kit.id).body).toEqual({ name: 'Ada', handle: 'ada', accent: '#0A66C2' });
    t.store.brandKits.update(kit.id, { name: 'Agency 2' });
    expect(t.store.brandKits.list().map((k) => k.name)).toEqual(['Agency 2']);
    const preset = t.store.presets.create('Dark', { ...defaultDesign(), theme: 'midnight' });
    expect(t.store.presets.get(preset.id).body.theme).toBe('midnight');
    t.store.presets.delete(preset.id);
    expect(() => t.store.presets.get(preset.id)).toThrow(/preset "pst_\w+" not found/);
  });

  it('stores each asset once, named by its content', () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const a = t.store.assets.put({ kind: 'image', mime: 'image/png', name: 'a.png', bytes, width: 1, height: 1 });
    const b = t.store.assets.put({ kind: 'image', mime: 'image/png', name: 'b.png', bytes });
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ name: 'a.png', size: 4, width: 1, height: 1 });
    expect(t.store.assets.count()).toBe(1);
    expect([...t.store.assets.get(a.id).bytes]).toEqual([1, 2, 3, 4]);
  });

  it('keeps everything across a reopen', () => {
    const created = t.store.projects.create(sampleProject());
    t.store.close();
    t.store = Store.open({ dataDir: t.dir });
    expect(t.store.projects.get(created.id).deck).toEqual(created.deck);
  });

  it('writes starter content once', () => {
    expect(t.store.needsStarterContent()).toBe(true);
    t.store.writeStarterContent(() => t.store.projects.create(sampleProject()));
    expect(t.store.needsStarterContent()).toBe(false);
  });

  it('rolls a failed starter write back completely', () => {
    expect(() =>
      t.store.writeStarterContent(() => {
        t.store.projects.create(sampleProject());
        throw new Error('import failed');
      }),
    ).toThrow('import failed');
    expect(t.store.projects.count()).toBe(0);
    expect(t.store.needsStarterContent()).toBe(true);
  });
});

describe('Store faults', () => {
  it('reports a full disk clearly and keeps earlier saves intact', () => {
    const first = t.store.projects.create(sampleProject());
    // Capping the page count makes SQLite hit the same SQLITE_FULL a full disk gives.
    const raw = new Database(t.store.file);
    const pages = raw.pragma('page_count', { simple: true }) as number;
    raw.close();
    const capped = Store.open({ dataDir: t.dir });
    (capped as unknown as { db: { read: (fn: (db: Database.Database) => unknown) => unknown } }).db.read((db) => db.pragma(`max_page_count = ${pages + 1}`));
    const big = sampleProject('big');
    big.document.posts[0].blocks = Array.from({ length: 3000 }, (_, i) => para(`paragraph ${i} `.repeat(20)));
    let error: unknown;
    try {
      capped.projects.create(big);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).problem).toBe('full');
    expect((error as Error).message).toBe(`data folder ${t.dir} is full: nothing was saved; free some space and try again`);
    expect(capped.projects.list().map((p) => p.id)).toEqual([first.id]);
    expect(capped.integrityCheck()).toBe('ok');
    capped.close();
  });

  it('refuses a database from a newer Spool', () => {
    t.store.close();
    const raw = new Database(path.join(t.dir, 'spool.db'));
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => Store.open({ dataDir: t.dir })).toThrow(/written by a newer Spool/);
    t.store = Store.open({ dataDir: mkdtempSync(path.join(tmpdir(), 'spool-store-')) });
  });

  it('refuses a data folder below a file, naming it', () => {
    const file = path.join(t.dir, 'file');
    writeFileSync(file, 'x');
    expect(() => Store.open({ dataDir: path.join(file, 'data') })).toThrow(
      `data folder ${path.join(file, 'data')} cannot be used: it or a folder above it is a file`,
    );
  });

  it.skipIf(!canMakeReadOnly())('refuses a read-only data folder, naming it, and leaves the file intact', () => {
    const created = t.store.projects.create(sampleProject());
    t.store.close();
    setReadOnly(t.dir, true);
    try {
      expect(() => Store.open({ dataDir: t.dir })).toThrow(`data folder ${t.dir} is read-only`);
    } finally {
      setReadOnly(t.dir, false);
    }
    t.store = Store.open({ dataDir: t.dir });
    expect(t.store.projects.get(created.id).name).toBe('Launch thread');
    expect(t.store.integrityCheck()).toBe('ok');
  });
});

// Root ignores permission bits, so there the folder is made immutable instead (chattr +i).
function setReadOnly(folder: string, on: boolean): void {
  if (process.getuid?.() === 0) execFileSync('chattr', [on ? '+i' : '-i', folder]);
  else chmodSync(folder, on ? 0o555 : 0o755);
}

function canMakeReadOnly(): boolean {
  const probe = mkdtempSync(path.join(tmpdir(), 'spool-ro-'));
  try {
    setReadOnly(probe, true);
    setReadOnly(probe, false);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
