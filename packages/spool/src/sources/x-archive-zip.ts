/**
 * Reading an X archive straight from its .zip. Archives with media run to gigabytes, so the zip is
 * read with random access (yauzl) and only the entries an import needs are inflated. The archive
 * comes from the user's download folder, but it is still untrusted: entry names are never used as
 * paths on disk, unsafe ones are skipped, and inflating is capped in total and by ratio.
 */
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { pipeline as streamPipeline, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The slice of yauzl's API used here (the package ships no types). */
interface YauzlEntry {
  fileName: Uint8Array | string;
  fileNameRaw: Uint8Array;
  extraFields: unknown[];
  generalPurposeBitFlag: number;
  compressedSize: number;
  uncompressedSize: number;
}
interface YauzlZipFile {
  entryCount: number;
  readEntry(): void;
  on(event: 'entry', listener: (entry: YauzlEntry) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  openReadStream(entry: YauzlEntry, callback: (err: Error | null, stream: Readable) => void): void;
  close(): void;
}
interface Yauzl {
  open(
    path: string,
    options: { lazyEntries: boolean; autoClose: boolean; decodeStrings: boolean },
    callback: (err: Error | null, zip: YauzlZipFile) => void,
  ): void;
  getFileNameLowLevel(flags: number, raw: Uint8Array, extraFields: unknown[], strict: boolean): string;
  validateFileName(name: string): string | null;
}

const yauzl = createRequire(import.meta.url)('yauzl') as Yauzl;

export interface ZipLimits {
  /** Bytes inflated over the life of one reader (default 512 MB). */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio for entries over 64 KB (default 200). */
  maxRatio: number;
  /**
   * Largest ratio for the archive as a whole, once it declares more than 64 MB (default 20). A real
   * X archive is mostly photos and videos, which do not compress: about 1 to 2.
   */
  maxArchiveRatio: number;
}

const KB = 1024;
const MB = 1024 * 1024;
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 512 * MB, maxRatio: 200, maxArchiveRatio: 20 };

/** A zip refused for what it would expand to: said as it is, not as an unreadable zip. */
export class ZipLimitError extends Error {
  override name = 'ZipLimitError';
}

export class ZipReader {
  private inflated = 0;

  private constructor(
    private readonly zip: YauzlZipFile,
    private readonly entries: Map<string, YauzlEntry>,
    /** Entry names that were skipped as unsafe, for a warning. */
    readonly skipped: string[],
    private readonly limits: ZipLimits,
  ) {}

  static async open(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipReader> {
    const zip = await new Promise<YauzlZipFile>((resolve, reject) => {
      // decodeStrings off: yauzl would abort the whole listing on one bad name; we skip it instead.
      yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false }, (err, z) =>
        err ? reject(err) : resolve(z),
      );
    });
    const entries = new Map<string, YauzlEntry>();
    const skipped: string[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry) => {
        const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
        if (isSafeEntryName(name) && yauzl.validateFileName(name) === null) entries.set(name, entry);
        else skipped.push(name);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    }).catch((err: unknown) => {
      zip.close();
      throw err;
    });
    // The whole archive's expansion is judged from its directory, before a byte is inflated.
    let declared = 0;
    let compressed = 0;
    for (const entry of entries.values()) {
      declared += entry.uncompressedSize;
      compressed += entry.compressedSize;
    }
    if (declared > 64 * MB && declared / Math.max(1, compressed) > limits.maxArchiveRatio) {
      zip.close();
      throw new ZipLimitError(`the archive would expand ${Math.round(declared / Math.max(1, compressed))}-fold, to ${Math.round(declared / MB)} MB: refusing a likely zip bomb`);
    }
    return new ZipReader(zip, entries, skipped, limits);
  }

  names(): string[] {
    return [...this.entries.keys()].filter((name) => !name.endsWith('/'));
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  async read(name: string): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.inflate(name)) chunks.push(chunk);
    return new Uint8Array(Buffer.concat(chunks));
  }

  /** Streams an entry into a file, so large media never sit in memory whole. */
  async extract(name: string, file: string): Promise<void> {
    await pipeline(await this.inflate(name), createWriteStream(file, { flags: 'wx' }));
  }

  /** An entry's inflated bytes as a stream, cut off the moment they pass what it declared or the total cap. */
  private async inflate(name: string): Promise<Transform & AsyncIterable<Buffer>> {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no ${name} in the zip`);
    const declared = entry.uncompressedSize;
    if (declared > 64 * KB && entry.compressedSize > 0 && declared / entry.compressedSize > this.limits.maxRatio) {
      throw new ZipLimitError(`${name} expands ${Math.round(declared / entry.compressedSize)}-fold: refusing a likely zip bomb`);
    }
    if (this.inflated + declared > this.limits.maxTotalBytes) {
      throw new ZipLimitError(`${name}: reading it would inflate more than ${this.limits.maxTotalBytes / MB} MB`);
    }
    // Counted before reading: what is declared is what may come, and no more.
    this.inflated += declared;
    const stream = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
    );
    let got = 0;
    // yauzl checks the inflated size against the header too; counting here keeps the cap
    // independent of that option and of headers that lie.
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        got += chunk.length;
        done(got > declared ? new Error(`${name} inflates past its declared ${declared} bytes`) : null, chunk);
      },
    });
    return streamPipeline(stream, counted, () => undefined) as Transform & AsyncIterable<Buffer>;
  }

  close(): void {
    this.zip.close();
  }
}

/** Relative, forward-slash, no `..`, no drive letters, no control characters. */
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  if (name.includes('\\') || /[\u0000-\u001f]/.test(name)) return false;
  return !name.split('/').some((part) => part === '..');
}
