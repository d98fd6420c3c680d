import { describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli.js';
import { readPdf } from '../paint/pdf/read-pdf.js';

const fixtures = path.resolve(__dirname, '../fixtures');

describe('spool build --brand', () => {
  it('builds header and footer from a brand kit file, with parts switched off', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-brand-'));
    await copyFile(path.join(fixtures, 'media/kd-7.png'), path.join(dir, 'logo.png'));
    const kit = path.join(dir, 'kit.json');
    await writeFile(kit, JSON.stringify({ name: 'Ada Lovelace', handle: '@ada', website: 'https://ada.dev/', logo: 'logo.png', accent: '#0A66C2', show: { swipeHint: false } }));
    const out = path.join(dir, 'k.pdf');
    const r = await runCli(['build', path.join(fixtures, 'kd-thread.json'), '-o', out, '--brand', kit, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    // The logo (resolved next to the kit file) sits in the header of every page but the cover.
    const withLogo = summary.pages.filter((p: { images: { src: string }[] }) => p.images.some((i) => i.src === path.join(dir, 'logo.png')));
    expect(withLogo.length).toBe(summary.pages.length - 1);
    const pdf = await readPdf(new Uint8Array(await readFile(out)));
    const second = pdf.pages[1].text.replace(/\s+/g, ' ');
    expect(second).toContain('Ada Lovelace');
    expect(second).toContain('@ada');
    expect(second).toContain('ada.dev');
    expect(second).toContain(`2/${pdf.pages.length}`);
    expect(pdf.pages.map((p) => p.text).join(' ')).not.toContain('Swipe');
  });

  it('exits 2 naming the kit file and the field for a bad kit', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-brand-'));
    const kit = path.join(dir, 'kit.json');
    await writeFile(kit, JSON.stringify({ name: 'Ada', accent: 'blue', show: { header: 'no' } }));
    const r = await runCli(['build', path.join(fixtures, 'kd-thread.json'), '-o', path.join(dir, 'k.pdf'), '--brand', kit]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kit.json: accent: expected a #rrggbb colour');
    expect(r.stderr).toContain('kit.json: show.header: expected boolean');
  });
});
