import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * bin/spool.js runs the short commands from dist/cli-bundle (scripts/bundle-cli.mjs). These run the
 * built package (`npm run build -w packages/spool` first), as users run the CLI.
 */
const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/spool.js');
const thread = path.join(root, 'test/fixtures/kd-thread.json');

function summary(stdout: string) {
  const json = JSON.parse(stdout) as Record<string, unknown>;
  delete json.timings;
  delete json.output;
  return json;
}

describe('the bundled command line', () => {
  it('is built, and a build through bin/spool.js loads it', () => {
    expect(existsSync(path.join(root, 'dist/cli-bundle/main.js'))).toBe(true);
    // A loader hook that lists every module the process loads.
    const hook = `data:text/javascript,${encodeURIComponent("export async function load(u, c, n) { if (u.startsWith('file:')) process.stderr.write('LOADED ' + u + '\\n'); return n(u, c); }")}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'spool-bundle-'));
    const r = spawnSync(process.execPath, ['--import', register, bin, 'build', thread, '-o', path.join(dir, 'a.pdf'), '-q'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const ours = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ') && l.includes(pathToFileURL(path.join(root, 'dist')).href));
    expect(ours.some((l) => l.includes('/dist/cli-bundle/'))).toBe(true);
    // Nothing of tsc's own output is loaded beside it: one copy of each module, one of each error class.
    expect(ours.filter((l) => !l.includes('/dist/cli-bundle/'))).toEqual([]);
    // The small pure-JavaScript packages are joined in (htmlparser2 alone was some 40 files);
    // the rest, native addons and WASM among them, load from their packages.
    const packages = new Set(r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(l)?.[1]).filter(Boolean));
    for (const joined of ['htmlparser2', 'entities', 'zod', 'linebreak', 'bidi-js', 'svgpath']) expect(packages).not.toContain(joined);
    expect(packages).toContain('harfbuzzjs');
  });

  it('builds the same carousel as the modules tsc wrote', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'spool-bundle-'));
    const viaBin = spawnSync(process.execPath, [bin, 'build', thread, '-o', path.join(dir, 'a.pdf'), '--json'], { encoding: 'utf8', timeout: 60_000 });
    const script = `import(${JSON.stringify(pathToFileURL(path.join(root, 'dist/cli/main.js')).href)}).then(async (m) => { process.exitCode = await m.main(${JSON.stringify(['build', thread, '-o', path.join(dir, 'b.pdf'), '--json'])}); })`;
    const viaModules = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(viaBin.status).toBe(0);
    expect(viaModules.status).toBe(0);
    expect(summary(viaBin.stdout)).toEqual(summary(viaModules.stdout));
    expect(readFileSync(path.join(dir, 'a.pdf')).length).toBe(readFileSync(path.join(dir, 'b.pdf')).length);
  });

  it('reports bad input the same way: the place named, exit 2', () => {
    const r = spawnSync(process.execPath, [bin, 'build', path.join(root, 'test/fixtures/does-not-exist.json'), '-o', path.join(os.tmpdir(), 'x.pdf')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does-not-exist\.json/);
  });
});
