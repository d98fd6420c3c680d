import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { SpoolInputError } from '../errors/input-error.js';
import type { OutputFile, OutputFormat } from '../node/build.js';
import { writeAtomic } from '../node/write-file.js';

/** Where build_carousel writes: one PDF, one ZIP of images, or a folder of them. */
export interface OutputTarget {
  kind: 'file' | 'zip' | 'folder';
  format: OutputFormat;
  /** The path as given, made absolute against the server's working directory. */
  path: string;
}

export type ImageFormat = 'png' | 'jpeg' | 'svg';

/** The target `out` names, the way `spool build -o` reads it (single-page images aside). */
export async function outputTarget(out: string, format: ImageFormat | undefined): Promise<OutputTarget> {
  const absolute = path.resolve(out);
  const ext = path.extname(out).toLowerCase();
  if (ext === '.pdf') {
    if (format) throw new SpoolInputError('format', `${format} does not match ${out}; use a .zip or a folder for images`);
    return { kind: 'file', format: 'pdf', path: absolute };
  }
  if (ext === '.zip') return { kind: 'zip', format: format ?? 'png', path: absolute };
  if (ext && !out.endsWith('/') && !(await isDirectory(absolute))) {
    throw new SpoolInputError('out', `don't know how to write ${out}: use .pdf, .zip or a folder/`);
  }
  return { kind: 'folder', format: format ?? 'png', path: absolute };
}

/** Writes a build's files to its target; returns the paths written. */
export async function writeOutput(target: OutputTarget, files: readonly OutputFile[]): Promise<string[]> {
  if (target.kind !== 'folder') {
    await writeAtomic(target.path, files[0].bytes);
    return [target.path];
  }
  await mkdir(target.path, { recursive: true });
  const written: string[] = [];
  for (const file of files) {
    const to = path.join(target.path, file.name);
    await writeAtomic(to, file.bytes);
    written.push(to);
  }
  return written;
}

async function isDirectory(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
}
