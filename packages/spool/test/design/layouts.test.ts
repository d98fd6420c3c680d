import { describe, expect, it } from 'vitest';
import { LAYOUTS, PATTERNS, DEFAULT_LAYOUT_ID, findLayout, findPattern, layoutIdFor } from '../../src/design/layouts.js';

describe('layout and pattern registries', () => {
  it('find each entry by id, with the default among them', () => {
    for (const layout of LAYOUTS) expect(findLayout(layout.id)).toBe(layout);
    for (const pattern of PATTERNS) expect(findPattern(pattern.id)).toBe(pattern);
    expect(findLayout(DEFAULT_LAYOUT_ID).id).toBe('auto');
  });

  it('refuse an unknown id, quoting it and listing the known ones', () => {
    expect(() => findLayout('grid')).toThrow(`unknown layout "grid" (try ${LAYOUTS.map((l) => l.id).join(', ')})`);
    expect(() => findPattern('plaid')).toThrow(RangeError);
  });
});

describe('layoutIdFor', () => {
  it('reads a layout by its id or by the label people see, in any case and spacing', () => {
    expect(layoutIdFor('post-card')).toBe('post-card');
    expect(layoutIdFor('Big statement')).toBe('statement');
    expect(layoutIdFor('big-statement')).toBe('statement');
    expect(layoutIdFor('  NUMBERED_steps ')).toBe('numbered');
    expect(layoutIdFor('Image Focus')).toBe('image-focus');
  });

  it('gives an unknown name back unchanged, for the usual message', () => {
    expect(layoutIdFor('Poster')).toBe('Poster');
  });
});
