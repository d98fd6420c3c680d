import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { documentToThreadFile } from '../sources/to-thread-file.js';
import type { ThreadSummary } from '../sources/x-archive.js';
import type { CliFlags } from './args.js';
import type { CliIo } from './io.js';
import { writeAtomic } from './output.js';
import { readSource } from './read-source.js';
import { UsageError } from './usage.js';

export async function runImport(flags: CliFlags, positionals: string[], io: CliIo): Promise<number> {
  const input = positionals[0];
  if (!input) throw new UsageError('import needs an input: spool import <input> -o thread.json');
  if (flags.list) {
    const result = (await readSource(input, flags, io)) as { threads?: ThreadSummary[] };
    const threads = result.threads ?? [];
    if (flags.json) io.stdout.write(`${JSON.stringify(threads, null, 2)}\n`);
    else for (const t of threads) io.stdout.write(`${t.id}  ${String(t.posts).padStart(3)} posts  ${t.date.slice(0, 10)}  ${t.firstWords}\n`);
    return 0;
  }
  const out = flags.out;
  if (!out) throw new UsageError('import needs an output: -o thread.json');
  const result = await readSource(input, flags, io);
  const file = documentToThreadFile(result.document);
  await extractDataMedia(file, out, result.baseDir);
  await writeAtomic(out, new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`));
  if (!flags.quiet) for (const w of result.warnings) io.stderr.write(`warning: ${w}\n`);
  if (flags.json) io.stdout.write(`${JSON.stringify({ output: out, posts: file.posts.length, warnings: result.warnings }, null, 2)}\n`);
  else if (!flags.quiet) io.stderr.write(`${file.posts.length} posts -> ${out}\n`);
  return 0;
}

/**
 * Images that arrived inline (from an archive zip) are written next to the thread file so it stays
 * small and editable; local paths are made relative to where the thread file now lives.
 */
async function extractDataMedia(file: ReturnType<typeof documentToThreadFile>, out: string, baseDir?: string): Promise<void> {
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
