// Preloaded into benchmarked processes: reports their peak resident memory on exit.
// VmHWM, not resourceUsage().maxRSS: Linux carries ru_maxrss over from the forking parent.
import { readFileSync } from 'node:fs';

process.on('exit', () => {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  process.stderr.write(`\nBENCH_MAXRSS_KB=${hwm ?? process.resourceUsage().maxRSS}\n`);
});
