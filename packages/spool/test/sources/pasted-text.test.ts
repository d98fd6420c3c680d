import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/model/document.js';
import { pastedTextToDocument, splitPastedThread } from '../../src/sources/pasted-text.js';

const texts = (text: string) =>
  pastedTextToDocument(text).document.posts.map((p) => p.blocks.map(blockText).join(' / '));

describe('pasted threads', () => {
  it('splits at 1/ .. 5/ markers, removes them and the 🧵', () => {
    const text = [
      '🧵 How we built a carousel studio 1/',
      '',
      '2/ First a parser.',
      'It reads posts.',
      '',
      '3/5 Then a planner for @jack #buildinpublic',
      '',
      '(4/5) Then painters: https://example.com/paint',
      '',
      '5/ Done. 🧵',
    ].join('\n');
    const { document, warnings } = pastedTextToDocument(text, { author: 'Ada Lovelace', handle: '@ada' });
    expect(document.posts.map((p) => p.blocks.map(blockText).join(' / '))).toEqual([
      'How we built a carousel studio',
      'First a parser. / It reads posts.',
      'Then a planner for @jack #buildinpublic',
      'Then painters: https://example.com/paint',
      'Done.',
    ]);
    expect(document.posts.map((p) => p.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(document.posts[0].author).toEqual({ name: 'Ada Lovelace', handle: 'ada' });
    expect(document.posts[2].blocks[0].spans.map((s) => s.tag)).toEqual([undefined, 'mention', undefined, 'hashtag']);
    // Taking the 🧵 off is right, and the import says so.
    expect(warnings).toEqual([
      'posts[0]: removed the thread marker 🧵; a carousel shows it is a series by itself',
      'posts[4]: removed the thread marker 🧵; a carousel shows it is a series by itself',
    ]);
  });

  it('says when it takes 🧵👇 off a hook', () => {
    const { document, warnings } = pastedTextToDocument('Ten lessons from a year of carousels 🧵👇\n\nOne: start with the hook.');
    expect(blockText(document.posts[0].blocks[0])).toBe('Ten lessons from a year of carousels');
    expect(warnings).toEqual(['posts[0]: removed the thread marker 🧵👇; a carousel shows it is a series by itself']);
  });

  it('uses marker lines as post starts when posts have inner blank lines', () => {
    expect(texts('Hook first\n1/ one\nmore\n\nsame post\n2/ two\n3/ three')).toEqual([
      'Hook first',
      'one / more / same post',
      'two',
      'three',
    ]);
  });

  it('splits at blank lines without markers, keeping line rules inside posts', () => {
    expect(texts('First post\n\nSecond post\n- a\n- b\n\n\n## Third')).toEqual(['First post', 'Second post / a / b', 'Third']);
  });

  it('treats `1.` `2.` `3.` opening consecutive posts as numbering', () => {
    expect(texts('1. Start here\n\n2. Keep going\n\n3. Finish')).toEqual(['Start here', 'Keep going', 'Finish']);
    const lone = pastedTextToDocument('Intro\n\n1. only one numbered');
    expect(lone.document.posts[1].blocks[0]).toMatchObject({ type: 'listItem', ordinal: 1 });
  });

  it('reads trailing markers and leaves text that only looks numbered', () => {
    expect(texts('Open with this (1/3)\n\nthen this 2/3\n\nand end 3/3')).toEqual(['Open with this', 'then this', 'and end']);
    expect(texts('We are open 24/7\n\nAdd 1/2 cup of flour')).toEqual(['We are open 24/7', 'Add 1/2 cup of flour']);
  });

  it('repairs mojibake per post', () => {
    const { document, warnings } = pastedTextToDocument('Plain\n\nâ€œQuotedâ€\u009d text');
    expect(blockText(document.posts[1].blocks[0])).toBe('“Quoted” text');
    expect(warnings).toEqual(['posts[1]: fixed characters garbled by a wrong text encoding upstream (it had been read as windows-1252)']);
  });

  it('refuses empty input with the place named', () => {
    expect(() => pastedTextToDocument(' \n 🧵 \n', {}, 'stdin')).toThrow('stdin: no text to import');
    expect(splitPastedThread('\uFEFFa\r\n\r\nb')).toEqual(['a', 'b']);
  });
});
