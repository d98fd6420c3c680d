/**
 * `spool publish linkedin|instagram <input|project>`: builds the carousel, checks it against the
 * platform, and publishes it now — or, with `--at`, stores it for `spool serve` to publish when due.
 * Every publish is a job in the data folder's database, so one that is interrupted is finished
 * by the next `spool serve`, never posted twice.
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { bundleDeck, makeBundle, type Bundle } from '../deliver/bundle.js';
import { checkCaption } from '../deliver/caption.js';
import { publishBlockers } from '../deliver/preflight.js';
import { PLATFORM_LABEL, type PlatformName } from '../deliver/platform-http.js';
import { resolveDataDir } from '../store/database.js';
import { Store } from '../store/store.js';
import type { PublishJob } from '../store/publish-jobs.js';
import { serverUsing } from '../server/data-lock.js';
import { environmentAccounts, publishSettingsFromEnv } from '../server/publish-options.js';
import { INSTAGRAM_NEEDS_PUBLIC_URL, Publisher } from '../server/publisher.js';
import { numberFlag, type CliFlags } from './args.js';
import { designWithBrand, linkOutroForArticles } from './design-flags.js';
import type { CliIo } from './io.js';
import { readSource } from './read-source.js';
import { UsageError } from './usage.js';

/** A retry due sooner than this is waited for; a later one is left to `spool serve`. */
const WAIT_FOR_RETRY_MS = 2 * 60_000;

export async function runPublish(flags: CliFlags, positionals: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [platformArg, input, extra] = positionals;
  if (platformArg !== 'linkedin' && platformArg !== 'instagram') throw new UsageError('publish where? spool publish linkedin|instagram <input|project>');
  if (!input) throw new UsageError(`publish needs an input or a project: spool publish ${platformArg} thread.json`);
  if (extra) throw new UsageError(`unexpected argument "${extra}"`);
  const platform: PlatformName = platformArg;
  const label = PLATFORM_LABEL[platform];
  const dueAt = flags.at === undefined ? undefined : parseAt(flags.at);
  if (flags.text !== undefined) {
    const problem = checkCaption(flags.text, platform);
    if (problem) throw new UsageError(`--text: ${problem}`);
  }
  const settings = publishSettingsFromEnv(env);
  if (platform === 'instagram' && !settings.publicUrl) throw new UsageError(INSTAGRAM_NEEDS_PUBLIC_URL);
  const dataDir = resolveDataDir(flags.data, env);
  const store = Store.open({ dataDir, env });
  try {
    environmentAccounts(store, env);
    const accountId = chooseAccount(store, platform, flags.account);
    const { bundle, projectId } = await bundleFor(input, flags, io, store);
    const failed = publishBlockers(bundle.preflight, platform);
    if (failed.length > 0) {
      io.stderr.write(`spool: ${label} would not take this carousel:\n${failed.map((c) => `  ${c.message} — ${c.fix}`).join('\n')}\n`);
      return 2;
    }
    const publisher = Publisher.fromSettings(store, settings);
    const { job } = publisher.enqueue({
      platform,
      accountId,
      projectId,
      title: bundle.title,
      caption: flags.text ?? bundle.captions[platform],
      altText: bundle.altText,
      pdf: bundle.pdf,
      jpegs: bundle.jpegs,
      dueAt,
    });
    if (dueAt) {
      const server = serverUsing(dataDir);
      io.stdout.write(`${job.id}\n`);
      io.stderr.write(`scheduled for ${dueAt.toISOString()} on ${label} (${bundle.pages} slides)${server ? `; the server running on ${dataDir} publishes it then` : `; run spool serve${flags.data ? ` --data ${flags.data}` : ''} to publish it then`}\n`);
      return 0;
    }
    const media = platform === 'instagram' && !serverUsing(dataDir) ? await serveMedia(store, numberFlag(flags, 'port') ?? 4321, flags.host ?? '127.0.0.1') : undefined;
    try {
      if (!flags.quiet) io.stderr.write(`publishing ${bundle.pages} slides to ${label}…\n`);
      const done = await publishUntilSettled(publisher, store, job.id, io, flags.quiet === true);
      if (done.state === 'done') {
        io.stdout.write(`${done.url ?? done.postId}\n`);
        return 0;
      }
      io.stderr.write(`spool: ${done.error ?? `${label} did not take the post`}${done.state === 'retrying' ? `\nspool: it will be tried again at ${done.dueAt} by spool serve (job ${done.id})` : ''}\n`);
      return 1;
    } finally {
      await new Promise<void>((resolve) => (media ? media.close(() => resolve()) : resolve()));
    }
  } finally {
    store.close();
  }
}

/**
 * Runs the job, and again while the platform asks for a short wait. A `spool serve` on the same
 * folder may take the job first: then this waits for the server to settle it.
 */
async function publishUntilSettled(publisher: Publisher, store: Store, jobId: string, io: CliIo, quiet: boolean): Promise<PublishJob> {
  let job = await publisher.runNow(jobId);
  for (;;) {
    if (job.state === 'running' || (job.state === 'scheduled' && Date.parse(job.dueAt) <= Date.now())) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = store.publishJobs.get(jobId);
      continue;
    }
    if (job.state !== 'retrying' || Date.parse(job.dueAt) - Date.now() >= WAIT_FOR_RETRY_MS) return job;
    const wait = Math.max(0, Date.parse(job.dueAt) - Date.now());
    if (!quiet) io.stderr.write(`${job.error}; trying again in ${Math.ceil(wait / 1000)} s\n`);
    await new Promise((resolve) => setTimeout(resolve, wait));
    job = await publisher.runNow(jobId);
  }
}

async function bundleFor(input: string, flags: CliFlags, io: CliIo, store: Store): Promise<{ bundle: Bundle; projectId?: string }> {
  const caption = flags.text !== undefined ? { caption: flags.text } : {};
  if (/^prj_[0-9a-z]+$/.test(input)) {
    const project = store.projects.get(input);
    return { bundle: await bundleDeck(project.deck, { source: project.name, ...caption }), projectId: project.id };
  }
  const design = await designWithBrand(flags);
  const imported = await readSource(input, flags, io);
  linkOutroForArticles(design, imported.document, flags);
  if (!flags.quiet) for (const w of imported.warnings) io.stderr.write(`warning: ${w}\n`);
  const bundle = await makeBundle(imported.document, { design, baseDir: imported.baseDir, source: input === '-' ? 'stdin' : path.basename(input), ...caption });
  return { bundle };
}

function chooseAccount(store: Store, platform: PlatformName, wanted: string | undefined): string {
  const accounts = store.accounts.list().filter((a) => a.platform === platform);
  const label = PLATFORM_LABEL[platform];
  if (wanted) {
    const found = accounts.find((a) => a.id === wanted);
    if (!found) throw new UsageError(`--account ${wanted}: not a connected ${label} account${accounts.length ? ` (connected: ${accounts.map((a) => `${a.id} ${a.name}`).join(', ')})` : ''}`);
    return found.id;
  }
  if (accounts.length === 1) return accounts[0].id;
  if (accounts.length === 0) {
    const names = platform === 'linkedin' ? 'LINKEDIN_ACCESS_TOKEN and LINKEDIN_AUTHOR_URN' : 'INSTAGRAM_ACCESS_TOKEN and INSTAGRAM_USER_ID';
    throw new UsageError(`no ${label} account: set ${names}, or connect one in the studio (Publish)`);
  }
  throw new UsageError(`${accounts.length} ${label} accounts are connected: choose one with --account (${accounts.map((a) => `${a.id} ${a.name}`).join(', ')})`);
}

/** `--at 2026-12-03T09:00:00+01:00`: a time with its zone, not in the past. */
function parseAt(raw: string): Date {
  const at = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(raw) || Number.isNaN(at.getTime())) {
    throw new UsageError(`--at: "${raw}" is not an ISO 8601 time with its zone (for example 2026-12-03T09:00:00Z or 2026-12-03T10:00+01:00)`);
  }
  if (at.getTime() < Date.now() - 60_000) throw new UsageError(`--at: ${raw} is in the past; leave --at out to publish now`);
  return at;
}

/**
 * The images Instagram fetches, served by this command for as long as it publishes (when no
 * `spool serve` on the same folder serves them already), on the studio's port, where
 * SPOOL_PUBLIC_URL leads.
 */
async function serveMedia(store: Store, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    const m = /^\/media\/([A-Za-z0-9_-]+)\/([A-Za-z0-9._-]+)$/.exec((req.url ?? '').split('?')[0]);
    const file = m && (req.method === 'GET' || req.method === 'HEAD') ? store.publishJobs.mediaFile(m[1], decodeURIComponent(m[2])) : undefined;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.mime, 'content-length': file.bytes.length, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new UsageError(`port ${port} is in use: Instagram fetches the images from SPOOL_PUBLIC_URL, which must lead to this command's --port`) : err),
    );
    server.listen(port, host, () => resolve());
  });
  return server;
}
