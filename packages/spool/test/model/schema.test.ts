import { describe, expect, it } from 'vitest';
import { SpoolInputError } from '../../src/errors/input-error.js';
import { firstJsonError, parseJsonText } from '../../src/model/json-text.js';
import { documentSchema, parseDocument, parseThreadFile } from '../../src/model/schema.js';
import { formatIssuePath } from '../../src/errors/schema-issues.js';

const author = { name: 'Ada', handle: 'ada' };
const post = (extra: object = {}) => ({ author, html: 'hi', ...extra });

function errorOf(fn: () => unknown): SpoolInputError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SpoolInputError);
    return err as SpoolInputError;
  }
  throw new Error('expected an error');
}

describe('parseThreadFile', () => {
  it('names the exact place of a missing field', () => {
    const json = { posts: [post(), post(), post(), { author: { name: 'Ada' }, html: 'x' }] };
    const err = errorOf(() => parseThreadFile(json, 'kd.json'));
    expect(err.message).toBe('kd.json: posts[3].author.handle: required');
    expect(err.place).toBe('kd.json');
    expect(err.issues).toEqual([{ path: 'posts[3].author.handle', message: 'required' }]);
    expect(err.exitCode).toBe(2);
  });

  it('says what type it expected', () => {
    const err = errorOf(() => parseThreadFile({ posts: [post({ html: 42 })] }, 'a.json'));
    expect(err.message).toBe('a.json: posts[0].html: expected string');
  });

  it('lists every problem, one line each', () => {
    const err = errorOf(() => parseThreadFile({ posts: [{ author: {} }] }, 'a.json'));
    expect(err.message.split('\n')).toEqual([
      'a.json: posts[0].author.name: required',
      'a.json: posts[0].author.handle: required',
    ]);
  });

  it('rejects an empty thread and a non-object', () => {
    expect(errorOf(() => parseThreadFile({ posts: [] }, 't.json')).message).toBe('t.json: posts: expected at least 1 item');
    expect(errorOf(() => parseThreadFile(null, 't.json')).message).toBe('t.json: expected object');
    expect(errorOf(() => parseThreadFile({ posts: [post({ media: [{ type: 'video', src: 'a.mp4' }] })] }, 't.json')).message).toBe(
      't.json: posts[0].media[0].type: expected "image"',
    );
  });

  it('accepts numeric ids, nulls and media without a type', () => {
    const thread = parseThreadFile(
      { title: null, posts: [post({ id: 7, text: null, media: [{ src: 'a.png' }] })] },
      't.json',
    );
    expect(thread.title).toBeUndefined();
    expect(thread.posts[0].id).toBe('7');
    expect(thread.posts[0].text).toBeUndefined();
    expect(thread.posts[0].media).toEqual([{ type: 'image', src: 'a.png' }]);
  });
});

describe('parseDocument', () => {
  const doc = {
    schemaVersion: 1,
    title: 'T',
    posts: [
      {
        id: '1',
        author,
        blocks: [{ type: 'heading', level: 2, spans: [{ text: 'Hi', bold: true }] }],
        media: [{ type: 'image', src: 'a.png', alt: 'A' }],
      },
    ],
  };

  it('returns a valid document unchanged and strips unknown keys', () => {
    expect(parseDocument(doc, 'doc.json')).toEqual(doc);
    expect(parseDocument({ ...doc, extra: 1 }, 'doc.json')).toEqual(doc);
  });

  it('names places inside blocks and spans', () => {
    const bad = structuredClone(doc) as { posts: { blocks: { level?: number; spans: { text?: unknown }[] }[] }[] };
    bad.posts[0].blocks[0].level = 7;
    bad.posts[0].blocks[0].spans[0].text = undefined;
    const err = errorOf(() => parseDocument(bad, 'doc.json'));
    expect(err.message).toContain('doc.json: posts[0].blocks[0].spans[0].text: required');
    expect(err.message).toContain('doc.json: posts[0].blocks[0].level: expected at most 3');
  });

  it('refuses documents from a newer Spool', () => {
    const err = errorOf(() => parseDocument({ ...doc, schemaVersion: 2 }, 'doc.json'));
    expect(err.message).toMatch(/^doc\.json: schemaVersion: version 2 is newer/);
    expect(documentSchema.safeParse({ ...doc, schemaVersion: 0 }).success).toBe(false);
  });
});

describe('parseJsonText', () => {
  it('reports line and column of the first bad character', () => {
    const err = errorOf(() => parseJsonText('{\n  "posts": [\n    {"a": 1,}\n  ]\n}', 'kd.json'));
    expect(err.message).toBe('kd.json: invalid JSON at line 3 column 13');
  });

  it('reports where the text ends too soon and reads a BOM', () => {
    expect(errorOf(() => parseJsonText('{"a": [1, 2', 'a.json')).message).toBe('a.json: invalid JSON at line 1 column 12');
    expect(parseJsonText('\uFEFF{"a": "\\u00e9"}', 'a.json')).toEqual({ a: 'é' });
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['1', '"x"', '[1, -2.5e3, true, null, {"a": []}]', ' {"k": "\\n\\t\\""} ']) {
      expect(firstJsonError(text)).toBe(text.length);
    }
    for (const text of ['', '01', '[1,]', '{"a"}', '"\u0001"', 'tru', '{"a":1}x', '"\\x"']) {
      expect(firstJsonError(text)).toBeLessThanOrEqual(text.length);
      expect(() => JSON.parse(text)).toThrow();
    }
  });
});

describe('formatIssuePath', () => {
  it('writes indexes in brackets and odd keys quoted', () => {
    expect(formatIssuePath(['posts', 3, 'author', 'handle'])).toBe('posts[3].author.handle');
    expect(formatIssuePath([0, 'a b'])).toBe('[0]["a b"]');
    expect(formatIssuePath([])).toBe('');
  });
});
