import type { ImportResult, SourceKind } from '../sources/types.js';
import { importSource } from '../sources/import.js';
import { condenseFlag, type CliFlags } from './args.js';
import type { CliIo } from './io.js';

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
  return imported;
}
