import type { StoreDatabase } from './database.js';
import { NotFoundError } from './errors.js';
import { newId, now } from './ids.js';

/** A saved record as the API shows it; `body` is stored in the column named by the table. */
export interface NamedRecord<T> {
  id: string;
  name: string;
  body: T;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  name: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface NamedTableSpec<T> {
  table: 'brand_kits' | 'presets';
  column: 'kit' | 'design';
  /** Id prefix, e.g. `kit`. */
  prefix: string;
  /** For messages: `brand kit "kit_x" not found`. */
  what: string;
  /** The validating door every load goes through. */
  parse: (json: unknown, where: string) => T;
}

/**
 * Brand kits and presets have the same life: a name and one JSON body, listed by name. Table and
 * column names come from the fixed spec above, never from a request.
 */
export class NamedTable<T> {
  private readonly select: string;

  constructor(
    private readonly db: StoreDatabase,
    private readonly spec: NamedTableSpec<T>,
  ) {
    this.select = `SELECT id, name, ${spec.column} AS body, created_at, updated_at FROM ${spec.table}`;
  }

  list(): NamedRecord<T>[] {
    const rows = this.db.read((db) => db.prepare<Row>(`${this.select} ORDER BY name COLLATE NOCASE, id`).all());
    return rows.map((row) => this.fromRow(row));
  }

  count(): number {
    return this.db.read((db) => db.prepare<{ n: number }>(`SELECT count(*) AS n FROM ${this.spec.table}`).get()!.n);
  }

  has(id: string): boolean {
    return this.db.read((db) => db.prepare(`SELECT 1 FROM ${this.spec.table} WHERE id = ?`).get(id)) !== undefined;
  }

  get(id: string): NamedRecord<T> {
    const row = this.db.read((db) => db.prepare<Row>(`${this.select} WHERE id = ?`).get(id));
    if (!row) throw new NotFoundError(this.spec.what, id);
    return this.fromRow(row);
  }

  create(name: string, body: T): NamedRecord<T> {
    const id = newId(this.spec.prefix);
    const at = now();
    this.db.write((db) =>
      db
        .prepare(`INSERT INTO ${this.spec.table} (id, name, ${this.spec.column}, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
        .run(id, name, JSON.stringify(body), at, at),
    );
    return this.get(id);
  }

  update(id: string, changes: { name?: string; body?: T }): NamedRecord<T> {
    const { changes: n } = this.db.write((db) =>
      db
        .prepare(`UPDATE ${this.spec.table} SET name = coalesce(?, name), ${this.spec.column} = coalesce(?, ${this.spec.column}), updated_at = ? WHERE id = ?`)
        .run(changes.name ?? null, changes.body === undefined ? null : JSON.stringify(changes.body), now(), id),
    );
    if (n === 0) throw new NotFoundError(this.spec.what, id);
    return this.get(id);
  }

  delete(id: string): void {
    const { changes } = this.db.write((db) => db.prepare(`DELETE FROM ${this.spec.table} WHERE id = ?`).run(id));
    if (changes === 0) throw new NotFoundError(this.spec.what, id);
  }

  private fromRow(row: Row): NamedRecord<T> {
    return {
      id: row.id,
      name: row.name,
      body: this.spec.parse(JSON.parse(row.body), `${this.spec.what} ${row.id}`),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
