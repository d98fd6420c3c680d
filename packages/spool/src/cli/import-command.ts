import type { ThreadSummary } from '../sources/x-archive.js';
import { writeThreadFile } from '../node/thread-file-out.js';
import type { CliFlags } from './args.js';
import type { CliIo } from './io.js';
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
  const file = await writeThreadFile(result.document, out, result.baseDir);
  if (!flags.quiet) for (const w of result.warnings) io.stderr.write(`warning: ${w}\n`);
  if (flags.json) io.stdout.write(`${JSON.stringify({ output: out, posts: file.posts.length, warnings: result.warnings }, null, 2)}\n`);
  else if (!flags.quiet) io.stderr.write(`${file.posts.length} posts -> ${out}\n`);
  return 0;
}
