import { isSpoolInputError } from './input-error.js';

/** What a shell tells the user about an error it recognises, and the exit code that goes with it. */
export interface ErrorReport {
  /** One or more lines, without the shell's own prefix. */
  message: string;
  /** 2 when the input (or the address it names) is the user's to change, 1 when the environment failed. */
  exitCode: 1 | 2;
}

/**
 * The errors every shell (the CLI, the MCP server) explains in words rather than with a stack:
 * undefined for anything else, which is a bug and is reported as one.
 */
export function knownErrorReport(err: unknown): ErrorReport | undefined {
  // A source too costly to build is the input's doing: the message says what to try.
  if (isSpoolInputError(err) || err instanceof RangeError || (err instanceof Error && err.name === 'TimeLimitError')) {
    return { message: err.message, exitCode: 2 };
  }
  // An address that is refused is the user's to change; one that cannot be reached is the network's.
  if (err instanceof Error && err.name === 'FetchRefusedError') return { message: err.message, exitCode: 2 };
  if (err instanceof Error && err.name === 'FetchFailedError') return { message: err.message, exitCode: 1 };
  // A program a video needs and the user must install is setup they can fix; one that fails is the environment's.
  if (err instanceof Error && err.name === 'FfmpegMissingError') return { message: err.message, exitCode: 2 };
  if (err instanceof Error && err.name === 'FfmpegFailedError') return { message: err.message, exitCode: 1 };
  // The data folder itself is the problem (read-only, full, in use): the message says where and why.
  if (err instanceof Error && err.name === 'StorageError') return { message: err.message, exitCode: 1 };
  const e = err as NodeJS.ErrnoException | undefined;
  if (e?.code === 'ENOENT' && e.path) return { message: `${e.path}: no such file or directory`, exitCode: 2 };
  return undefined;
}
