import type { ImportResult, SourceKind } from '../sources/types.js';
import { importSource } from '../sources/import.js';
import { condenseFlag, type CliFlags } from './args.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';

/** The shared front half of build and import: any supported input becomes a Document. */
export async function readSource(input: string, flags: CliFlags, io: CliIo): Promise<ImportResult> {
  const source = input === '-' ? { text: await io.readStdin() } : input;
  const imported = await importSource(source, {
    author: flags.author,
    handle: flags.handle,
    thread: flags.thread,
    list: flags.list,
    kind: flags.kind as SourceKind | undefined,
    condense: condenseFlag(flags),
  });
  return flags.rewrite ? rewrite(imported, flags, io) : imported;
}

/** `--rewrite`: the configured model tightens the slides, through the guard; never a failed build. */
async function rewrite(imported: ImportResult, flags: CliFlags, io: CliIo): Promise<ImportResult> {
  // The model path loads only when asked for.
  const { modelConfigFromEnv, ModelConfigError } = await import('../rewrite/model-config.js');
  let config;
  try {
    config = modelConfigFromEnv();
  } catch (err) {
    if (err instanceof ModelConfigError) throw new UsageError(`--rewrite: ${err.message}`);
    throw err;
  }
  if (!config) {
    const warning = '--rewrite: no language model is configured (set SPOOL_LLM_BASE_URL and SPOOL_LLM_MODEL); the slides keep the article’s words';
    return { ...imported, warnings: [...imported.warnings, warning] };
  }
  if (!flags.quiet && !flags.json) io.stderr.write(`asking ${config.model} to tighten the slides…\n`);
  const { rewriteDocument } = await import('../rewrite/rewrite.js');
  const result = await rewriteDocument(imported.document, config);
  return { ...imported, document: result.document, warnings: [...imported.warnings, ...result.warnings] };
}
