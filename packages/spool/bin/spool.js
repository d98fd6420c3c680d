#!/usr/bin/env node
import { existsSync } from 'node:fs';
import v8 from 'node:v8';

// A build, import or list runs for well under a second, and in that time V8's optimising compilers
// cost more than they give back on a small machine:
// - The HarfBuzz WASM modules would be recompiled on background threads, which holds this thread up
//   for a few hundred milliseconds; the baseline compiler's code is plenty for one document.
// - JavaScript tiers up to TurboFan after 8 times V8's default budget, so only code that stays hot
//   (a document of hundreds of posts) is optimised, not code a small carousel runs a few times.
// `serve` and `mcp` run for long, building again and again, and keep V8's defaults.
const command = process.argv.slice(2);
const longRunning = command.includes('serve') || command.includes('mcp');
if (!longRunning) {
  v8.setFlagsFromString('--liftoff-only');
  v8.setFlagsFromString('--interrupt-budget=540672');
}

// The short commands load from dist/cli-bundle (scripts/bundle-cli.mjs): a few files instead of
// some 160, which a cold build would otherwise spend a fifth of its time finding and compiling.
// serve, mcp and publish load tsc's files, next to which the server finds its worker threads.
const bundle = new URL('../dist/cli-bundle/main.js', import.meta.url);
const useBundle = !longRunning && !command.includes('publish') && existsSync(bundle);
const { main } = await import(useBundle ? bundle.href : '../dist/cli/main.js');

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`spool: ${err?.stack ?? err}\n`); process.exitCode = 1; },
);
