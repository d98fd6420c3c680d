import { describe, expect, it } from 'vitest';
import { designFromFlags, parseCli } from '../../src/cli/args.js';
import { resolveDesign } from '../../src/design/resolve.js';

describe('design flags', () => {
  it('reads --progress into the design, and refuses a style that does not exist', () => {
    expect(resolveDesign(designFromFlags(parseCli(['--progress', 'dots']).values)).progress).toBe('dots');
    expect(resolveDesign(designFromFlags(parseCli([]).values)).progress).toBeUndefined();
    expect(() => designFromFlags(parseCli(['--progress', 'zigzag']).values)).toThrow('--progress: "zigzag" is not one of number, bar, dots');
  });
});
