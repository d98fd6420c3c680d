/**
 * Publishing, now or when due: each post is a durable job in the store. The publisher takes a job
 * with a lease, runs its steps (saved before and after every platform call, see deliver/publish-run),
 * retries what can succeed later with a growing delay, and records the platform's message when it
 * cannot. Due jobs run one at a time; a job left running by a process that died is taken up again from
 * its saved steps, so every post goes out exactly once.
 */
import { randomUUID } from 'node:crypto';
import { PLATFORM_LABEL, PlatformError, type PlatformName } from '../deliver/platform-http.js';
import { runPublish } from '../deliver/publish-run.js';
import type { Store } from '../store/store.js';
import type { AccountInfo } from '../store/accounts.js';
import { LeaseLostError, type NewPublishJob, type PublishJob } from '../store/publish-jobs.js';
import { NotFoundError } from '../store/errors.js';
import { SecretKeyError } from '../deliver/secrets.js';
import { leaseOwnerAlive as ownerAlive, leaseOwnerAtWork } from './data-lock.js';
import type { PublishSettings } from './publish-options.js';

/** How long a job is held between saves before another process may take it up. */
const LEASE_MS = 2 * 60_000;
const DEFAULT_RETRY_BASE_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
const DEFAULT_MAX_ATTEMPTS = 5;
/** LinkedIn's documented daily limit of posts per member. */
export const LINKEDIN_DAILY_POSTS = 150;

export interface PublisherOptions {
  store: Store;
  /** The public address the JPEGs are served at for Instagram (`SPOOL_PUBLIC_URL`). */
  publicUrl?: string;
  apiBase?: Partial<Record<PlatformName, string>>;
  fetch?: typeof fetch;
  retryBaseMs?: number;
  maxAttempts?: number;
  linkedinDailyLimit?: number;
  /** How often to look for due jobs. */
  pollMs?: number;
  /** The first wait before asking a platform whether an upload is ready; default 3 s. */
  statusPollMs?: number;
}

/** A post to store as a job: the job's own fields, with its files given as a PDF or JPEGs. */
export type PublishRequest = Omit<NewPublishJob, 'idempotencyKey' | 'dueAt' | 'files'> & {
  pdf?: Uint8Array;
  jpegs?: readonly { name: string; bytes: Uint8Array }[];
  /** Default now. */
  dueAt?: Date;
  /** The same key twice gives the same job: a retried request never posts twice. */
  idempotencyKey?: string;
};

export class PublishConfigError extends Error {
  override name = 'PublishConfigError';
}

export class Publisher {
  readonly owner = `${process.pid}:${randomUUID()}`;
  private timer?: NodeJS.Timeout;
  private readonly running = new Set<Promise<unknown>>();
  private readonly sleepers = new Set<() => void>();
  private stopped = false;

  constructor(private readonly options: PublisherOptions) {}

  /** A publisher for the addresses and limits the environment gave (publish-options.ts). */
  static fromSettings(store: Store, settings: PublishSettings, more: Pick<PublisherOptions, 'pollMs'> = {}): Publisher {
    return new Publisher({
      store,
      publicUrl: settings.publicUrl,
      apiBase: { linkedin: settings.bases.linkedin.api, instagram: settings.bases.instagram.api },
      retryBaseMs: settings.retryBaseMs,
      statusPollMs: settings.statusPollMs,
      linkedinDailyLimit: settings.linkedinDailyLimit,
      ...more,
    });
  }

  /** Stores the post as a job; it runs when due (now: at once, if `runNow` or the loop takes it). */
  enqueue(request: PublishRequest): { job: PublishJob; created: boolean } {
    const { store } = this.options;
    const account = store.accounts.get(request.accountId);
    if (account.platform !== request.platform) throw new PublishConfigError(`account ${account.id} is a ${PLATFORM_LABEL[account.platform]} account, not ${PLATFORM_LABEL[request.platform]}`);
    if (request.platform === 'instagram' && !this.options.publicUrl) throw new PublishConfigError(INSTAGRAM_NEEDS_PUBLIC_URL);
    const files =
      request.platform === 'linkedin'
        ? [{ name: 'carousel.pdf', mime: 'application/pdf', bytes: required(request.pdf, 'the PDF') }]
        : required(request.jpegs, 'the JPEGs').map((f) => ({ name: f.name.replace(/^.*\//, ''), mime: 'image/jpeg', bytes: f.bytes }));
    return store.publishJobs.create({
      idempotencyKey: request.idempotencyKey ?? randomUUID(),
      platform: request.platform,
      accountId: account.id,
      projectId: request.projectId,
      title: request.title,
      caption: request.caption,
      altText: request.altText,
      dueAt: (request.dueAt ?? new Date()).toISOString(),
      files,
    });
  }

  /** Runs the job now if nobody holds it; resolves with its state afterwards. */
  async runNow(jobId: string): Promise<PublishJob> {
    if (this.stopped) return this.options.store.publishJobs.get(jobId);
    const job = this.options.store.publishJobs.claim(jobId, this.owner, LEASE_MS);
    if (!job) return this.options.store.publishJobs.get(jobId);
    return this.track(this.run(job));
  }

  /** Looks for due jobs every `pollMs` until stopped. */
  start(): void {
    this.stopped = false;
    leaseOwnerAtWork(this.owner, true);
    const tick = async () => {
      if (this.stopped) return;
      try {
        if (this.running.size === 0) await this.runDue();
      } catch (err) {
        // The store may be closing under a stopping server; the next start looks again.
        if (!this.stopped) process.emitWarning(`Spool: publishing paused: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs ?? 1000);
      }
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Runs due jobs one after another until none is due. */
  async runDue(): Promise<number> {
    let ran = 0;
    while (!this.stopped) {
      const job = this.options.store.publishJobs.claimDue(this.owner, LEASE_MS, ownerAlive(this.owner));
      if (!job) return ran;
      await this.track(this.run(job));
      ran++;
    }
    return ran;
  }

  /**
   * Stops taking jobs. A job waiting between platform calls stops at once and is given back; one
   * in the middle of a call gets `graceMs` to hear the answer. Whatever is cut short is taken up
   * from its saved steps by the next start.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    leaseOwnerAtWork(this.owner, false);
    if (this.timer) clearTimeout(this.timer);
    for (const wake of this.sleepers) wake();
    const all = Promise.allSettled([...this.running]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
  }

  private async track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    try {
      return await work;
    } finally {
      this.running.delete(work);
    }
  }

  /** A wait between platform calls that ends early, with StoppingError, when the publisher stops. */
  private sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (this.stopped) return reject(new StoppingError());
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        reject(new StoppingError());
      };
      const timer = setTimeout(() => {
        this.sleepers.delete(wake);
        resolve();
      }, ms);
      this.sleepers.add(wake);
    });

  private async run(job: PublishJob): Promise<PublishJob> {
    const { store } = this.options;
    const jobs = store.publishJobs;
    try {
      const account = store.accounts.get(job.accountId);
      const postponed = this.dailyCap(job, account);
      if (postponed) return postponed;
      const secret = store.accounts.secret(account.id);
      const publicUrl = this.options.publicUrl?.replace(/\/+$/, '');
      if (job.platform === 'instagram' && !publicUrl) throw new PublishConfigError(INSTAGRAM_NEEDS_PUBLIC_URL);
      const result = await runPublish(
        {
          platform: job.platform,
          token: secret.accessToken,
          subject: account.subject,
          caption: job.caption,
          title: job.title,
          altText: job.altText,
          pdf: () => jobs.fileBytes(job.id, 0),
          imageUrls: job.platform === 'instagram' ? job.files.map((f) => `${publicUrl}/media/${job.mediaKey}/${encodeURIComponent(f.name)}`) : undefined,
          apiBase: this.options.apiBase?.[job.platform],
          fetch: this.options.fetch,
        },
        job.steps,
        { save: (steps) => jobs.saveSteps(job.id, this.owner, steps, LEASE_MS), pollMs: this.options.statusPollMs, sleep: this.sleep },
      );
      return jobs.finish(job.id, this.owner, result);
    } catch (err) {
      if (err instanceof LeaseLostError) return jobs.get(job.id);
      if (err instanceof StoppingError) {
        jobs.release(job.id, this.owner);
        return jobs.get(job.id);
      }
      return this.failed(job, err);
    }
  }

  /** LinkedIn's daily cap, kept by counting this account's posts of the last 24 hours. */
  private dailyCap(job: PublishJob, account: AccountInfo): PublishJob | undefined {
    if (job.platform !== 'linkedin') return undefined;
    const limit = this.options.linkedinDailyLimit ?? LINKEDIN_DAILY_POSTS;
    const day = 24 * 60 * 60_000;
    const { count, oldest } = this.options.store.publishJobs.publishedSince(account.id, new Date(Date.now() - day));
    if (count < limit) return undefined;
    const at = new Date(Date.parse(oldest!) + day + 60_000);
    return this.options.store.publishJobs.fail(job.id, this.owner, `LinkedIn’s daily limit of ${limit} posts for this account is reached; Spool will publish at ${at.toISOString()}`, at, false);
  }

  private failed(job: PublishJob, err: unknown): PublishJob {
    const jobs = this.options.store.publishJobs;
    const message = err instanceof Error ? err.message : String(err);
    const retryable = err instanceof PlatformError ? err.details.retryable : !(err instanceof PublishConfigError || err instanceof NotFoundError || err instanceof SecretKeyError);
    const maxAttempts = this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!retryable || job.attempts >= maxAttempts) {
      const suffix = retryable ? ` (gave up after ${job.attempts} tries)` : '';
      return jobs.fail(job.id, this.owner, `${message}${suffix}`);
    }
    const base = this.options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
    const backoff = Math.min(MAX_RETRY_MS, base * 2 ** (job.attempts - 1));
    const wait = Math.max(backoff, err instanceof PlatformError ? (err.details.retryAfterMs ?? 0) : 0);
    return jobs.fail(job.id, this.owner, message, new Date(Date.now() + wait));
  }
}

/** The publisher is stopping: the job is given back, to go on at the next start. */
class StoppingError extends Error {
  override name = 'StoppingError';
}

export const INSTAGRAM_NEEDS_PUBLIC_URL =
  'publishing to Instagram needs SPOOL_PUBLIC_URL: Instagram fetches each image itself, so Spool must serve them at a public address (for example a tunnel to this server)';

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new PublishConfigError(`a publish needs ${what}`);
  return value;
}
