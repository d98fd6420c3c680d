import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBundle, preflightText, writeBundle } from '../../src/deliver/bundle.js';
import { INSTAGRAM_CAPTION_LIMIT, LINKEDIN_CAPTION_LIMIT, captionFor, checkCaption, cutToFit } from '../../src/deliver/caption.js';
import { pdfPageSizes, preflight } from '../../src/deliver/preflight.js';
import { littleText } from '../../src/deliver/linkedin.js';
import { importSource } from '../../src/sources/import.js';
import { doc, para, post, words } from '../helpers/documents.js';
import { runCli } from '../cli/run-cli.js';

const fixture = path.resolve(import.meta.dirname, '../fixtures/kd-thread.json');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'spool-bundle-'));
  dirs.push(d);
  return d;
};
const failed = (report: { checks: { id: string; ok: boolean }[] }) => report.checks.filter((c) => !c.ok).map((c) => c.id);

describe('the ready-to-post bundle', () => {
  it('holds the PDF, one JPEG per page, both captions, the title, alt text and a preflight that passes for a 6-slide thread', async () => {
    const document = doc(Array.from({ length: 6 }, (_, i) => post(`p${i}`, [para(i === 0 ? 'How we ship on Fridays without fear. #devops' : `Step ${i}: ${words(14, i)}.`)])));
    const bundle = await makeBundle(document);
    expect(bundle.files.map((f) => f.name)).toEqual([
      'linkedin.pdf',
      ...bundle.jpegs.map((j) => j.name),
      'caption-linkedin.txt',
      'caption-instagram.txt',
      'title.txt',
      'alt-text.txt',
      'preflight.txt',
      'preflight.json',
      'bundle.json',
    ]);
    expect(bundle.jpegs.length).toBe(bundle.pages);
    expect(pdfPageSizes(bundle.pdf)).toHaveLength(bundle.pages);
    const meta = await sharp(bundle.jpegs[0].bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.space]).toEqual(['jpeg', 1080, 1350, 'srgb']);
    expect(bundle.preflight.ok, preflightText(bundle.preflight)).toBe(true);
    expect(bundle.captions.linkedin.split('\n')[0]).toBe('How we ship on Fridays without fear. #devops');
    expect(bundle.captions.instagram).toMatch(/#devops$/);
    expect(bundle.altText[1]).toMatch(/^Step 1: /);
    expect(bundle.altText.every((a) => a.length > 0 && !/@ada\b.*@ada\b/.test(a))).toBe(true);
  });

  it('catches a 21-slide carousel: too many for the app and for the API, with what to do', async () => {
    const document = doc(Array.from({ length: 21 }, (_, i) => post(`p${i}`, [para(`Point ${i + 1}: ${words(10, i)}.`)])));
    const bundle = await makeBundle(document, { design: { plan: { cover: false }, cta: { enabled: false } } });
    expect(bundle.pages).toBe(21);
    expect(failed(bundle.preflight)).toEqual(['instagram-count-app', 'instagram-count-api']);
    const app = bundle.preflight.checks.find((c) => c.id === 'instagram-count-app')!;
    expect(app.message).toBe('21 slides (the app takes at most 20)');
    expect(app.fix).toMatch(/split into posts of at most 20 slides/);
    expect(bundle.preflight.linkedin.ok).toBe(true);
    expect(bundle.preflight.instagram).toEqual({ ok: false, api: false });
  });

  it('catches a 1080×1920 story ratio for the API and says which ratio to use', async () => {
    const document = doc([post('a', [para('A tall one')]), post('b', [para('And another')])]);
    const bundle = await makeBundle(document, { design: { ratio: 'instagram-story' } });
    expect(failed(bundle.preflight)).toEqual(['instagram-ratio']);
    const ratio = bundle.preflight.checks.find((c) => c.id === 'instagram-ratio')!;
    expect(ratio.message).toBe('1080×1920 is 9:16 (the API takes 4:5 to 1.91:1)');
    expect(ratio.fix).toMatch(/--ratio instagram-portrait/);
    expect(bundle.preflight.instagram).toEqual({ ok: true, api: false });
  });

  it('checks the files themselves: pages of two sizes, a PNG among the JPEGs, an 8 MB slide, a slide of another ratio', async () => {
    const page = (w: number, h: number) => `<< /Type /Page /MediaBox [0 0 ${w} ${h}] >>\nendobj\n`;
    const pdf = new TextEncoder().encode(`%PDF-1.7\n1 0 obj ${page(432, 540)}2 0 obj ${page(432, 432)}`);
    const jpeg = async (w: number, h: number) => new Uint8Array(await sharp({ create: { width: w, height: h, channels: 3, background: '#336699' } }).jpeg().toBuffer());
    const png = new Uint8Array(await sharp({ create: { width: 1080, height: 1350, channels: 3, background: '#fff' } }).png().toBuffer());
    const heavy = new Uint8Array(9 * 1024 * 1024);
    heavy.set(await jpeg(1080, 1350));
    const report = preflight(pdf, [
      { name: 'instagram/slide-01.jpg', bytes: await jpeg(1080, 1350) },
      { name: 'instagram/slide-02.jpg', bytes: png },
      { name: 'instagram/slide-03.jpg', bytes: heavy },
      { name: 'instagram/slide-04.jpg', bytes: await jpeg(1080, 1080) },
      { name: 'instagram/slide-05.jpg', bytes: await jpeg(200, 250) },
    ]);
    expect(failed(report)).toEqual(['linkedin-page-size', 'instagram-format', 'instagram-file-size', 'instagram-width', 'instagram-crop']);
    expect(report.checks.find((c) => c.id === 'instagram-format')!.message).toBe('slide-02.jpg is not an sRGB JPEG');
    expect(report.checks.find((c) => c.id === 'instagram-file-size')!.message).toBe('slide-03.jpg is over 8 MB');
    expect(report.checks.find((c) => c.id === 'instagram-crop')!.message).toBe('slide-04.jpg has another ratio than the first slide, which sets the crop of them all');
  });

  it('writes the bundle from the CLI, and refuses --bundle with -o', async () => {
    const dir = path.join(temp(), 'out');
    const { code, stderr } = await runCli(['build', fixture, '--bundle', `${dir}/`]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/FAIL Instagram \(API\): 19 slides \(publishing through the API takes 2 to 10\) — split into posts of at most 10 slides/);
    for (const f of ['linkedin.pdf', 'instagram/slide-01.jpg', 'instagram/slide-19.jpg', 'caption-linkedin.txt', 'caption-instagram.txt', 'title.txt', 'alt-text.txt', 'preflight.txt', 'preflight.json', 'bundle.json']) {
      expect(existsSync(path.join(dir, f)), f).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(path.join(dir, 'bundle.json'), 'utf8'));
    expect(manifest.pages).toBe(19);
    expect(manifest.altText).toHaveLength(19);
    const refused = await runCli(['build', fixture, '--bundle', `${dir}/`, '-o', 'x.pdf']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--bundle and -o: choose one/);
  });

  it('takes a thread’s hook from its cover, not the title cut short, and keeps each caption in its limit', async () => {
    const { document } = await importSource(fixture);
    const bundle = await makeBundle(document);
    expect(bundle.captions.linkedin.split('\n')[0]).toBe('One of the hottest foundational topics.');
    expect(bundle.captions.linkedin).not.toMatch(/…/);
    const long = doc([post('a', [para(`${words(900)}. #one #two`)]), post('b', [para(words(50))])]);
    const planned = await makeBundle(long);
    expect([...planned.captions.linkedin].length).toBeLessThanOrEqual(LINKEDIN_CAPTION_LIMIT);
    expect([...planned.captions.instagram].length).toBeLessThanOrEqual(INSTAGRAM_CAPTION_LIMIT);
    expect(planned.captions.instagram).toMatch(/#one #two$/);
  });
});

describe('captions', () => {
  it('cuts at a word with an ellipsis, and says by how much a text is over', () => {
    expect(cutToFit('one two three four', 12)).toBe('one two…');
    expect(checkCaption('x'.repeat(2201), 'instagram')).toBe('the Instagram text is 2201 characters; it takes at most 2200: cut 1');
    expect(checkCaption(Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' '), 'instagram')).toMatch(/31 hashtags/);
    expect(checkCaption('x'.repeat(3000), 'linkedin')).toBeUndefined();
  });

  it('writes LinkedIn commentary in its little text format: markup escaped, hashtags kept', () => {
    expect(littleText('Ship it (today) #devops @friday [1] *bold* a_b ~x~ <y> {z} | \\')).toBe(
      'Ship it \\(today\\) {hashtag|\\#|devops} \\@friday \\[1\\] \\*bold\\* a\\_b \\~x\\~ \\<y\\> \\{z\\} \\| \\\\',
    );
    expect(littleText('C# and AT&T#1')).toBe('C\\# and AT&T\\#1');
  });

  it('leaves a link to the source for LinkedIn only', () => {
    const deck = { schemaVersion: 1 as const, title: 'Why tests fail', url: 'https://example.com/post', slides: [], design: {} as never };
    expect(captionFor(deck, 'linkedin')).toBe('Why tests fail\n\nSource: https://example.com/post');
    expect(captionFor(deck, 'instagram')).toBe('Why tests fail');
  });
});
