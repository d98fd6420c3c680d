import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the built CLI (`npm run build -w packages/spool` first), as users run it. */
const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/spool.js');

/** Runs the CLI with its stdout closed by the reader before the first line arrives. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  if (!existsSync(path.join(root, 'dist/cli/main.js'))) throw new Error('build the package first: npm run build -w packages/spool');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that stops early', () => {
  it('ends `spool list` quietly', async () => {
    for (const what of ['themes', 'layouts']) {
      const r = await runWithClosedStdout(['list', what]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });
});
