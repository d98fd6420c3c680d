import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Every PDF a test makes is checked by qpdf (Debian's `qpdf`), which reads the file's whole
 * structure: cross-reference table, object streams, page tree, filters and their data. A PDF our
 * writer produced that qpdf finds fault with fails the test, with qpdf's own words.
 */
export async function expectValidPdf(pdf: Uint8Array | string): Promise<void> {
  const bytes = typeof pdf === 'string' ? await readFile(pdf) : pdf;
  const dir = await mkdtemp(path.join(tmpdir(), 'spool-qpdf-'));
  const file = path.join(dir, 'check.pdf');
  try {
    await writeFile(file, bytes);
    // Exit 0: no problems; 2: errors; 3: warnings only. Both of the last are failures here.
    await run('qpdf', ['--check', file], { maxBuffer: 16 * 1024 * 1024 }).catch((err: { code?: number; stdout?: string; stderr?: string }) => {
      throw new Error(`qpdf --check failed (exit ${err.code}):\n${err.stdout ?? ''}${err.stderr ?? ''}`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
