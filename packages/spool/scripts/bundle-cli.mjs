// The command line's short-lived commands (build, import, list, backup, restore) as a handful of
// files rather than the ~160 modules tsc writes: a cold `spool build` spent a fifth of its time
// resolving, reading and compiling modules one by one. esbuild joins our own modules, and the small
// pure-JavaScript packages a build always loads (INLINE): htmlparser2 alone is some 40 files, of
// which the build uses the tokenizer, and these packages took a third of the time a build spent
// loading its modules (113 -> 80 ms here). Every other package stays an import of its own, so native
// addons, WASM and font files are found as always.
// Code split at each dynamic import, so a build still loads only what it uses.
// The long-running commands (serve, mcp) and publish stay out: they run from dist/cli/main.js, whose
// server finds its worker threads and the studio next to its own files. bin/spool.js picks the
// bundle for the other commands, and falls back to dist/cli/main.js when it is missing.
// Run after tsc by `npm run build`.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Commands left to tsc's output; imported from there if the bundle is ever asked for them. */
const UNBUNDLED = /^\.\/(serve|mcp|publish)-command\.js$/;

/**
 * Packages joined into the bundle, with what they import: plain JavaScript that reads no file of
 * its own. Every other bare import stays external.
 */
const INLINE = new Set(['bidi-js', 'emoji-regex', 'htmlparser2', 'linebreak', 'qrcode-generator', 'svgpath', 'unicodeit', 'zod']);

const packageOf = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
const bare = (spec) => !spec.startsWith('.') && !spec.startsWith('/') && !spec.startsWith('node:');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/cli-bundle');
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: [path.join(root, 'dist/cli/main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Error classes and the like keep the names they are written with.
  keepNames: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'unbundled-commands',
      setup(b) {
        b.onResolve({ filter: UNBUNDLED }, (args) => ({ path: `../cli/${args.path.slice(2)}`, external: true }));
      },
    },
    {
      name: 'external-packages',
      setup(b) {
        // A package's own imports go where it goes: an inlined package brings its dependencies.
        b.onResolve({ filter: /.*/ }, (args) => {
          if (!bare(args.path) || INLINE.has(packageOf(args.path)) || args.importer.includes('/node_modules/')) return undefined;
          return { path: args.path, external: true };
        });
      },
    },
  ],
});
