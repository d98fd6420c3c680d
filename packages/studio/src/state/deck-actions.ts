/**
 * The studio's deck edits, each by name: what it is called in logs and tests, what it says to a
 * user, and its work, one of the library's pure deck actions. Components ask for an edit by name
 * with its arguments (`act.setDesign({ theme: 'ink' })`), so every edit can be logged, replayed
 * and tested by name rather than hidden in a closure.
 */
import {
  addSlide, applyImage, applyPostToSlide, applyPreset, defaultInsertIndex, deleteSlide, duplicateSlide, insertPostAsSlide, moveSlide,
  nextSlideId, removeSlideImage, applyOriginText, setDesign, setSlideImage, setSlideLayout, setSlideAlign, updateSlideText,
  type Deck, type Post,
} from 'spool/core';

interface ActionDef<A> {
  label: string;
  perform(deck: Deck, args: A): Deck;
  /**
   * A key that does it on the selected slide (`Mod` is Ctrl, or Cmd on a Mac), with the arguments
   * it takes from that slide. Only when focus is on the slides, never while typing.
   */
  key?: { keys: readonly string[]; args(slideId: string): A };
}

/** Any action, whatever its arguments: what the registry is checked against. */
interface AnyActionDef {
  label: string;
  perform(deck: Deck, args: never): Deck;
  key?: { keys: readonly string[]; args(slideId: string): unknown };
}

const define = <A,>(label: string, perform: (deck: Deck, args: A) => Deck, key?: ActionDef<A>['key']): ActionDef<A> => ({ label, perform, key });

/** Where a slide added after the selected one goes: after it, but never past the outro. */
function afterSlide(deck: Deck, slideId: string | undefined): number | undefined {
  if (!slideId) return undefined;
  const at = deck.slides.findIndex((s) => s.id === slideId) + 1;
  return at > 0 && deck.slides[at - 1]?.kind === 'outro' ? at - 1 : at;
}

export const DECK_ACTIONS = {
  setDesign: define('Change the design', setDesign),
  applyPreset: define('Apply a preset', applyPreset),
  updateSlideText: define('Edit the slide text', updateSlideText),
  setSlideLayout: define('Change the slide layout', setSlideLayout),
  setSlideAlign: define('Change the slide alignment', setSlideAlign),
  setSlideImage: define('Add an image', setSlideImage),
  removeSlideImage: define('Remove an image', removeSlideImage),
  duplicateSlide: define(
    'Duplicate the slide',
    (deck, args: { slideId: string }) => duplicateSlide(deck, { slideId: args.slideId, id: nextSlideId(deck) }),
    { keys: ['Mod+D'], args: (slideId) => ({ slideId }) },
  ),
  deleteSlide: define('Delete the slide', deleteSlide, { keys: ['Delete', 'Backspace'], args: (slideId) => ({ slideId }) }),
  moveSlide: define('Move the slide', moveSlide),
  addSlideAfter: define('Add a slide', (deck, args: { after?: string }) => {
    const at = args.after ? Math.min(deck.slides.findIndex((s) => s.id === args.after) + 1, defaultInsertIndex(deck)) : undefined;
    // Empty, with the editor's placeholder to guide: text put here for guidance would export as is.
    return addSlide(deck, { id: nextSlideId(deck), at, slide: { blocks: [] } });
  }),
  insertPost: define('Insert a post as a slide', (deck, args: { post: Post; at?: number; after?: string }) =>
    insertPostAsSlide(deck, { post: args.post, at: args.at ?? afterSlide(deck, args.after), id: nextSlideId(deck) })),
  applyPostToSlide: define('Put a post on a slide', applyPostToSlide),
  applyImage: define('Use the post’s images', applyImage),
  keepFirstPart: define('Keep the first part of a split', (_deck, args: { deck: Deck }) => args.deck),
  applyOriginText: define('Use the article’s sentences', applyOriginText),
  applyRewrite: define('Rewrite the slides', (_deck, args: { deck: Deck }) => args.deck),
} satisfies Record<string, AnyActionDef>;

export type ActionName = keyof typeof DECK_ACTIONS;
type ArgsOf<K extends ActionName> = Parameters<(typeof DECK_ACTIONS)[K]['perform']>[1];

/** An edit asked for by name, its arguments bound. */
export interface NamedEdit<K extends ActionName = ActionName> {
  name: K;
  label: string;
  args: ArgsOf<K>;
}

/** `act.setDesign({ theme: 'ink' })`: the named edit to hand to `edit`. */
export const act = Object.fromEntries(
  (Object.keys(DECK_ACTIONS) as ActionName[]).map((name) => [name, (args: never) => ({ name, label: DECK_ACTIONS[name].label, args })]),
) as unknown as { [K in ActionName]: (args: ArgsOf<K>) => NamedEdit<K> };

/** Does a named edit's work on a deck. */
export function perform(deck: Deck, edit: NamedEdit): Deck {
  return (DECK_ACTIONS[edit.name].perform as (deck: Deck, args: unknown) => Deck)(deck, edit.args);
}

/** The edits of a log, done again in order on a deck. */
export function replay(deck: Deck, log: readonly NamedEdit[]): Deck {
  return log.reduce(perform, deck);
}

/** The action a key press asks for, if a named action is bound to it. */
export function actionForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): ActionName | undefined {
  const parts = [e.ctrlKey || e.metaKey ? 'Mod' : '', e.shiftKey ? 'Shift' : '', e.altKey ? 'Alt' : '', e.key.length === 1 ? e.key.toUpperCase() : e.key];
  const pressed = parts.filter(Boolean).join('+');
  return (Object.keys(DECK_ACTIONS) as ActionName[]).find((name) => {
    const def: AnyActionDef = DECK_ACTIONS[name];
    return def.key?.keys.includes(pressed);
  });
}

/** The bound action's edit for a slide. */
export function keyedEdit(name: ActionName, slideId: string): NamedEdit | undefined {
  const def: AnyActionDef = DECK_ACTIONS[name];
  return def.key ? ({ name, label: def.label, args: def.key.args(slideId) } as NamedEdit) : undefined;
}
