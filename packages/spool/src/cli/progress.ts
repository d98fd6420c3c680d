import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

/** A progress bar on a terminal for long jobs; nothing at all when stderr is a pipe or file. */
export function startProgress(io: CliIo): { update: (done: number, total: number) => void; stop: () => void } | undefined {
  if (!io.stderr.isTTY) return undefined;
  let bar: cliProgress.SingleBar | undefined;
  return {
    update: (done, total) => {
      if (total < 8) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: 'rendering [{bar}] {value}/{total} slides', stream: io.stderr as NodeJS.WritableStream, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}
