import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Spool shapes with HarfBuzz only; fontkit is a development dependency the tests read fonts with,
 * and its module alone would cost a cold process about 110 ms. A fresh process runs a real
 * `spool build` and sets text in every bundled family and script, and a module hook records any
 * fontkit file it loads, whether by import or by require.
 */

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const src = (file: string) => JSON.stringify(path.join(packageDir, 'src', file));
const work = mkdtempSync(path.join(tmpdir(), 'spool-no-fontkit-'));
const log = path.join(work, 'loaded.txt');

afterAll(() => rmSync(work, { recursive: true, force: true }));

const hook = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.includes('/node_modules/fontkit/')) appendFileSync(process.env.SPOOL_LOAD_LOG, url + '\\n');
  return next(url, context);
}`;

/** Run first in the child: records fontkit files loaded by import (the hook) or by require. */
const watch = `
const Module = require('node:module');
const { appendFileSync } = require('node:fs');
Module.register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
const load = Module._load;
Module._load = function (request) {
  if (/(^|\\/)fontkit(\\/|$)/.test(request)) appendFileSync(process.env.SPOOL_LOAD_LOG, 'require ' + request + '\\n');
  return load.apply(this, arguments);
};
`;

const build = `
(async () => {
  const { main } = await import(${src('cli/main.ts')});
  const fixture = ${JSON.stringify(path.join(packageDir, 'test', 'fixtures', 'kd-thread.json'))};
  const code = await main(['build', fixture, '-o', ${JSON.stringify(path.join(work, 'slides'))} + '/', '-f', 'svg', '-q']);
  await import(${src('core.ts')});
  const { defaultTextEngine } = await import(${src('node/fonts.ts')});
  const engine = defaultTextEngine();
  const text = 'Vast office 4.5% — Γειά Привет Tiếng Việt สวัสดี السلام नमस्ते 🚀';
  const faces = new Set();
  for (const family of ['sans', 'serif', 'display', 'mono', 'grotesk']) {
    for (const [weight, italic] of [[400, false], [700, true]]) {
      engine.metrics({ family, weight, italic });
      for (const line of engine.breakLines([{ text, style: { family, weight, italic, size: 18, color: '#000' } }], 200)) {
        for (const run of line.runs) {
          if (!run.face) continue;
          const face = engine.face(run.face);
          faces.add(face.key);
          for (const g of run.glyphs) face.glyphPath(g.id), face.advance(g.id);
        }
      }
    }
  }
  process.stdout.write(JSON.stringify({ code, faces: [...faces] }));
})().catch((err) => { console.error(err); process.exitCode = 1; });
`;

function run(script: string, logFile: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', watch + script], {
      cwd: packageDir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SPOOL_LOAD_LOG: logFile },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const loadedIn = (logFile: string) => {
  try {
    return readFileSync(logFile, 'utf8');
  } catch {
    return ''; // nothing was logged
  }
};

describe('a cold build', () => {
  it('never loads fontkit', async () => {
    const { status, stdout, stderr } = await run(build, log);
    expect(status, stderr).toBe(0);
    const result = JSON.parse(stdout) as { code: number; faces: string[] };
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(work, 'slides')).filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(10);
    // The fallbacks were reached: coverage, outlines and advances came from the shaper.
    expect(result.faces).toEqual(expect.arrayContaining(['noto-400', 'noto-thai-400', 'noto-arabic-700', 'mono-700-italic']));
    expect(loadedIn(log)).toBe('');
  });

  it('is watched by a hook that does see fontkit load', async () => {
    // Else the test above would prove nothing.
    const probe = `import('fontkit');`;
    const { status, stderr } = await run(probe, `${log}.probe`);
    expect(status, stderr).toBe(0);
    expect(loadedIn(`${log}.probe`)).toMatch(/node_modules\/fontkit\//);
  });
});
