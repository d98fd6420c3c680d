import type Database from 'better-sqlite3';
import { StorageError } from './errors.js';

/**
 * Versioned schema changes, applied in order on start. `PRAGMA user_version` records the last one
 * applied; each migration and its version bump commit together, so a crash mid-way leaves the
 * previous version intact. Never edit a released migration: add the next one.
 */
interface Migration {
  version: number;
  sql: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        document TEXT NOT NULL,
        deck TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX projects_by_update ON projects (updated_at DESC);

      CREATE TABLE brand_kits (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kit TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE presets (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        design TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE assets (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('image', 'font')),
        mime TEXT NOT NULL,
        name TEXT NOT NULL,
        bytes BLOB NOT NULL,
        width INTEGER,
        height INTEGER,
        created_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    // Uploaded fonts keep the face they are (family, weight, slant), so pickers can name them.
    version: 2,
    sql: `
      ALTER TABLE assets ADD COLUMN font_family TEXT;
      ALTER TABLE assets ADD COLUMN font_weight INTEGER;
      ALTER TABLE assets ADD COLUMN font_italic INTEGER;
    `,
  },
  {
    // Publishing: connected accounts (their tokens sealed), publish jobs that survive a restart, the
    // files each job posts, and the OAuth flows under way.
    version: 3,
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('linkedin', 'instagram')),
        name TEXT NOT NULL,
        subject TEXT NOT NULL,
        brand_kit_id TEXT,
        secret TEXT NOT NULL,
        expires_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (platform, subject, brand_kit_id)
      ) STRICT;

      CREATE TABLE publish_jobs (
        id TEXT PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        platform TEXT NOT NULL CHECK (platform IN ('linkedin', 'instagram')),
        account_id TEXT NOT NULL,
        project_id TEXT,
        title TEXT NOT NULL,
        caption TEXT NOT NULL,
        alt_text TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('scheduled', 'running', 'retrying', 'done', 'failed', 'cancelled')),
        due_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        lease_owner TEXT,
        lease_until TEXT,
        steps TEXT NOT NULL DEFAULT '{}',
        error TEXT,
        post_id TEXT,
        url TEXT,
        media_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        published_at TEXT
      ) STRICT;
      CREATE INDEX publish_jobs_due ON publish_jobs (state, due_at);

      CREATE TABLE publish_files (
        job_id TEXT NOT NULL REFERENCES publish_jobs (id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        name TEXT NOT NULL,
        mime TEXT NOT NULL,
        bytes BLOB NOT NULL,
        PRIMARY KEY (job_id, n)
      ) STRICT;

      CREATE TABLE oauth_flows (
        state TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        brand_kit_id TEXT,
        redirect_uri TEXT NOT NULL,
        secret TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    // Exports asked for through the queue (POST /api/exports): the request until a worker takes it,
    // then the finished file, kept until it is deleted or grows old.
    version: 4,
    sql: `
      CREATE TABLE export_jobs (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        request TEXT NOT NULL,
        project_id TEXT,
        format TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        lease_owner TEXT,
        lease_until TEXT,
        error TEXT,
        file_name TEXT,
        mime TEXT,
        bytes BLOB,
        pages INTEGER,
        warnings TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX export_jobs_queue ON export_jobs (state, created_at);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Brings the database up to SCHEMA_VERSION; returns the version it found (0 for a new file). */
export function migrate(db: Database.Database, file: string): number {
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > SCHEMA_VERSION) {
    throw new StorageError('newer', `${file} was written by a newer Spool (schema ${found}, this one knows ${SCHEMA_VERSION}): update Spool`);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= found) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return found;
}
