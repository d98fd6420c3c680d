// Load test of the HTTP server: many clients exporting the fixture thread's PDF at once, then a long
// sequential run to check memory stays flat. Loopback only; stops by itself.
//   npm run bench:load            (LOAD_SECONDS=5 LEAK_RENDERS=400 for a short run)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.LOAD_SECONDS ?? 30);
const connections = 50;
const leakTotal = Number(process.env.LEAK_RENDERS ?? 2000);
const leakFirst = Math.round(leakTotal / 10);
const fixtures = path.join(root, 'packages/spool/test/fixtures');

execFileSync('npm', ['run', 'build', '-w', 'packages/spool'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const dataDir = mkdtempSync(path.join(tmpdir(), 'spool-load-'));
const server = spawn(process.execPath, [path.join(root, 'packages/spool/bin/spool.js'), 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
  env: { ...process.env, SPOOL_STUDIO_DIR: path.join(dataDir, 'no-studio') },
  stdio: ['ignore', 'pipe', 'inherit'],
});
// Whatever happens, the server does not outlive the script.
const guard = setTimeout(() => fail('timed out'), (seconds + 600) * 1000);
process.on('exit', () => server.exitCode === null && server.kill('SIGKILL'));

function fail(message) {
  console.error(`bench:load: ${message}`);
  process.exit(1);
}

const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const found = /Spool studio: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (found) resolve(found[1]);
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
});

function memory() {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function api(method, route, body) {
  const res = await fetch(url + route, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

// The thread with its media inlined, so the import stores them as uploads.
const thread = JSON.parse(readFileSync(path.join(fixtures, 'kd-thread.json'), 'utf8'));
const mime = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
for (const post of thread.posts) {
  for (const media of post.media ?? []) {
    const bytes = readFileSync(path.join(fixtures, media.src));
    media.src = `data:${mime[path.extname(media.src).slice(1)]};base64,${bytes.toString('base64')}`;
  }
}
const imported = await api('POST', '/api/import', { text: JSON.stringify(thread), filename: 'kd-thread.json' });
const project = await api('POST', '/api/projects', { name: 'Load test', document: imported.document });
const exportPath = `/api/projects/${project.id}/export?format=pdf`;
console.log(`server ${url} (pid ${server.pid}), project ${project.id}: ${project.deck.slides.length} slides`);

// Leak check: a few clients at a time, well within the queue, so every render is counted.
let renders = 0;
async function renderBatch(until) {
  const client = async () => {
    while (renders < until) {
      renders++;
      const res = await fetch(url + exportPath);
      await res.arrayBuffer();
      if (res.status !== 200) fail(`leak check: export answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, client));
}
await renderBatch(leakFirst);
const rssFirst = memory().rss;
await renderBatch(leakTotal);
const rssLast = memory().rss;

const result = await autocannon({ url: url + exportPath, connections, duration: seconds, timeout: 60 });
const statuses = {};
for (const [key, value] of Object.entries(result.statusCodeStats ?? {})) statuses[key] = value.count;
const fiveXX = Object.entries(statuses).filter(([code]) => code >= '500' && code !== '503');
const ok = statuses['200'] ?? 0;
const { peak } = memory();

server.kill('SIGTERM');
const exitCode = await new Promise((resolve) => server.on('exit', resolve));
clearTimeout(guard);
rmSync(dataDir, { recursive: true, force: true });

const growth = (rssLast - rssFirst) / rssFirst;
const leakOk = Math.abs(growth) <= 0.1;
console.log(`load: ${connections} connections for ${seconds} s against GET ${exportPath.replace(project.id, ':id')}`);
console.log(`  throughput  ${(ok / seconds).toFixed(1)} renders/s (${ok} PDFs)`);
console.log(`  latency     p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
console.log(`  statuses    ${JSON.stringify(statuses)}; errors/timeouts ${result.errors}/${result.timeouts}`);
console.log(`  peak RSS    ${peak.toFixed(0)} MB (server process, VmHWM)`);
console.log(`leak check: RSS after ${leakFirst} renders ${rssFirst.toFixed(0)} MB, after ${leakTotal} ${rssLast.toFixed(0)} MB ` +
  `(${(growth * 100).toFixed(1)}%): ${leakOk ? 'PASS' : 'FAIL'}`);
console.log(`server stopped on SIGTERM with exit code ${exitCode}`);
if (fiveXX.length > 0) fail(`5xx other than 503: ${JSON.stringify(Object.fromEntries(fiveXX))}`);
if (result.errors > 0 || result.timeouts > 0) fail('connection errors or timeouts');
if (!leakOk) fail('RSS grew by more than 10%');
if (exitCode !== 0) fail(`server exited with ${exitCode}`);
