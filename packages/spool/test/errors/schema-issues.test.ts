import { describe, expect, it } from 'vitest';
import { parseThreadFile, parseDocument } from '../../src/model/schema.js';
import { parseDesign } from '../../src/model/deck-schema.js';
import { parseBody, exportQuery, importBody } from '../../src/server/body-schemas.js';
import { parseStoredBrandKit } from '../../src/store/brand-kit.js';
import { SpoolInputError } from '../../src/errors/input-error.js';

/** The message lines a validating door throws for `input`. */
function problems(parse: () => unknown): string[] {
  try {
    parse();
  } catch (err) {
    if (err instanceof SpoolInputError) return err.message.split('\n');
    throw err;
  }
  throw new Error('expected the input to be refused');
}

const author = { name: 'A', handle: 'a' };

describe('validation messages', () => {
  it('says required for a missing field and the type for a wrong one', () => {
    expect(problems(() => parseThreadFile({ posts: [{ author: { name: 'A' }, text: 5 }] }, 't.json'))).toEqual([
      't.json: posts[0].author.handle: required',
      't.json: posts[0].text: expected string',
    ]);
  });

  it('names integers, literals and enums', () => {
    const doc = (block: object) => ({ schemaVersion: 1, posts: [{ id: '1', author, blocks: [block], media: [] }] });
    expect(problems(() => parseDocument(doc({ type: 'paragraph', spans: [], level: 1.5 }), 'd.json'))).toEqual([
      'd.json: posts[0].blocks[0].level: expected integer',
    ]);
    expect(problems(() => parseDocument(doc({ type: 'poem', spans: [] }), 'd.json'))).toEqual([
      'd.json: posts[0].blocks[0].type: expected one of "paragraph", "heading", "listItem", "quote", "code", "table", "math"',
    ]);
    expect(problems(() => parseDocument({ ...doc({ type: 'paragraph', spans: [] }), posts: [{ id: '1', author, blocks: [], media: [{ type: 'video', src: 'x' }] }] }, 'd.json'))).toEqual([
      'd.json: posts[0].media[0].type: expected "image"',
    ]);
  });

  it('gives sizes with their unit', () => {
    expect(problems(() => parseThreadFile({ posts: [] }, 't.json'))).toEqual(['t.json: posts: expected at least 1 item']);
    expect(problems(() => parseThreadFile({ posts: [{ author, media: [{ src: '' }] }] }, 't.json'))).toEqual([
      't.json: posts[0].media[0].src: must not be empty',
    ]);
    expect(problems(() => parseDesign({ brand: { handle: 'h'.repeat(61) } }, 'preset'))).toEqual([
      'preset: brand.handle: expected at most 60 characters',
    ]);
    expect(problems(() => parseDesign({ ratio: { id: 'x', label: 'x', width: 100, height: 9000 }, theme: 'paper' }, 'preset'))[0]).toBe(
      'preset: ratio.width: expected at least 200',
    );
  });

  it('lists unknown keys, bad formats and custom checks', () => {
    expect(problems(() => parseStoredBrandKit({ title: 'x', accent: 'red', fonts: { body: 'comic' } }, 'kit'))).toEqual([
      'kit: accent: expected a #rrggbb colour',
      'kit: fonts.body: unknown font "comic" (use custom:<asset id> of an uploaded font, or sans, serif, display, mono)',
      'kit: unknown key "title"',
    ]);
    expect(problems(() => parseBody(importBody, { url: 'not a url' }, 'body'))).toEqual(['body: url: expected url']);
    // Names the input chose are cut and counted, so a hostile body cannot bury the message.
    const keys = Object.fromEntries([`${'k'.repeat(500)}`, 'a', 'b', 'c', 'd', 'e', 'f'].map((k) => [k, 1]));
    expect(problems(() => parseBody(importBody, { text: 'x', ...keys }, 'body'))).toEqual([`body: unknown keys "${'k'.repeat(40)}…", "a", "b", "c", "d" and 2 more`]);
    expect(problems(() => parseBody(exportQuery, { format: 'gif' }, 'query'))).toEqual([
      'query: format: expected one of "pdf", "png", "jpeg", "svg"',
    ]);
  });

  it('says invalid value for a union no member accepts', () => {
    expect(problems(() => parseThreadFile({ posts: [{ id: true, author }] }, 't.json'))).toEqual(['t.json: posts[0].id: invalid value']);
  });
});
