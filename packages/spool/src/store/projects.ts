import { parseDocument } from '../model/schema.js';
import { parseDeck } from '../model/deck-schema.js';
import type { StoreDatabase } from './database.js';
import { ConflictError, NotFoundError } from './errors.js';
import { newId, now } from './ids.js';
import type { NewProject, Project, ProjectChanges, ProjectSummary } from './types.js';

interface ProjectRow {
  id: string;
  name: string;
  document: string;
  deck: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

interface SummaryRow {
  id: string;
  name: string;
  updated_at: string;
  slides: number | null;
  title: string | null;
}

/** Projects: each one a document and the deck made from it, saved whole with a revision counter. */
export class ProjectTable {
  constructor(private readonly db: StoreDatabase) {}

  /** Newest first. The counts come from SQLite's JSON functions, so listing never parses whole decks. */
  list(): ProjectSummary[] {
    const rows = this.db.read((db) =>
      db
        .prepare<SummaryRow>(
          `SELECT id, name, updated_at,
                  json_array_length(deck, '$.slides') AS slides,
                  coalesce(json_extract(deck, '$.title'), json_extract(document, '$.title')) AS title
           FROM projects ORDER BY updated_at DESC, id`,
        )
        .all(),
    );
    return rows.map((r) => ({ id: r.id, name: r.name, updatedAt: r.updated_at, slides: r.slides ?? 0, title: r.title ?? r.name }));
  }

  count(): number {
    return this.db.read((db) => db.prepare<{ n: number }>('SELECT count(*) AS n FROM projects').get()!.n);
  }

  /** Loads through the validating doors, so a damaged or hand-edited row fails with the place. */
  get(id: string): Project {
    const row = this.db.read((db) => db.prepare<ProjectRow>('SELECT * FROM projects WHERE id = ?').get(id));
    if (!row) throw new NotFoundError('project', id);
    return fromRow(row);
  }

  create(input: NewProject): Project {
    const id = newId('prj');
    const at = now();
    this.db.write((db) =>
      db
        .prepare('INSERT INTO projects (id, name, document, deck, created_at, updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, 1)')
        .run(id, input.name, JSON.stringify(input.document), JSON.stringify(input.deck), at, at),
    );
    return this.get(id);
  }

  /**
   * Applies the changes and bumps the revision. With `expectedRevision`, the save only happens if
   * nobody saved in between; the check and the write are one statement, so two tabs cannot both win.
   */
  update(id: string, changes: ProjectChanges, expectedRevision?: number): Project {
    this.db.write((db) => {
      const row = db.prepare<{ revision: number }>('SELECT revision FROM projects WHERE id = ?').get(id);
      if (!row) throw new NotFoundError('project', id);
      if (expectedRevision !== undefined && row.revision !== expectedRevision) {
        throw new ConflictError('project', id, expectedRevision, row.revision);
      }
      db.prepare(
        `UPDATE projects SET
           name = coalesce(?, name), document = coalesce(?, document), deck = coalesce(?, deck),
           updated_at = ?, revision = revision + 1
         WHERE id = ? AND revision = ?`,
      ).run(
        changes.name ?? null,
        changes.document ? JSON.stringify(changes.document) : null,
        changes.deck ? JSON.stringify(changes.deck) : null,
        now(),
        id,
        row.revision,
      );
    });
    return this.get(id);
  }

  delete(id: string): void {
    const { changes } = this.db.write((db) => db.prepare('DELETE FROM projects WHERE id = ?').run(id));
    if (changes === 0) throw new NotFoundError('project', id);
  }

  /** A copy with a new id and revision 1, named `<name> (copy)` unless a name is given. */
  duplicate(id: string, name?: string): Project {
    const source = this.get(id);
    return this.create({ name: name ?? `${source.name} (copy)`, document: source.document, deck: source.deck });
  }
}

function fromRow(row: ProjectRow): Project {
  const where = `project ${row.id}`;
  return {
    id: row.id,
    name: row.name,
    document: parseDocument(JSON.parse(row.document), `${where} document`),
    deck: parseDeck(JSON.parse(row.deck), `${where} deck`),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}
