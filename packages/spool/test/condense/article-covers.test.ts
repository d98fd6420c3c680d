import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importHtml } from '../../src/sources/html-article.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { blockText, spansText } from '../../src/model/document.js';
import { runCli } from '../cli/run-cli.js';

const fixtures = path.resolve(__dirname, '../fixtures');

/** A news page laid out like the big sites: a section kicker and a photo credit before the headline. */
const newsPage = `<!doctype html><html><head>
<title>Chip makers race to cut power | Tech Desk</title>
<meta property="og:title" content="Chip makers race to cut the power bill of AI">
<meta property="og:description" content="New accelerators promise twice the work per watt; data centres are waiting.">
<meta property="article:published_time" content="2025-06-03T08:00:00Z">
<meta name="author" content="Dana Whitfield">
<link rel="canonical" href="https://news.example.com/2025/06/chip-power">
</head><body><main><article>
<p class="kicker">Biz &amp; IT —</p>
<figure><img src="https://news.example.com/chip.jpg" alt="A wafer"><figcaption>Photo</figcaption></figure>
<h1>Chip makers race to cut the power bill of AI</h1>
${Array.from({ length: 6 }, (_, i) => `<h2>Part ${i + 1} of the race</h2>
<p>Accelerator number ${i + 1} draws less power than the last generation did under the same load. Engineers measured the saving across a month of production traffic in three data centres. The result held for training and for serving, which surprised the team.</p>
<p>Cooling was the second story of the year for the designers. Liquid loops replaced fans in most of the new racks, and the halls got quieter.</p>`).join('\n')}
</article></main></body></html>`;

describe('the real title on the cover, for every kind of article', () => {
  it('an HTML news page: og:title and its description, never the kicker or a photo credit', async () => {
    const { document } = await importHtml({ html: newsPage, url: 'https://news.example.com/2025/06/chip-power' }, { condense: true });
    expect(document.title).toBe('Chip makers race to cut the power bill of AI');
    expect(document.subtitle).toBe('New accelerators promise twice the work per watt; data centres are waiting.');
    expect(document.date).toBe('3 June 2025');
    const deck = planDeck(document, resolveDesign({}));
    const cover = deck.slides[0];
    expect(spansText(cover.title ?? [])).toBe('Chip makers race to cut the power bill of AI');
    expect(cover.author?.name).toBe('Dana Whitfield');
    const text = deck.slides.map((s) => s.blocks.map(blockText).join(' ')).join('\n');
    expect(text).not.toMatch(/^(Photo|Biz & IT —)$/m);
    expect(deck.slides.length).toBeGreaterThanOrEqual(8);
    expect(deck.slides.length).toBeLessThanOrEqual(12);
  });

  it('an HTML file from disk: the fixture blog post', async () => {
    const result = await importHtml({ html: (await import('node:fs')).readFileSync(path.join(fixtures, 'html/flaky-tests.html'), 'utf8') }, { condense: true });
    expect(result.document.title).toBe('The quiet cost of flaky tests');
    expect(result.document.subtitle).toBe('Why a 2% flake rate costs more than you think, and what we did about it.');
  });

  it('spool build condenses a page by default and its outro links to the page', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-condense-'));
    const page = path.join(dir, 'chips.html');
    await writeFile(page, newsPage);
    const pdf = path.join(dir, 'chips.pdf');
    const r = await runCli(['build', page, '-o', pdf, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.pages.length).toBeGreaterThanOrEqual(8);
    expect(summary.pages.length).toBeLessThanOrEqual(12);
    const last = execFileSync('pdftotext', ['-f', String(summary.pages.length), '-l', String(summary.pages.length), pdf, '-'], { encoding: 'utf8' });
    // The address is written out under the QR code; it may wrap at its hyphen, which pdftotext drops.
    expect(last.replace(/[\s-]+/g, '')).toContain('news.example.com/2025/06/chippower');
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    expect(first.replace(/\s+/g, ' ')).toContain('Chip makers race to cut the power bill of AI');
    expect(first).toContain('3 June 2025');
    // The photo-led cover sets the dek under the headline too.
    const photo = await runCli(['build', page, '-o', pdf, '--cover-style', 'photo', '-q']);
    expect(photo.code).toBe(0);
    expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain('New accelerators promise twice the work per watt');
    // An outro chosen by the user stays theirs.
    const follow = await runCli(['build', page, '-o', pdf, '--outro', 'follow', '--json']);
    const n = JSON.parse(follow.stdout).pages.length;
    expect(execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' })).not.toContain('news.example.com');
  });
});

describe('a condensed article through a thread file', () => {
  it('spool import writes the dek and date with the title, and a build from that file shows them on the cover', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-condense-'));
    const page = path.join(dir, 'chips.html');
    await writeFile(page, newsPage);
    const thread = path.join(dir, 'chips.json');
    expect((await runCli(['import', page, '-o', thread, '-q'])).code).toBe(0);
    const file = JSON.parse((await import('node:fs')).readFileSync(thread, 'utf8'));
    expect(file).toMatchObject({ title: 'Chip makers race to cut the power bill of AI', subtitle: 'New accelerators promise twice the work per watt; data centres are waiting.', date: '3 June 2025' });
    const pdf = path.join(dir, 'again.pdf');
    expect((await runCli(['build', thread, '-o', pdf, '-q'])).code).toBe(0);
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(cover).toContain('New accelerators promise twice the work per watt');
    expect(cover).toContain('3 June 2025');
  });
});
