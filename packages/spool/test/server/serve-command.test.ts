import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectValidPdf } from '../helpers/qpdf.js';
import { spawnCli as spool, waitFor } from '../helpers/spawn-cli.js';

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spool-serve-'));
  dirs.push(dir);
  return dir;
}

describe('spool serve', () => {
  it('prints the studio URL, serves, and on SIGTERM finishes the request in flight before exiting', async () => {
    const data = tempDir();
    const cli = spool(['serve', '--port', '0', '--data', data]);
    const url = await waitFor(() => /Spool studio: (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.stdout())?.[1]);
    expect(await (await fetch(`${url}/api/health`)).json()).toMatchObject({ ok: true, version: '0.1.0', pool: { waiting: 0 } });
    const [project] = await (await fetch(`${url}/api/projects`)).json();

    const inFlight = fetch(`${url}/api/projects/${project.id}/export?format=pdf`);
    await new Promise((r) => setTimeout(r, 100));
    cli.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    // The whole file arrived, sound to its last byte, though the server was told to stop mid-way.
    await expectValidPdf(new Uint8Array(await res.arrayBuffer()));
    expect(await cli.exit).toBe(0);
    // A clean close folds the write-ahead log back into spool.db.
    const wal = path.join(data, 'spool.db-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
  });

  it('refuses a public address without a token, saying why', async () => {
    const cli = spool(['serve', '--host', '0.0.0.0', '--port', '0', '--data', tempDir()]);
    expect(await cli.exit).toBe(2);
    expect(cli.stderr()).toMatch(/^spool: refusing to listen on 0\.0\.0\.0: .*Set SPOOL_TOKEN/);
  });

  it('reports a data folder it cannot use', async () => {
    const file = path.join(tempDir(), 'file');
    (await import('node:fs')).writeFileSync(file, 'x');
    const cli = spool(['serve', '--port', '0', '--data', path.join(file, 'data')]);
    expect(await cli.exit).toBe(1);
    expect(cli.stderr()).toMatch(/^spool: data folder .* cannot be used/);
  });
});
