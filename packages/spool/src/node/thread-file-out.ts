import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { SpoolDocument } from '../model/document.js';
import { documentToThreadFile } from '../sources/to-thread-file.js';
import { writeAtomic } from './write-file.js';

export type ThreadFile = ReturnType<typeof documentToThreadFile>;

/**
 * A document saved as an editable thread file at `out`, as `spool import` writes it; returns what
 * was written. `baseDir` is where the document's relative media paths start.
 */
export async function writeThreadFile(document: SpoolDocument, out: string, baseDir?: string): Promise<ThreadFile> {
  const file = documentToThreadFile(document);
  await extractDataMedia(file, out, baseDir);
  await writeAtomic(out, new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`));
  return file;
}

/**
 * Images that arrived inline (from an archive zip) are written next to the thread file so it stays
 * small and editable; local paths are made relative to where the thread file now lives.
 */
async function extractDataMedia(file: ThreadFile, out: string, baseDir?: string): Promise<void> {
  const outDir = path.dirname(path.resolve(out));
  const mediaDir = path.join(outDir, `${path.basename(out, path.extname(out))}-media`);
  for (const post of file.posts) {
    for (const m of post.media ?? []) {
      const match = /^data:image\/(png|jpeg|jpg|gif|webp);base64,(.*)$/s.exec(m.src);
      if (match) {
        const bytes = Buffer.from(match[2], 'base64');
        const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${match[1] === 'jpeg' ? 'jpg' : match[1]}`;
        await mkdir(mediaDir, { recursive: true });
        await writeFile(path.join(mediaDir, name), bytes);
        m.src = path.relative(outDir, path.join(mediaDir, name)).split(path.sep).join('/');
      } else if (!/^(data:|https?:)/.test(m.src)) {
        m.src = path.relative(outDir, path.resolve(baseDir ?? process.cwd(), m.src)).split(path.sep).join('/');
      }
    }
  }
}
