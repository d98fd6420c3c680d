import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { importSource } from '../../src/sources/import.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { buildScene } from '../../src/draw/build-scene.js';
import { slideLabel } from '../../src/paint/svg/paint-svg.js';
import { defaultTextEngine } from '../../src/node/fonts.js';

const thread = path.resolve(__dirname, '../fixtures/scripts/cjk-thread.json');

describe('posts in Chinese, Japanese, Korean, Arabic and Hebrew', () => {
  it('come out of spool build with every script embedded and its text in the PDF, and no box', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-scripts-'));
    const pdf = path.join(dir, 'scripts.pdf');
    const r = await runCli(['build', thread, '-o', pdf, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/box|no bundled font/);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    for (const face of ['NotoSansJP', 'NotoSansSC', 'NotoSansKR', 'NotoSansArabic', 'NotoSansHebrew']) expect(fonts).toContain(face);
    // Every face is a subset: the document stays small though each CJK face is 10 MB.
    expect(JSON.parse(r.stdout).bytes).toBeLessThan(400_000);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const words of ['漢字とひらがな', '简体中文的句子', '這是繁體中文的句子', '한국어문장입니다', 'Node.js', 'تشغيل', 'ספרייה']) {
      expect(text).toContain(words);
    }
  });

  it('warns, naming the post and the character, when no bundled face has a glyph', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-scripts-'));
    const input = path.join(dir, 'glyphs.json');
    await writeFile(input, JSON.stringify({ posts: [
      { id: 'a', author: { name: 'A', handle: 'a' }, text: 'An opening post with ordinary words.' },
      { id: 'hiero', author: { name: 'A', handle: 'a' }, text: 'The scribe wrote \u{13000} on the wall.' },
    ] }));
    const out = path.join(dir, 'png');
    const r = await runCli(['build', input, '-f', 'png', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/post hiero\): no bundled font has "\u{13000}" \(U\+13000\); it shows as a box/u);
    expect(r.stderr.match(/no bundled font/g)).toHaveLength(1);
  });

  it('read, in the slide’s accessible name, as written: Japanese lines run on without spaces, Korean keeps its own', async () => {
    const { document } = await importSource(thread);
    const deck = layoutDeck(planDeck(document, resolveDesign({})), defaultTextEngine(), () => undefined);
    const label = (i: number) => slideLabel(buildScene(deck, deck.pages[i]));
    expect(label(1)).toContain('骨・直・写・角：中国語と日本語で字形が違う漢字です。ちょっと待ってください！');
    expect(label(3)).toContain('한국어 문장입니다. 한글은 단어 사이의 공백에서 줄을 바꿉니다.');
  });

  it('keep a byline shortened in the header whole in the PDF’s metadata', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-scripts-'));
    const name = 'Par Florian Reynaud, Damien Leloup, Martin Untersinger, Alexandre Piquard et Morgane Tual (avec AFP)';
    const input = path.join(dir, 'byline.json');
    await writeFile(input, JSON.stringify({ posts: [1, 2].map((n) => ({ author: { name, handle: 'lemonde' }, text: `Post number ${n} of the thread.` })) }));
    const pdf = path.join(dir, 'byline.pdf');
    const r = await runCli(['build', input, '-o', pdf]);
    expect(r.code, r.stderr).toBe(0);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toContain(`Author:          ${name} (@lemonde)`);
    const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
    expect(page2).toMatch(/Par Florian Reynaud, Damien Leloup[^\n]*…/);
  });
});
