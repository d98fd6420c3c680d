import type { StoreDatabase } from './database.js';
import { NotFoundError } from './errors.js';
import { newId, now } from './ids.js';

export type ExportJobState = 'queued' | 'running' | 'done' | 'failed';

/** What an export job makes: the same request the synchronous export routes take. */
export interface ExportJobRequest {
  /** The deck to export, as sent or as the project held it when the job was made. */
  deck: unknown;
  format: 'pdf' | 'png' | 'jpeg' | 'svg';
  page?: number;
  zip?: boolean;
  fallbackName?: string;
}

/** An export job as the API shows it: its file is fetched on its own. */
export interface ExportJob {
  id: string;
  state: ExportJobState;
  format: ExportJobRequest['format'];
  projectId?: string;
  attempts: number;
  /** Why it failed, in the words the synchronous route would have answered with. */
  error?: string;
  file?: { name: string; mime: string; size: number; pages: number; warnings: string[] };
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface ExportFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
  pages: number;
  warnings: string[];
}

interface Row {
  id: string;
  state: ExportJobState;
  project_id: string | null;
  format: ExportJobRequest['format'];
  attempts: number;
  error: string | null;
  file_name: string | null;
  mime: string | null;
  size: number | null;
  pages: number | null;
  warnings: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

const COLUMNS = 'id, state, project_id, format, attempts, error, file_name, mime, length(bytes) AS size, pages, warnings, created_at, updated_at, started_at, finished_at';

/**
 * Export jobs. A job is taken with a lease (its owner and until when); finishing checks the lease,
 * so a job taken up again after its owner died or stalled is finished once. The request is kept
 * as it was asked for, so a job that outlives a restart makes the file it was meant to.
 */
export class ExportJobTable {
  constructor(private readonly db: StoreDatabase) {}

  create(request: ExportJobRequest, projectId?: string): ExportJob {
    return this.db.write((db) => {
      const id = newId('exp');
      const at = now();
      db.prepare("INSERT INTO export_jobs (id, state, request, project_id, format, created_at, updated_at) VALUES (?, 'queued', ?, ?, ?, ?, ?)").run(
        id, JSON.stringify(request), projectId ?? null, request.format, at, at,
      );
      return this.load(id);
    });
  }

  get(id: string): ExportJob {
    return this.db.read(() => this.load(id));
  }

  /** Jobs waiting or being worked on, for the queue's limit. */
  pending(): number {
    return this.db.read((db) => db.prepare<{ n: number }>("SELECT count(*) AS n FROM export_jobs WHERE state IN ('queued', 'running')").get()!.n);
  }

  /**
   * Takes the oldest job that is waiting, or running under another owner's lease that ran out or
   * whose owner is gone, for `owner` until `leaseMs` from now; with the request to make it from.
   */
  claimNext(owner: string, leaseMs: number, ownerAlive: (owner: string) => boolean, at = new Date()): { job: ExportJob; request: ExportJobRequest } | undefined {
    const iso = at.toISOString();
    return this.db.write((db) => {
      const rows = db
        .prepare<{ id: string; state: ExportJobState; lease_owner: string | null; lease_until: string | null }>(
          "SELECT id, state, lease_owner, lease_until FROM export_jobs WHERE state IN ('queued', 'running') ORDER BY created_at, id LIMIT 200",
        )
        .all();
      // A job this owner already works on stays its own, however late its lease: it is being made.
      const row = rows.find((r) => r.state === 'queued' || (r.lease_owner !== owner && (!r.lease_owner || (r.lease_until ?? '') < iso || !ownerAlive(r.lease_owner))));
      if (!row) return undefined;
      db.prepare("UPDATE export_jobs SET state = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1, started_at = ?, updated_at = ? WHERE id = ?").run(
        owner, new Date(at.getTime() + leaseMs).toISOString(), iso, iso, row.id,
      );
      const request = JSON.parse(db.prepare<{ request: string }>('SELECT request FROM export_jobs WHERE id = ?').get(row.id)!.request) as ExportJobRequest;
      return { job: this.load(row.id), request };
    });
  }

  /** Keeps the job for `owner` a while longer; false when it is no longer theirs. */
  extend(id: string, owner: string, leaseMs: number): boolean {
    const until = new Date(Date.now() + leaseMs).toISOString();
    return this.db.write((db) => db.prepare("UPDATE export_jobs SET lease_until = ? WHERE id = ? AND lease_owner = ? AND state = 'running'").run(until, id, owner).changes) === 1;
  }

  /** Stores the finished file; false (and nothing written) when another owner has the job now. */
  finish(id: string, owner: string, file: ExportFile): boolean {
    const at = now();
    return (
      this.db.write((db) =>
        db
          .prepare(
            `UPDATE export_jobs SET state = 'done', file_name = ?, mime = ?, bytes = ?, pages = ?, warnings = ?, error = NULL,
             lease_owner = NULL, lease_until = NULL, request = '{}', finished_at = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND state = 'running'`,
          )
          .run(file.name, file.mime, file.bytes, file.pages, JSON.stringify(file.warnings), at, at, id, owner).changes,
      ) === 1
    );
  }

  /** Records why the job cannot be done; false when another owner has it now. */
  fail(id: string, owner: string, message: string): boolean {
    const at = now();
    return (
      this.db.write((db) =>
        db
          .prepare("UPDATE export_jobs SET state = 'failed', error = ?, lease_owner = NULL, lease_until = NULL, request = '{}', finished_at = ?, updated_at = ? WHERE id = ? AND lease_owner = ? AND state = 'running'")
          .run(message, at, at, id, owner).changes,
      ) === 1
    );
  }

  /** Gives a job back to the queue untouched, for a server that stops before it is done. */
  release(id: string, owner: string): void {
    this.db.write((db) =>
      db.prepare("UPDATE export_jobs SET state = 'queued', lease_owner = NULL, lease_until = NULL, attempts = max(0, attempts - 1) WHERE id = ? AND lease_owner = ? AND state = 'running'").run(id, owner),
    );
  }

  file(id: string): ExportFile {
    const row = this.db.read((db) =>
      db.prepare<{ state: ExportJobState; file_name: string | null; mime: string | null; bytes: Uint8Array | null; pages: number | null; warnings: string | null }>(
        'SELECT state, file_name, mime, bytes, pages, warnings FROM export_jobs WHERE id = ?',
      ).get(id),
    );
    if (!row || row.state !== 'done' || !row.bytes || !row.file_name || !row.mime) throw new NotFoundError('export file', id);
    return { name: row.file_name, mime: row.mime, bytes: row.bytes, pages: row.pages ?? 0, warnings: JSON.parse(row.warnings ?? '[]') as string[] };
  }

  /** Deletes a job and its file; a job being worked on is left alone (false). */
  delete(id: string): boolean {
    this.get(id);
    return this.db.write((db) => db.prepare("DELETE FROM export_jobs WHERE id = ? AND state != 'running'").run(id).changes) === 1;
  }

  /** Deletes finished jobs older than `before`; returns how many went. */
  prune(before: Date): number {
    return this.db.write((db) => db.prepare("DELETE FROM export_jobs WHERE state IN ('done', 'failed') AND finished_at < ?").run(before.toISOString()).changes);
  }

  /** How many jobs are in each state: for the server's health and metrics. */
  countByState(): Partial<Record<ExportJobState, number>> {
    const rows = this.db.read((db) => db.prepare<{ state: ExportJobState; n: number }>('SELECT state, count(*) AS n FROM export_jobs GROUP BY state').all());
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  private load(id: string): ExportJob {
    const row = this.db.read((db) => db.prepare<Row>(`SELECT ${COLUMNS} FROM export_jobs WHERE id = ?`).get(id));
    if (!row) throw new NotFoundError('export', id);
    return {
      id: row.id,
      state: row.state,
      format: row.format,
      ...(row.project_id ? { projectId: row.project_id } : {}),
      attempts: row.attempts,
      ...(row.error ? { error: row.error } : {}),
      ...(row.state === 'done' && row.file_name && row.mime
        ? { file: { name: row.file_name, mime: row.mime, size: row.size ?? 0, pages: row.pages ?? 0, warnings: JSON.parse(row.warnings ?? '[]') as string[] } }
        : {}),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      ...(row.started_at ? { startedAt: row.started_at } : {}),
      ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
    };
  }
}
