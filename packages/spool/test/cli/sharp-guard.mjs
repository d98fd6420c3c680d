// Loaded with `node --import` ahead of the CLI: records every way sharp can be loaded on the main
// thread (an ES module import resolved through a loader hook, a require, or sharp's native addon)
// and, if any happened, says so on stderr and exits with code 99. Worker threads are not watched.
import { createRequire, register } from 'node:module';
import { isMainThread, MessageChannel } from 'node:worker_threads';

if (isMainThread) {
  const seen = new Set();
  const hooks = `
    let port;
    export function initialize(data) { port = data.port; }
    export async function resolve(specifier, context, next) {
      const result = await next(specifier, context);
      if (specifier === 'sharp' || /\\/node_modules\\/(sharp|@img\\/sharp-)/.test(result.url)) port.postMessage(result.url);
      return result;
    }`;
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => seen.add(`import ${url}`));
  port1.unref();
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { port: port2 }, transferList: [port2] });

  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    for (const file of Object.keys(require.cache)) {
      if (/[\\/]node_modules[\\/](sharp|@img[\\/]sharp-)/.test(file)) seen.add(`require ${file}`);
    }
    if (seen.size > 0) {
      process.stderr.write(`sharp-guard: sharp loaded on the main thread: ${[...seen].join(', ')}\n`);
      process.exitCode = 99;
    } else {
      process.stderr.write('sharp-guard: sharp not loaded on the main thread\n');
    }
  });
}
