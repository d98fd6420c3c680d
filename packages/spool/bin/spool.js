#!/usr/bin/env node
import v8 from 'node:v8';

// A build, import or list runs for well under a second. In that time V8 would also recompile the
// HarfBuzz WASM modules with its optimising compiler on background threads, which holds this thread
// up for a few hundred milliseconds on a small machine; the baseline compiler's code is plenty for
// one document. `serve` runs for long and keeps the optimising compiler.
if (!process.argv.slice(2).includes('serve')) v8.setFlagsFromString('--liftoff-only');

const { main } = await import('../dist/cli/main.js');

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`spool: ${err?.stack ?? err}\n`); process.exitCode = 1; },
);
