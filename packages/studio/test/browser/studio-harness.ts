/**
 * Runs the real studio for browser tests: builds it when its sources are newer than the build,
 * starts the real server on a free port with a temporary database, and drives Debian's Chromium
 * through playwright-core.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../../spool/src/server/index.js';

const STUDIO = path.resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const DIST = path.join(STUDIO, 'dist');
const SOURCES = [path.join(STUDIO, 'src'), path.join(STUDIO, 'index.html'), path.join(STUDIO, 'vite.config.ts'), path.resolve(STUDIO, '..', 'spool', 'src')];
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TEST_OUTPUT = path.resolve(STUDIO, '..', '..', 'test-output');
export const OUTPUT = path.join(TEST_OUTPUT, 'studio');

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

/** Builds into a fresh folder and swaps it in, under a lock, so parallel test files never see half a build. */
export async function ensureStudioBuilt(): Promise<void> {
  // Lock and scratch folder live in test-output (ignored by git), on the same disk as dist.
  mkdirSync(TEST_OUTPUT, { recursive: true });
  const lock = path.join(TEST_OUTPUT, 'studio-build.lock');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    const built = existsSync(path.join(DIST, 'index.html')) ? statSync(path.join(DIST, 'index.html')).mtimeMs : 0;
    if (built > Math.max(...SOURCES.map(newest))) return;
    const { build } = await import('vite');
    const out = mkdtempSync(path.join(TEST_OUTPUT, 'studio-build-'));
    await build({ configFile: path.join(STUDIO, 'vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
    const old = path.join(TEST_OUTPUT, `studio-dist-old-${process.pid}`);
    if (existsSync(DIST)) renameSync(DIST, old);
    renameSync(out, DIST);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Studio {
  server: RunningServer;
  browser: Browser;
  dataDir: string;
  url: string;
  /** Starts the server again on the same port and database, as after a crash or reboot. */
  restartServer(): Promise<void>;
  /** A new copy of the untouched sample project, so a test starts from a known deck. */
  freshProject(): Promise<string>;
  /**
   * A page at the given viewport with the studio open and its preview painted: on the given
   * project, or on the most recent one as a user would.
   */
  open(viewport?: { width: number; height: number; deviceScaleFactor?: number }, projectId?: string): Promise<StudioPage>;
  close(): Promise<void>;
}

export interface StudioPage {
  page: Page;
  /** Every dialog (alert, confirm, prompt) the page tried to open. */
  dialogs: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

/**
 * One studio for a test file: started before its tests (then `setup` runs against it) and closed
 * after them. Call it at the top of the file; the function it returns gives the running studio.
 */
/**
 * What a test may set on the studio's server beyond the defaults: a language model for Rewrite;
 * the environment, a port fixed in advance and the publisher's poll for publishing to stand-in platforms.
 */
export type StudioServerOptions = Pick<ServerOptions, 'model' | 'env' | 'port' | 'publishPollMs'>;

export function useStudio(setup?: (studio: Studio) => Promise<void>, serverOptions: () => StudioServerOptions = () => ({})): () => Studio {
  let studio: Studio | undefined;
  beforeAll(async () => {
    studio = await startStudio(serverOptions());
    await setup?.(studio);
  }, 180_000);
  afterAll(async () => {
    await studio?.close();
  });
  return () => {
    if (!studio) throw new Error('the studio has not started');
    return studio;
  };
}

export async function startStudio(serverOptions: StudioServerOptions = {}): Promise<Studio> {
  await ensureStudioBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spool-studio-test-'));
  let server = await startServer({ port: 0, dataDir, env: {}, ...serverOptions });
  // A pristine copy of the sample, made before any test can edit it.
  const [sample] = (await (await fetch(`${server.url}/api/projects`)).json()) as { id: string }[];
  const pristine = (await (await fetch(`${server.url}/api/projects/${sample.id}/duplicate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { id: string };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const studio: Studio = {
    get server() {
      return server;
    },
    browser,
    dataDir,
    get url() {
      return server.url;
    },
    async restartServer() {
      const port = server.port;
      await server.close();
      server = await startServer({ port, dataDir, env: {}, ...serverOptions });
    },
    async freshProject() {
      const res = await fetch(`${server.url}/api/projects/${pristine.id}/duplicate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (res.status !== 201) throw new Error(`duplicate failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    async open({ deviceScaleFactor, ...viewport }: { width: number; height: number; deviceScaleFactor?: number } = { width: 1280, height: 800 }, projectId?: string) {
      const context = await browser.newContext({ viewport, ...(deviceScaleFactor ? { deviceScaleFactor } : {}), acceptDownloads: true });
      const page = await context.newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(projectId ? `${server.url}/#project=${projectId}` : server.url);
      await waitForPreview(page);
      return { page, dialogs, errors };
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return studio;
}

export async function waitForPreview(page: Page): Promise<void> {
  await page.locator('[data-testid=preview] svg').first().waitFor({ timeout: 30_000 });
}

/** Text of the large preview as its SVG names it for screen readers: everything the slide says. */
export async function previewText(page: Page): Promise<string> {
  return (await page.locator('[data-testid=preview] svg').first().getAttribute('aria-label')) ?? '';
}

export async function previewSvg(page: Page): Promise<string> {
  return page.locator('[data-testid=preview] svg').evaluate((svg) => svg.outerHTML);
}

/** A client's brand profile, as an agency keeps one per client: "Acme Studio", @acme. */
export async function addClientBrandKit(studio: Studio): Promise<void> {
  const res = await fetch(`${studio.url}/api/brand-kits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Acme Studio', kit: { name: 'Acme Studio', handle: 'acme', website: 'acme.example', accent: '#0E9F6E' } }),
  });
  if (res.status !== 201) throw new Error(`could not add the brand kit: ${res.status} ${await res.text()}`);
}

/** Waits until autosave has nothing pending. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent?.trim() === 'Saved', undefined, { timeout: 15_000 });
}

/** A real pointer drag, in small steps so dnd-kit sees movement past its activation distance. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, modifier?: 'Shift' | 'Alt'): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = 16;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    await page.waitForTimeout(16);
  }
  if (modifier) await page.keyboard.down(modifier);
  await page.mouse.move(to.x + 1, to.y + 1);
  await page.waitForTimeout(50);
  await page.mouse.up();
  if (modifier) await page.keyboard.up(modifier);
}

export async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const target = page.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export function outputPath(name: string): string {
  mkdirSync(OUTPUT, { recursive: true });
  return path.join(OUTPUT, name);
}

/** axe-core's source, evaluated through the debugging protocol: the studio's CSP rightly refuses inline scripts. */
let axeSource: string | undefined;

export interface AxeFinding {
  rule: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** Runs axe-core in the page (WCAG 2.1 A and AA and best practices), on all of it or what `scope` selects, and lists what it finds. */
export async function axeViolations(page: Page, scope?: string): Promise<AxeFinding[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 40).map((n: any) => ({ target: String(n.target.join(' ')), summary: String(n.failureSummary ?? '').slice(0, 300) })),
    }));
  }, scope);
}
