import { randomBytes } from 'node:crypto';
import type { PlatformName } from '../deliver/platform-http.js';
import type { PublishState } from '../deliver/publish-run.js';
import type { StoreDatabase } from './database.js';
import { NotFoundError } from './errors.js';
import { newId, now } from './ids.js';

export type PublishJobState = 'scheduled' | 'running' | 'retrying' | 'done' | 'failed' | 'cancelled';

/** A post to publish, now or at `dueAt`, and how far it has got. */
export interface PublishJob {
  id: string;
  idempotencyKey: string;
  platform: PlatformName;
  accountId: string;
  projectId?: string;
  title: string;
  caption: string;
  altText: string[];
  state: PublishJobState;
  /** When it is (or was) due; a retry moves it on. */
  dueAt: string;
  attempts: number;
  steps: PublishState;
  /** The platform's message from the last failed attempt. */
  error?: string;
  postId?: string;
  url?: string;
  /** Part of the unguessable address the job's images are served at while it runs. */
  mediaKey: string;
  files: { n: number; name: string; mime: string; size: number }[];
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
}

/** A job as the API shows it: without the key its images are served under, or its saved steps. */
export type PublishJobView = Omit<PublishJob, 'mediaKey' | 'idempotencyKey' | 'steps' | 'files'> & {
  /** How many files the post carries. */
  files: number;
  /** The post itself is being made on the platform (past the uploads). */
  posting: boolean;
};

export interface NewPublishJob {
  idempotencyKey: string;
  platform: PlatformName;
  accountId: string;
  projectId?: string;
  title: string;
  caption: string;
  altText: readonly string[];
  dueAt: string;
  files: readonly { name: string; mime: string; bytes: Uint8Array }[];
}

/** Another process holds the job now: whoever lost it stops. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

interface JobRow {
  id: string;
  idempotency_key: string;
  platform: PlatformName;
  account_id: string;
  project_id: string | null;
  title: string;
  caption: string;
  alt_text: string;
  state: PublishJobState;
  due_at: string;
  attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  steps: string;
  error: string | null;
  post_id: string | null;
  url: string | null;
  media_key: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

/**
 * Publish jobs. A job is taken with a lease (its owner and until when); every save checks the
 * lease, so two processes never run one job, and a job whose owner died is taken up again from the
 * steps it saved.
 */
export class PublishJobTable {
  constructor(private readonly db: StoreDatabase) {}

  /** Adds the job, or gives back the one made earlier with the same idempotency key. */
  create(input: NewPublishJob): { job: PublishJob; created: boolean } {
    return this.db.write((db) => {
      const existing = db.prepare<{ id: string }>('SELECT id FROM publish_jobs WHERE idempotency_key = ?').get(input.idempotencyKey);
      if (existing) return { job: this.load(existing.id), created: false };
      const id = newId('pub');
      const at = now();
      db.prepare(
        `INSERT INTO publish_jobs (id, idempotency_key, platform, account_id, project_id, title, caption, alt_text, state, due_at, media_key, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?)`,
      ).run(id, input.idempotencyKey, input.platform, input.accountId, input.projectId ?? null, input.title, input.caption, JSON.stringify(input.altText), input.dueAt, randomBytes(24).toString('base64url'), at, at);
      const insert = db.prepare('INSERT INTO publish_files (job_id, n, name, mime, bytes) VALUES (?, ?, ?, ?, ?)');
      input.files.forEach((f, n) => insert.run(id, n, f.name, f.mime, f.bytes));
      return { job: this.load(id), created: true };
    });
  }

  get(id: string): PublishJob {
    return this.db.read(() => this.load(id));
  }

  /** Newest due first; optionally one project's. */
  list(filter: { projectId?: string; limit?: number } = {}): PublishJob[] {
    const ids = this.db.read((db) =>
      filter.projectId
        ? db.prepare<{ id: string }>('SELECT id FROM publish_jobs WHERE project_id = ? ORDER BY due_at DESC, id LIMIT ?').all(filter.projectId, filter.limit ?? 100)
        : db.prepare<{ id: string }>('SELECT id FROM publish_jobs ORDER BY due_at DESC, id LIMIT ?').all(filter.limit ?? 100),
    );
    return this.db.read(() => ids.map((r) => this.load(r.id)));
  }

  /**
   * Takes the next job that is due — waiting, to retry, or running under a lease that ran out or
   * whose owner is gone — for `owner`, until `leaseMs` from now.
   */
  claimDue(owner: string, leaseMs: number, ownerAlive: (owner: string) => boolean, at = new Date()): PublishJob | undefined {
    return this.db.write((db) => {
      const iso = at.toISOString();
      const rows = db
        .prepare<JobRow>(
          `SELECT * FROM publish_jobs WHERE (state IN ('scheduled', 'retrying') AND due_at <= ?) OR state = 'running'
           ORDER BY due_at, id LIMIT 20`,
        )
        .all(iso);
      const row = rows.find((r) => r.state !== 'running' || !r.lease_owner || (r.lease_until ?? '') < iso || (r.lease_owner !== owner && !ownerAlive(r.lease_owner)));
      if (!row) return undefined;
      db.prepare("UPDATE publish_jobs SET state = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?").run(
        owner, new Date(at.getTime() + leaseMs).toISOString(), iso, row.id,
      );
      return this.load(row.id);
    });
  }

  /** Takes one given job now (a publish that was asked for this moment), if nobody else holds it. */
  claim(id: string, owner: string, leaseMs: number): PublishJob | undefined {
    return this.db.write((db) => {
      const at = new Date();
      const iso = at.toISOString();
      const changes = db
        .prepare(
          `UPDATE publish_jobs SET state = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?
           WHERE id = ? AND (state IN ('scheduled', 'retrying') OR (state = 'running' AND lease_until < ?))`,
        )
        .run(owner, new Date(at.getTime() + leaseMs).toISOString(), iso, id, iso).changes;
      return changes ? this.load(id) : undefined;
    });
  }

  /** Records the steps taken so far and extends the lease; throws LeaseLostError if another owner has it. */
  saveSteps(id: string, owner: string, steps: PublishState, leaseMs: number): void {
    this.db.write((db) => {
      const at = new Date();
      const changes = db
        .prepare("UPDATE publish_jobs SET steps = ?, lease_until = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND state = 'running'")
        .run(JSON.stringify(steps), new Date(at.getTime() + leaseMs).toISOString(), at.toISOString(), id, owner).changes;
      if (!changes) throw new LeaseLostError(`publish job ${id} is no longer held by this process`);
    });
  }

  /** Published: the result is kept, the images are no longer served and their bytes go. */
  finish(id: string, owner: string, result: { postId: string; url?: string }): PublishJob {
    return this.db.write((db) => {
      const at = now();
      const changes = db
        .prepare("UPDATE publish_jobs SET state = 'done', post_id = ?, url = ?, error = NULL, lease_owner = NULL, lease_until = NULL, published_at = ?, updated_at = ? WHERE id = ? AND lease_owner = ?")
        .run(result.postId, result.url ?? null, at, at, id, owner).changes;
      if (!changes) throw new LeaseLostError(`publish job ${id} is no longer held by this process`);
      db.prepare('DELETE FROM publish_files WHERE job_id = ?').run(id);
      return this.load(id);
    });
  }

  /** A failed attempt: tried again at `retryAt`, or (none) failed for good with the message; a postponement does not count as a try. */
  fail(id: string, owner: string, message: string, retryAt?: Date, countAttempt = true): PublishJob {
    return this.db.write((db) => {
      const at = now();
      const changes = db
        .prepare('UPDATE publish_jobs SET state = ?, due_at = coalesce(?, due_at), error = ?, attempts = attempts - ?, lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND lease_owner = ?')
        .run(retryAt ? 'retrying' : 'failed', retryAt?.toISOString() ?? null, message, countAttempt ? 0 : 1, at, id, owner).changes;
      if (!changes) throw new LeaseLostError(`publish job ${id} is no longer held by this process`);
      return this.load(id);
    });
  }

  /** Gives a job back untouched (the process is stopping): it runs again on the next start. */
  release(id: string, owner: string): void {
    this.db.write((db) => db.prepare("UPDATE publish_jobs SET state = 'retrying', lease_owner = NULL, lease_until = NULL, attempts = max(0, attempts - 1) WHERE id = ? AND lease_owner = ? AND state = 'running'").run(id, owner));
  }

  /** Stops a job that has not been published; one already out cannot be taken back here. */
  cancel(id: string): PublishJob {
    return this.db.write((db) => {
      const job = this.load(id);
      if (job.state === 'done') throw new PublishStateError(`this post was already published${job.url ? ` (${job.url})` : ''}; delete it on the platform`);
      if (job.state === 'running') throw new PublishStateError('this post is being published right now; wait a moment and look again');
      if (job.state !== 'cancelled') {
        db.prepare("UPDATE publish_jobs SET state = 'cancelled', updated_at = ? WHERE id = ?").run(now(), id);
        db.prepare('DELETE FROM publish_files WHERE job_id = ?').run(id);
      }
      return this.load(id);
    });
  }

  /** A job that failed for good, tried again now (after the user fixed what was wrong, e.g. reconnected). */
  retry(id: string): PublishJob {
    return this.db.write((db) => {
      const job = this.load(id);
      if (job.state !== 'failed') throw new PublishStateError(`only a failed post can be tried again; this one is ${job.state}`);
      if (job.files.length === 0) throw new PublishStateError('this post’s files are gone; publish the project again');
      db.prepare("UPDATE publish_jobs SET state = 'scheduled', due_at = ?, attempts = 0, updated_at = ? WHERE id = ?").run(now(), now(), id);
      return this.load(id);
    });
  }

  /** A file of a job that is still to be published, found by the job's media key. */
  mediaFile(mediaKey: string, name: string): { mime: string; bytes: Uint8Array } | undefined {
    return this.db.read((db) =>
      db
        .prepare<{ mime: string; bytes: Uint8Array }>(
          `SELECT f.mime, f.bytes FROM publish_files f JOIN publish_jobs j ON j.id = f.job_id
           WHERE j.media_key = ? AND f.name = ? AND j.state IN ('scheduled', 'running', 'retrying', 'failed')`,
        )
        .get(mediaKey, name),
    );
  }

  fileBytes(jobId: string, n: number): Uint8Array {
    const row = this.db.read((db) => db.prepare<{ bytes: Uint8Array }>('SELECT bytes FROM publish_files WHERE job_id = ? AND n = ?').get(jobId, n));
    if (!row) throw new NotFoundError('publish file', `${jobId}/${n}`);
    return row.bytes;
  }

  /** How many posts are in each state: for the server's health and metrics. */
  countByState(): Partial<Record<PublishJobState, number>> {
    const rows = this.db.read((db) => db.prepare<{ state: PublishJobState; n: number }>('SELECT state, count(*) AS n FROM publish_jobs GROUP BY state').all());
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  /** Posts this account published since `since`: for the platform's daily cap. */
  publishedSince(accountId: string, since: Date): { count: number; oldest?: string } {
    return this.db.read((db) => {
      const row = db
        .prepare<{ n: number; oldest: string | null }>("SELECT count(*) AS n, min(published_at) AS oldest FROM publish_jobs WHERE account_id = ? AND state = 'done' AND published_at >= ?")
        .get(accountId, since.toISOString())!;
      return { count: row.n, ...(row.oldest ? { oldest: row.oldest } : {}) };
    });
  }

  private load(id: string): PublishJob {
    const row = this.db.read((db) => db.prepare<JobRow>('SELECT * FROM publish_jobs WHERE id = ?').get(id));
    if (!row) throw new NotFoundError('publish job', id);
    const files = this.db.read((db) =>
      db.prepare<{ n: number; name: string; mime: string; size: number }>('SELECT n, name, mime, length(bytes) AS size FROM publish_files WHERE job_id = ? ORDER BY n').all(id),
    );
    return {
      id: row.id,
      idempotencyKey: row.idempotency_key,
      platform: row.platform,
      accountId: row.account_id,
      ...(row.project_id ? { projectId: row.project_id } : {}),
      title: row.title,
      caption: row.caption,
      altText: JSON.parse(row.alt_text) as string[],
      state: row.state,
      dueAt: row.due_at,
      attempts: row.attempts,
      steps: JSON.parse(row.steps) as PublishState,
      ...(row.error ? { error: row.error } : {}),
      ...(row.post_id ? { postId: row.post_id } : {}),
      ...(row.url ? { url: row.url } : {}),
      mediaKey: row.media_key,
      files,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      ...(row.published_at ? { publishedAt: row.published_at } : {}),
    };
  }
}

/** A change the job's state does not allow (cancelling a published post…): a 409. */
export class PublishStateError extends Error {
  override name = 'PublishStateError';
}
