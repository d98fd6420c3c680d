import { describe, expect, it } from 'vitest';
import { codeBlock, splitFences } from '../../src/model/code-fences.js';

describe('splitFences', () => {
  it('takes the code between fences as written: indents, `# ` and `- ` lines kept, the language named', () => {
    const parts = splitFences('Try this:\n```python\n# a comment, not a heading\ndef f():\n    - 1\n```\nThat is all.');
    expect(parts.map((p) => p.kind)).toEqual(['text', 'code', 'text']);
    expect(parts[1]).toEqual({ kind: 'code', block: { type: 'code', lang: 'python', spans: [{ text: '# a comment, not a heading\ndef f():\n    - 1', code: true }] } });
  });

  it('closes only on a fence of the same kind at least as long, and runs to the end when never closed', () => {
    const parts = splitFences('````\n```\nnot closed yet\n````\nafter\n~~~\nopen to the end');
    expect(parts[0]).toMatchObject({ kind: 'code', block: { spans: [{ text: '```\nnot closed yet' }] } });
    expect(parts[1]).toEqual({ kind: 'text', text: 'after' });
    expect(parts[2]).toMatchObject({ kind: 'code', block: { spans: [{ text: 'open to the end' }] } });
  });

  it('leaves backticks inside a line alone', () => {
    expect(splitFences('use `npm ci` then ``` inline')).toEqual([{ kind: 'text', text: 'use `npm ci` then ``` inline' }]);
  });
});

describe('codeBlock', () => {
  it('turns tabs into spaces, drops control characters and blank edges, and keeps inner blank lines', () => {
    expect(codeBlock('\n\n\tif x:\u0007\n\n\t\ty = 1   \n\n', 'language-py')).toEqual({ type: 'code', lang: 'py', spans: [{ text: '    if x:\n\n        y = 1', code: true }] });
    expect(codeBlock('  \n \n')).toBeUndefined();
  });
});
