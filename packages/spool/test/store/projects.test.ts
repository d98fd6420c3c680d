import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { useTempStore } from '../helpers/temp-store.js';
import { ConflictError, NotFoundError } from '../../src/store/errors.js';
import { defaultDesign } from '../../src/design/defaults.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import type { SpoolDocument } from '../../src/model/document.js';
import { doc, para, post } from '../helpers/documents.js';

const t = useTempStore('spool-projects-');

function project(name: string, document: SpoolDocument = doc([post('1', [para(`${name} hook`)]), post('2', [para('Body.')])])) {
  return { name, document, deck: planDeck(document, defaultDesign()) };
}

/** Saves are stamped to the millisecond; this makes the next one later. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

describe('ProjectTable', () => {
  it('lists the most recently saved first, counting slides without loading decks', async () => {
    const a = t.store.projects.create(project('A'));
    await tick();
    const b = t.store.projects.create(project('B'));
    expect(t.store.projects.list().map((p) => p.name)).toEqual(['B', 'A']);
    await tick();
    t.store.projects.update(a.id, { name: 'A2' });
    const list = t.store.projects.list();
    expect(list.map((p) => p.id)).toEqual([a.id, b.id]);
    expect(list[1].slides).toBe(b.deck.slides.length);
    expect(b.deck.slides.length).toBe(3); // cover, content, outro
  });

  it('titles a summary by the deck, else the document, else the project name', () => {
    const titled = project('Named', { ...doc([post('1', [para('First words')])]), title: 'Doc title' });
    t.store.projects.create(titled);
    const fromDeck = t.store.projects.create({ ...titled, name: 'Deck wins', deck: { ...titled.deck, title: 'Deck title' } });
    const fromDoc = t.store.projects.create({ ...titled, name: 'Doc wins', deck: { ...titled.deck, title: undefined } });
    const bare = t.store.projects.create({ name: 'Only a name', document: doc([]), deck: planDeck(doc([]), defaultDesign()) });
    const title = (id: string) => t.store.projects.list().find((p) => p.id === id)?.title;
    expect(title(fromDeck.id)).toBe('Deck title');
    expect(title(fromDoc.id)).toBe('Doc title');
    expect(bare.deck.title).toBeUndefined();
    expect(title(bare.id)).toBe('Only a name');
  });

  it('changes only what a save names, bumping the revision each time', () => {
    const created = t.store.projects.create(project('Draft'));
    const newDoc = doc([post('1', [para('Rewritten hook')])]);
    const saved = t.store.projects.update(created.id, { document: newDoc });
    expect(saved).toMatchObject({ name: 'Draft', revision: 2, document: newDoc, deck: created.deck });
    expect(t.store.projects.update(created.id, {}).revision).toBe(3);
    expect(t.store.projects.get(created.id).createdAt).toBe(created.createdAt);
  });

  it('refuses a save based on an old revision, saying which, and writes nothing', () => {
    const created = t.store.projects.create(project('Shared'));
    t.store.projects.update(created.id, { name: 'Tab one' }, 1);
    let error: unknown;
    try {
      t.store.projects.update(created.id, { name: 'Tab two' }, 1);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ expected: 1, current: 2 });
    expect(t.store.projects.get(created.id)).toMatchObject({ name: 'Tab one', revision: 2 });
  });

  it('answers NotFoundError for saving a project that does not exist', () => {
    expect(() => t.store.projects.update('prj_missing', { name: 'x' })).toThrow(NotFoundError);
    expect(() => t.store.projects.update('prj_missing', { name: 'x' }, 1)).toThrow('project "prj_missing" not found');
  });

  it('duplicates under a given name into a project of its own', () => {
    const source = t.store.projects.create(project('Original'));
    const copy = t.store.projects.duplicate(source.id, 'Variant');
    expect(copy).toMatchObject({ name: 'Variant', revision: 1, document: source.document, deck: source.deck });
    expect(copy.id).toMatch(/^prj_[0-9a-z]{12}$/);
    t.store.projects.update(copy.id, { name: 'Variant 2' });
    expect(t.store.projects.get(source.id)).toMatchObject({ name: 'Original', revision: 1 });
  });

  it('refuses to load a row edited into an invalid deck, naming the project and the field', () => {
    const created = t.store.projects.create(project('Edited'));
    const raw = new Database(t.store.file);
    const deck = { ...created.deck, design: { ...created.deck.design, theme: 'neon' } };
    raw.prepare('UPDATE projects SET deck = ? WHERE id = ?').run(JSON.stringify(deck), created.id);
    raw.close();
    expect(() => t.store.projects.get(created.id)).toThrow(`project ${created.id} deck: design.theme: unknown theme "neon"`);
  });
});
