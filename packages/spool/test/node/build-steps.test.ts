import { describe, expect, it } from 'vitest';
import { BUILD_STEPS, runSteps, type BuildState } from '../../src/node/build-steps.js';
import { TimeLimitError, buildCarousel, renderDeck } from '../../src/node/build.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { pastedTextToDocument } from '../../src/sources/pasted-text.js';

const { document } = pastedTextToDocument('One post, one slide.\n\nAnd a second post after it.');

describe('the build as a list of named steps', () => {
  it('times every timed step under its name, in the order of the list', async () => {
    const result = await buildCarousel(document, { format: 'svg' });
    const timed = BUILD_STEPS.filter((s) => s.timed).map((s) => s.name);
    expect(Object.keys(result.timings)).toEqual(['plan', ...timed]);
    expect(result.files.map((f) => f.name)).toEqual(result.scenes.map((_, i) => `slide-${String(i + 1).padStart(2, '0')}.svg`));
  });

  it('a step that runs before the one that makes its input says which part is missing', async () => {
    const deck = planDeck(document, resolveDesign({}));
    const state: BuildState = { deck, options: {}, checkpoint: () => undefined };
    const layout = BUILD_STEPS.find((s) => s.name === 'layout')!;
    await expect(runSteps(state, [layout], {})).rejects.toThrow('build steps out of order: engine is not made yet');
  });

  it('stops between steps once the time limit has passed', async () => {
    const deck = planDeck(document, resolveDesign({}));
    await expect(renderDeck(deck, { timeLimitMs: -1 })).rejects.toBeInstanceOf(TimeLimitError);
  });
});
