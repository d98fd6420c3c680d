import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planDeck, resolveDesign, textToBlocks, type Deck } from 'spool/core';
import { threadFileToDocument } from '../../../spool/src/sources/thread-file.js';
import type { Project } from '../../src/api/types.js';
import { act, actionForKey, DECK_ACTIONS, keyedEdit, replay } from '../../src/state/deck-actions.js';
import { EDIT_LOG_SIZE, openState, studioReducer, type StudioState } from '../../src/state/studio-state.js';

const sample = path.resolve(import.meta.dirname, '../../../spool/samples/spool-sample.json');
const { document } = threadFileToDocument(JSON.parse(readFileSync(sample, 'utf8')), 'spool-sample.json');
const deck: Deck = planDeck(document, resolveDesign());
const project: Project = { id: 'p1', name: 'Sample', document, deck, revision: 1, createdAt: '', updatedAt: '' } as Project;

const run = (state: StudioState, ...edits: ReturnType<(typeof act)[keyof typeof act]>[]) =>
  edits.reduce((s, edit, i) => studioReducer(s, { type: 'edit', edit, at: i * 10_000 }), state);

describe('named deck edits', () => {
  it('are each a named action with a label a user can read', () => {
    for (const [name, action] of Object.entries(DECK_ACTIONS)) {
      expect(action.label, name).toMatch(/^[A-Z][a-z’ ]+/);
      expect(act[name as keyof typeof act]).toBeTypeOf('function');
    }
  });

  it('are logged by name as the studio makes them, and replaying the log gives the same deck', () => {
    const second = deck.slides[1].id;
    const state = run(
      openState(project),
      act.setDesign({ theme: 'ink' }),
      act.updateSlideText({ slideId: second, blocks: textToBlocks('Rewritten by name') }),
      act.duplicateSlide({ slideId: second }),
      act.moveSlide({ slideId: second, to: 3 }),
      act.addSlideAfter({ after: second }),
      act.insertPost({ post: document.posts[2], after: deck.slides[0].id }),
      act.deleteSlide({ slideId: deck.slides[4].id }),
    );
    expect(state.log!.map((e) => e.name)).toEqual(['setDesign', 'updateSlideText', 'duplicateSlide', 'moveSlide', 'addSlideAfter', 'insertPost', 'deleteSlide']);
    const present = state.history.present.deck;
    expect(present.design.theme).toBe('ink');
    expect(present.slides).toHaveLength(deck.slides.length + 2);
    expect(replay(deck, state.log!)).toEqual(present);
  });

  it('refuse a bad edit without losing the deck, and log only what was made', () => {
    const state = run(openState(project), act.setDesign({ theme: 'ink' }), act.setDesign({ theme: 'neon' }));
    expect(state.refused?.message).toMatch(/unknown theme "neon"/);
    expect(state.history.present.deck.design.theme).toBe('ink');
    expect(state.log!.map((e) => e.name)).toEqual(['setDesign']);
  });

  it('keep the last edits only', () => {
    const many = Array.from({ length: EDIT_LOG_SIZE + 5 }, (_, i) => act.setDesign({ typography: { titleSize: 20 + (i % 40) } }));
    expect(run(openState(project), ...many).log).toHaveLength(EDIT_LOG_SIZE);
  });
  it('bind keys by name: Mod+D duplicates the selected slide, Delete and Backspace remove it', () => {
    const key = (k: string, mod = false) => ({ key: k, ctrlKey: mod, metaKey: false, shiftKey: false, altKey: false });
    expect(actionForKey(key('d', true))).toBe('duplicateSlide');
    expect(actionForKey({ ...key('d'), metaKey: true })).toBe('duplicateSlide');
    expect(actionForKey(key('Delete'))).toBe('deleteSlide');
    expect(actionForKey(key('Backspace'))).toBe('deleteSlide');
    expect(actionForKey(key('d'))).toBeUndefined();
    expect(keyedEdit('deleteSlide', 's3')).toEqual({ name: 'deleteSlide', label: 'Delete the slide', args: { slideId: 's3' } });
    expect(keyedEdit('setDesign', 's3')).toBeUndefined();
  });
});
