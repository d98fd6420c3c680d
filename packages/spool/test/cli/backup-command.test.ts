import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDesign } from '../../src/design/defaults.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { Store } from '../../src/store/store.js';
import { doc, para, post } from '../helpers/documents.js';
import { runCli } from './run-cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spool-backup-'));
  dirs.push(dir);
  return dir;
}

function project(name: string, text: string) {
  const document = doc([post('1', [para(text)])]);
  return { name, document, deck: planDeck(document, defaultDesign()) };
}

/** A data folder with one of everything a user can make. */
function filled(dataDir: string) {
  const store = Store.open({ dataDir });
  const made = {
    project: store.projects.create(project('Kept', 'the original words')),
    kit: store.brandKits.create('Acme', { name: 'Acme', handle: 'acme', accent: '#0A66C2' }),
    preset: store.presets.create('Dark', { ...defaultDesign(), theme: 'midnight' }),
    asset: store.assets.put({ kind: 'image', mime: 'image/png', name: 'a.png', bytes: new Uint8Array([1, 2, 3]), width: 1, height: 1 }),
  };
  store.close();
  return made;
}

describe('spool backup and restore', () => {
  it('backs up everything, and a restore after changes brings exactly that back', async () => {
    const data = tempDir();
    const made = filled(data);
    const file = path.join(tempDir(), 'spool-backup.db');
    const backup = await runCli(['backup', file, '--data', data]);
    expect(backup.code).toBe(0);
    expect(backup.stderr).toMatch(/backed up 1 projects/);

    const store = Store.open({ dataDir: data });
    store.projects.update(made.project.id, { name: 'Changed', document: doc([post('1', [para('overwritten')])]) }, 1);
    store.brandKits.delete(made.kit.id);
    store.presets.delete(made.preset.id);
    store.projects.create(project('New since', 'later'));
    store.close();

    const restore = await runCli(['restore', file, '--data', data]);
    expect(restore.code).toBe(0);
    expect(restore.stderr).toMatch(/restored 1 projects .*previous database is kept as .*spool\.db\.bak/);

    const back = Store.open({ dataDir: data });
    try {
      expect(back.projects.list().map((p) => p.name)).toEqual(['Kept']);
      expect(back.projects.get(made.project.id)).toEqual(made.project);
      expect(back.brandKits.get(made.kit.id)).toEqual(made.kit);
      expect(back.presets.get(made.preset.id)).toEqual(made.preset);
      expect(back.assets.get(made.asset.id).bytes).toEqual(new Uint8Array([1, 2, 3]));
      expect(back.integrityCheck()).toBe('ok');
    } finally {
      back.close();
    }
    // The replaced database is a working database of its own.
    const bakDir = tempDir();
    writeFileSync(path.join(bakDir, 'spool.db'), readFileSync(path.join(data, 'spool.db.bak')));
    const bak = Store.open({ dataDir: bakDir });
    expect(bak.projects.list().map((p) => p.name).sort()).toEqual(['Changed', 'New since']);
    bak.close();
  });

  it('takes SPOOL_DATA_DIR when --data is not given', async () => {
    const data = tempDir();
    filled(data);
    const file = path.join(tempDir(), 'b.db');
    const before = process.env.SPOOL_DATA_DIR;
    process.env.SPOOL_DATA_DIR = data;
    try {
      expect((await runCli(['backup', file])).code).toBe(0);
    } finally {
      if (before === undefined) delete process.env.SPOOL_DATA_DIR;
      else process.env.SPOOL_DATA_DIR = before;
    }
    expect(existsSync(file)).toBe(true);
  });

  it('refuses a file that is not a Spool database with exit 2, leaving the current one intact', async () => {
    const data = tempDir();
    const made = filled(data);
    const other = tempDir();
    const random = path.join(other, 'random.db');
    writeFileSync(random, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
    const text = path.join(other, 'notes.txt');
    writeFileSync(text, 'not a database at all');
    const foreign = path.join(other, 'foreign.db');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(foreign);
    db.exec('CREATE TABLE people (name TEXT)');
    db.close();

    for (const [file, message] of [
      [random, /random\.db: not a Spool backup \(file is not a database\)/],
      [text, /notes\.txt: not a Spool backup/],
      [foreign, /foreign\.db: not a Spool backup \(it has no Spool tables\)/],
      [path.join(other, 'missing.db'), /missing\.db: no such file/],
    ] as const) {
      const result = await runCli(['restore', file, '--data', data]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(path.join(data, 'spool.db.bak'))).toBe(false);
    const store = Store.open({ dataDir: data });
    expect(store.projects.get(made.project.id)).toEqual(made.project);
    store.close();
  });

  it('refuses a backup from a newer Spool, and a database a server has open', async () => {
    const data = tempDir();
    filled(data);
    const file = path.join(tempDir(), 'newer.db');
    expect((await runCli(['backup', file, '--data', data])).code).toBe(0);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const newer = await runCli(['restore', file, '--data', data]);
    expect(newer.code).toBe(2);
    expect(newer.stderr).toMatch(/written by a newer Spool \(schema 99/);

    const good = path.join(tempDir(), 'good.db');
    expect((await runCli(['backup', good, '--data', data])).code).toBe(0);
    const open = Store.open({ dataDir: data });
    try {
      const busy = await runCli(['restore', good, '--data', data]);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/is in use \(is spool serve running/);
    } finally {
      open.close();
    }
    expect((await runCli(['restore', good, '--data', data])).code).toBe(0);
  });

  it('says what is wrong with missing arguments or an empty data folder', async () => {
    expect((await runCli(['backup'])).stderr).toMatch(/backup takes one file, got 0/);
    const empty = await runCli(['backup', path.join(tempDir(), 'x.db'), '--data', tempDir()]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no Spool database here to back up/);
  });
});
