import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, recordEdit, redo, undo } from '../../src/edit/index.js';

describe('history', () => {
  it('undoes and redoes edits in order', () => {
    let h = createHistory('a');
    h = recordEdit(h, 'b');
    h = recordEdit(h, 'c');
    expect(canUndo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    expect(canRedo(h)).toBe(true);
  });

  it('drops the redo branch on a new edit and ignores no-op edits', () => {
    let h = recordEdit(recordEdit(createHistory(1), 2), 3);
    h = recordEdit(undo(h), 4);
    expect(canRedo(h)).toBe(false);
    expect(h.past).toEqual([1, 2]);
    expect(recordEdit(h, 4)).toBe(h);
  });

  it('merges a burst of typing with one key into one step', () => {
    let h = createHistory('');
    h = recordEdit(h, 'h', { key: 'text:s1', at: 0 });
    h = recordEdit(h, 'he', { key: 'text:s1', at: 300 });
    h = recordEdit(h, 'hel', { key: 'text:s1', at: 600 });
    expect(h.past).toEqual(['']);
    h = recordEdit(h, 'help', { key: 'text:s1', at: 5000 });
    expect(h.past).toEqual(['', 'hel']);
    h = recordEdit(h, 'help!', { key: 'title:s1', at: 5100 });
    expect(undo(h).present).toBe('help');
  });

  it('keeps at most `limit` steps', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 10; i++) h = recordEdit(h, i, { limit: 3 });
    expect(h.past).toEqual([7, 8, 9]);
  });
});
