import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../node/build.js';
import { writeAtomic } from '../node/write-file.js';

export { writeAtomic };

export async function writeFolder(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const f of files) {
    const target = path.join(dir, f.name);
    await writeAtomic(target, f.bytes);
    written.push(target);
  }
  return written;
}

export async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}
