import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THEMES } from '../../src/design/themes.js';
import { expectValidPdf } from '../helpers/qpdf.js';
import { runCli } from '../cli/run-cli.js';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainModule = path.join(packageDir, 'src', 'cli', 'main.ts');
const thread = path.join(packageDir, 'test', 'fixtures', 'kd-thread.json');

const TOOLS = ['build_carousel', 'import_source', 'list_designs', 'make_bundle', 'render_slide'];

let client: Client;
let transport: StdioClientTransport;
let stderr = '';
const protocolErrors: Error[] = [];
let dir: string;

/** `spool mcp` as its own process, run from source, spoken to by the SDK's own client. */
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'spool-mcp-'));
  const script = `import(${JSON.stringify(mainModule)}).then(async (m) => { process.exitCode = await m.main(['mcp']); })`;
  transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', '-e', script],
    cwd: packageDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk) => (stderr += chunk));
  client = new Client({ name: 'spool-test', version: '0.0.0' });
  // A line on stdout that is not a protocol message surfaces here.
  client.onerror = (err) => protocolErrors.push(err);
  await client.connect(transport);
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args }, undefined, { timeout: 120_000 })) as CallToolResult;
}

function text(result: CallToolResult): string {
  return result.content.flatMap((c) => (c.type === 'text' ? [c.text] : [])).join('\n');
}

/** The page count of a PDF that qpdf finds sound. */
async function pdfPages(file: string): Promise<number> {
  await expectValidPdf(file);
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  return doc.numPages;
}

describe('spool mcp', () => {
  it('offers the five tools, each with an input schema whose fields are described', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
    for (const tool of tools) {
      expect(tool.description?.length, tool.name).toBeGreaterThan(80);
      expect(tool.inputSchema.type).toBe('object');
      for (const [field, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
        expect((schema as { description?: string }).description, `${tool.name}.${field}`).toBeTruthy();
      }
    }
    const byName = Object.fromEntries(tools.map((t) => [t.name, t.inputSchema]));
    expect(byName.build_carousel.required).toEqual(['out']);
    expect(byName.render_slide.required).toEqual(['page']);
    expect(byName.make_bundle.required).toEqual(['out']);
    expect(Object.keys(byName.build_carousel.properties ?? {})).toEqual(expect.arrayContaining(['input', 'text', 'theme', 'ratio', 'layout', 'colors', 'slides', 'full']));
    expect(Object.keys(byName.render_slide.properties ?? {})).toEqual(expect.arrayContaining(['page', 'width', 'theme']));
  });

  it('list_designs lists the themes, and every list when asked for none', async () => {
    const themes = await call('list_designs', { what: 'themes' });
    expect(themes.isError).toBeFalsy();
    const lists = themes.structuredContent as Record<string, { id: string }[]>;
    expect(Object.keys(lists)).toEqual(['themes']);
    expect(lists.themes.map((t) => t.id)).toEqual(THEMES.map((t) => t.id));
    expect(JSON.parse(text(themes))).toEqual(lists);

    const all = (await call('list_designs', {})).structuredContent as Record<string, { id: string }[]>;
    expect(Object.keys(all)).toEqual(['themes', 'layouts', 'ratios', 'patterns', 'fonts']);
    expect(all.ratios.map((r) => r.id)).toContain('linkedin-portrait');
  });

  it('import_source summarises a thread and writes it as a thread file', async () => {
    const out = path.join(dir, 'again.json');
    const result = await call('import_source', { input: thread, out });
    expect(result.isError).toBeFalsy();
    const summary = result.structuredContent as { kind: string; posts: number; firstPosts: { text: string }[]; output: string };
    expect(summary.kind).toBe('thread-file');
    expect(summary.posts).toBe(20);
    expect(summary.firstPosts[0].text).toMatch(/^One of the hottest foundational topics/);
    expect(summary.output).toBe(out);
    expect(JSON.parse(readFileSync(out, 'utf8')).posts).toHaveLength(20);

    const pasted = await call('import_source', { text: '1/ The first post of a thread.\n\n2/ And the second one.', author: 'Ada', handle: 'ada' });
    expect(pasted.structuredContent).toMatchObject({ kind: 'pasted', posts: 2, authors: ['Ada (@ada)'] });
  });

  it('build_carousel writes the PDF and returns the summary `spool build --json` prints', async () => {
    const out = path.join(dir, 'kd.pdf');
    const result = await call('build_carousel', { input: thread, out, theme: 'midnight' });
    expect(result.isError, text(result)).toBeFalsy();
    const summary = result.structuredContent as { output: string[]; slides: number; pages: { page: number; layout: string; words: number; smallestTextPx: number; lowestContrast: number; widows: number }[]; design: { theme: string } };
    expect(summary.output).toEqual([out]);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfPages(out)).toBe(summary.pages.length);
    expect(summary.slides).toBe(summary.pages.length);
    expect(summary.design.theme).toBe('midnight');
    for (const page of summary.pages) expect(page.layout, `page ${page.page}`).toMatch(/\S/);
    // Pages of text, read at the export size: words, a real type size, a real contrast.
    const texts = summary.pages.filter((p) => p.words > 0);
    expect(texts.length).toBeGreaterThan(summary.pages.length / 2);
    for (const page of texts) {
      expect(page.smallestTextPx, `page ${page.page}`).toBeGreaterThan(10);
      expect(page.lowestContrast, `page ${page.page}`).toBeGreaterThan(1);
    }

    // The same build from the command line says the same about every page.
    const cliOut = path.join(dir, 'kd-cli.pdf');
    const cli = await runCli(['build', thread, '-o', cliOut, '--theme', 'midnight', '--json']);
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.stdout);
    const { output: _a, timings: _b, ...fromCli } = printed;
    const { output: _c, timings: _d, ...fromTool } = summary as unknown as Record<string, unknown>;
    expect(fromTool).toEqual(fromCli);
  });

  it('build_carousel writes a folder of images', async () => {
    const out = path.join(dir, 'slides');
    const result = await call('build_carousel', { input: thread, out, format: 'jpeg', ratio: 'instagram-square', quality: 70 });
    expect(result.isError, text(result)).toBeFalsy();
    const summary = result.structuredContent as { output: string[]; slides: number; format: string };
    expect(summary.format).toBe('jpeg');
    expect(summary.output).toHaveLength(summary.slides);
    const meta = await sharp(summary.output[0]).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1080, 1080]);
  });

  it('render_slide returns the page as a PNG at the export size, and smaller when asked', async () => {
    const result = await call('render_slide', { input: thread, page: 2 });
    expect(result.isError, text(result)).toBeFalsy();
    const [image, caption] = result.content;
    expect(image.type).toBe('image');
    if (image.type !== 'image') return;
    expect(image.mimeType).toBe('image/png');
    const meta = await sharp(Buffer.from(image.data, 'base64')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1080, 1350]);
    expect(caption.type === 'text' && caption.text).toMatch(/^Page 2 of \d+: \w+ slide, composition "[\w-]+"/);

    const small = await call('render_slide', { text: 'A short note.\n\nWith a second post to it.', page: 1, width: 540, ratio: 'instagram-square' });
    const data = small.content[0].type === 'image' ? small.content[0].data : '';
    expect(await sharp(Buffer.from(data, 'base64')).metadata()).toMatchObject({ width: 540, height: 540 });
  });

  it('answers bad input with an error result in the CLI\'s words, and keeps serving', async () => {
    const missing = path.join(dir, 'nowhere.json');
    const gone = await call('build_carousel', { input: missing, out: path.join(dir, 'x.pdf') });
    const cliGone = await runCli(['build', missing, '-o', path.join(dir, 'x.pdf')]);
    expect(cliGone.code).toBe(2);
    expect(gone.isError).toBe(true);
    expect(text(gone)).toBe(cliGone.stderr.trimEnd());
    expect(text(gone)).toContain('nowhere.json: file not found');

    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"posts": [ {"id": "1", ');
    const bad = await call('render_slide', { input: broken, page: 1 });
    const cliBad = await runCli(['build', broken, '-o', path.join(dir, 'y.pdf')]);
    expect(cliBad.code).toBe(2);
    expect(bad.isError).toBe(true);
    expect(text(bad)).toBe(cliBad.stderr.trimEnd());
    expect(text(bad)).toMatch(/^spool: broken\.json: /);

    const past = await call('render_slide', { input: thread, page: 999 });
    expect(past.isError).toBe(true);
    expect(text(past)).toMatch(/^spool: page 999: the carousel has pages 1 to \d+$/);

    const theme = await call('build_carousel', { input: thread, out: path.join(dir, 'z.pdf'), theme: 'no-such-theme' });
    expect(theme.isError).toBe(true);
    expect(text(theme)).toMatch(/^spool: design: theme: unknown theme "no-such-theme"/);
    expect(existsSync(path.join(dir, 'z.pdf'))).toBe(false);

    const neither = await call('import_source', {});
    expect(neither.isError).toBe(true);
    expect(text(neither)).toMatch(/^spool: input: required/);
    const stdin = await call('import_source', { input: '-' });
    expect(stdin.isError).toBe(true);
    expect(text(stdin)).toMatch(/^spool: input: "-" reads stdin/);

    expect((await call('list_designs', { what: 'fonts' })).isError).toBeFalsy();
  });

  it('make_bundle writes the ready-to-post folder', async () => {
    const out = path.join(dir, 'bundle');
    const result = await call('make_bundle', { input: thread, out });
    expect(result.isError, text(result)).toBeFalsy();
    const bundle = result.structuredContent as { output: string[]; pages: number; altText: string[]; captions: { linkedin: string; instagram: string }; preflight: { checks: unknown[] } };
    for (const name of ['linkedin.pdf', 'instagram/slide-01.jpg', 'caption-linkedin.txt', 'caption-instagram.txt', 'alt-text.txt', 'preflight.json']) {
      const file = path.join(out, name);
      expect(bundle.output, name).toContain(file);
      expect(statSync(file).size, name).toBeGreaterThan(0);
    }
    expect(await pdfPages(path.join(out, 'linkedin.pdf'))).toBe(bundle.pages);
    expect(bundle.altText).toHaveLength(bundle.pages);
    expect(readFileSync(path.join(out, 'caption-linkedin.txt'), 'utf8').trim()).toBe(bundle.captions.linkedin.trim());
    expect(bundle.preflight.checks.length).toBeGreaterThan(0);
  });

  it('wrote nothing but protocol messages to stdout', () => {
    expect(protocolErrors).toEqual([]);
    expect(stderr).not.toMatch(/spool mcp: .*Error/);
  });
});

describe('spool mcp on a pipe', () => {
  it('answers every call written before stdin closes, writes only protocol lines to stdout, and exits 0', async () => {
    const script = `import(${JSON.stringify(mainModule)}).then(async (m) => { process.exitCode = await m.main(['mcp']); })`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: packageDir, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const messages = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pipe', version: '0' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'render_slide', arguments: { input: thread, page: 1, width: 200 } } },
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'build_carousel', arguments: { input: path.join(packageDir, 'no-such.json'), out: 'x.pdf' } } },
    ];
    child.stdin.end(messages.map((m) => `${JSON.stringify(m)}\n`).join(''));
    expect(await exit).toBe(0);
    const lines = out.split('\n').filter((line) => line !== '');
    const replies = lines.map((line) => JSON.parse(line) as { id: number; result: CallToolResult });
    expect(replies.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(replies[1].result.content.map((c) => c.type)).toEqual(['image', 'text']);
    expect(replies[2].result.isError).toBe(true);
    expect(text(replies[2].result)).toMatch(/^spool: .*no-such\.json: file not found$/);
  });
});
