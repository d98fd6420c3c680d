import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_PAGES, decodeCodePageByte, type CodePage } from '../../src/sources/code-pages.js';
import { detectMojibakeCodePage, repairMojibake } from '../../src/sources/repair.js';
import { repairTexts, repairWarnings } from '../../src/sources/repair-texts.js';
import { CORRECT_TEXTS } from './correct-text-corpus.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** What a program that read `text`'s UTF-8 bytes with `page` shows; `lossy` drops bytes the page lacks. */
function garble(text: string, page: CodePage, lossy = false): string | undefined {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    if (byte < 0x80) out += String.fromCharCode(byte);
    else {
      const ch = decodeCodePageByte(page, byte);
      if (ch === undefined && !lossy) return undefined;
      out += ch ?? '';
    }
  }
  return out;
}

describe('repairMojibake', () => {
  it('repairs UTF-8 read as windows-1252', () => {
    expect(repairMojibake('â€œHelloâ€\u009d â€” cafÃ© Ã¼ber naÃ¯ve â‚¬5 ðŸš€').text).toBe('“Hello” — café über naïve €5 🚀');
  });

  it('repairs the Baltic reading in the thread fixture, closing the quote that lost its last byte', () => {
    const r = repairMojibake('we discussed ā€œSmolā€ family and DeepSeek’s work');
    expect(r).toEqual({ text: 'we discussed “Smol” family and DeepSeek’s work', repaired: true, unrecoverable: false, codePage: 'windows-1257' });
  });

  it('repairs the Thai reading in the blog fixture and reports what was lost', () => {
    const r = repairMojibake(fixture('distillation-blog.txt'));
    expect(r.codePage).toBe('windows-874');
    expect(r.repaired).toBe(true);
    expect(r.unrecoverable).toBe(true);
    expect(r.text).toContain('loss = α · KL(teacher');
    expect(r.text).toContain('· T² + (1 ');
    expect(r.text).toContain('scaled by T² to keep');
    expect(r.text).not.toMatch(/ฮฑ|ยท|ยฒ/);
    // The em dashes lost two of their three bytes; what is left stays as it was.
    expect(r.text).toContain('best model โ you need');
  });

  it('repairs text mis-decoded twice', () => {
    expect(repairMojibake('ÃƒÂ©tÃƒÂ©').text).toBe('été');
  });

  it('leaves a lone truncated sequence alone and only reports it when the text shows mojibake', () => {
    expect(repairMojibake('price โ 5')).toEqual({ text: 'price โ 5', repaired: false, unrecoverable: false });
    expect(repairMojibake('โ and ฮฑ').unrecoverable).toBe(true);
    expect(repairMojibake('โ', { codePage: 'windows-874' })).toMatchObject({ repaired: false, unrecoverable: true });
  });

  it('hands correct text in many scripts back unchanged', () => {
    for (const text of CORRECT_TEXTS) expect(repairMojibake(text), text).toEqual({ text, repaired: false, unrecoverable: false });
    const all = CORRECT_TEXTS.join('\n');
    expect(repairMojibake(all).text).toBe(all);
    expect(detectMojibakeCodePage(all)).toBeUndefined();
  });

  it('restores mojibake of correct text in every code page', () => {
    const original = 'α · T² — “quoted” café Größe 中文 😀 ✓';
    for (const page of CODE_PAGES) {
      const bad = garble(original.replace(/[—“”😀✓]/gu, page === 'windows-874' ? '' : '$&'), page);
      if (bad === undefined) continue;
      expect(repairMojibake(bad).text, page).toBe(original.replace(/[—“”😀✓]/gu, page === 'windows-874' ? '' : '$&'));
    }
  });

  const words = CORRECT_TEXTS.flatMap((t) => t.split(/\s+/)).filter((w) => w !== '');
  const correctText = fc
    .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', '\n', ', ', ' — ', '. ', '\n\n')), { maxLength: 40 })
    .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

  it('leaves correct text unchanged (property)', () => {
    fc.assert(
      fc.property(correctText, (text) => {
        expect(repairMojibake(text).text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and is idempotent (property)', () => {
    const suspicious = fc.string({
      unit: fc.constantFrom('Ã', 'â', '€', 'œ', '©', 'ā', 'ฮ', 'ฑ', 'ย', 'โ', '\u009d', 'é', ' ', 'a', '“', 'Â', '\u00a0', '😀', '\ud800'),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), suspicious), (text) => {
        const once = repairMojibake(text);
        expect(repairMojibake(once.text).text).toBe(once.text);
      }),
      { numRuns: 1000 },
    );
  });

  it('undoes any mis-decoding it can represent (property)', () => {
    const alphabet = fc.constantFrom('a', ' ', '.', 'é', 'ü', 'ñ', 'ß', '²', '·', '©', 'α', 'Ω', 'Ж', 'ą', 'ł', 'ē', '中', '한', '→', '“', '…', '😀');
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 30 }), fc.constantFrom(...CODE_PAGES), (text, page) => {
        const bad = garble(text, page);
        fc.pre(bad !== undefined && repairMojibake(text).text === text);
        // Mis-read as Thai, only Latin-1, Greek, Cyrillic, symbols and CJK are taken back (see repair.ts).
        fc.pre(page !== 'windows-874' || !/[ąłē]/.test(text));
        expect(repairMojibake(bad as string).text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('repairTexts', () => {
  it('decides the code page on all posts and warns post by post', () => {
    const posts = ['๐ intro', 'loss = ฮฑ ยท KL', 'plain', 'a โ b'];
    const fixed = repairTexts(posts);
    expect(fixed.codePage).toBe('windows-874');
    expect(fixed.texts).toEqual(['๐ intro', 'loss = α · KL', 'plain', 'a โ b']);
    expect(fixed.repaired).toEqual([false, true, false, false]);
    expect(fixed.unrecoverable).toEqual([true, false, false, true]);
    expect(repairWarnings('posts[1]', true, false)).toEqual(['posts[1]: fixed characters garbled by a wrong text encoding upstream']);
  });

  it('changes nothing when no code page explains the text', () => {
    const fixed = repairTexts(CORRECT_TEXTS);
    expect(fixed.texts).toEqual(CORRECT_TEXTS);
    expect(fixed.codePage).toBeUndefined();
  });
});
