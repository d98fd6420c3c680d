import { smartenBlocks } from '../../src/model/typography.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importSource } from '../../src/sources/import.js';
import { buildCarousel } from '../../src/node/build.js';
import type { BuildResult } from '../../src/node/build.js';
import { blockText } from '../../src/model/document.js';
import type { SpoolDocument } from '../../src/model/document.js';
import { readPdf } from '../paint/pdf/read-pdf.js';
import type { ReadPdf } from '../paint/pdf/read-pdf.js';

const fixture = path.resolve(__dirname, '../fixtures/kd-thread.json');
// A line may break after a hyphen (`real-` / `world`); the words are the same.
const squash = (s: string) => s.replace(/(\p{L})-\s+(?=\p{L})/gu, '$1-').replace(/\s+/g, ' ').trim();
let doc: SpoolDocument;
let built: BuildResult;
let pdf: ReadPdf;
let pdfFile: string;

beforeAll(async () => {
  const imported = await importSource(fixture, {});
  doc = imported.document;
  built = await buildCarousel(doc, { baseDir: imported.baseDir, format: 'pdf' });
  pdf = await readPdf(built.files[0].bytes);
  pdfFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'spool-e2e-')), 'kd.pdf');
  await writeFile(pdfFile, built.files[0].bytes);
});

describe('the fixture thread as a LinkedIn PDF', () => {
  it('has one 4:5 page per laid-out slide, with title and author in the document info', () => {
    expect(pdf.pages).toHaveLength(built.scenes.length);
    for (const page of pdf.pages) expect([page.width, page.height]).toEqual([432, 540]);
    expect(pdf.info.Title).toMatch(/^One of the hottest foundational topics/);
    expect(pdf.info.Author).toBe('Turing Post (@TheTuringPost)');
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
  });

  it('carries every word of every post as selectable text', () => {
    const all = squash(pdf.pages.map((p) => p.text).join(' '));
    for (const post of doc.posts) {
      // As the slides set them: with the typographer's quotes, dashes and ellipses.
      for (const block of smartenBlocks(post.blocks)) {
        for (const word of blockText(block).split(/\s+/).filter(Boolean)) expect(all, `post ${post.id}`).toContain(word);
      }
    }
  });

  it('gives pdftotext the posts in reading order', () => {
    const text = squash(execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }));
    const plain = squash(execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }));
    let cursor = 0;
    for (const post of doc.posts) {
      const first = smartenBlocks(post.blocks).map(blockText).join(' ').split(/\s+/).slice(0, 4).join(' ');
      if (!first) continue;
      const at = plain.indexOf(first, cursor);
      expect(at, `post ${post.id} ("${first}") after offset ${cursor}`).toBeGreaterThanOrEqual(0);
      cursor = at;
    }
    expect(text).toContain('“Smol” family of models');
  });

  it('gathers the list split over posts 13-15 onto one steps page, numbered 01, 02, 03 under its introduction', () => {
    const pages = pdf.pages.map((p) => squash(p.text));
    const at = pages.findIndex((t) => t.includes('First, the teacher model is trained'));
    expect(at).toBeGreaterThan(0);
    const page = pages[at];
    const order = ['typically involves several steps:', '01', 'First, the teacher model', '02', 'Next, the teacher model produces logits', '03', 'The student model is then trained'];
    const positions = order.map((part) => page.indexOf(part));
    expect(positions.every((p) => p >= 0), `${order.join(' | ')} in: ${page}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(built.laidOut.pages[at].layout).toBe('steps');
  });

  it('keeps links as link annotations over their text', () => {
    const links = pdf.pages.flatMap((p) => p.links.map((l) => l.url));
    expect(links).toContain('https://www.turingpost.com/p/insidesmol');
  });

  it('stays well under 1 MB and numbers its pages', () => {
    expect(built.files[0].bytes.length).toBeLessThan(1024 * 1024);
    const n = pdf.pages.length;
    expect(squash(pdf.pages[2].text)).toContain(`3/${n}`);
  });
});
