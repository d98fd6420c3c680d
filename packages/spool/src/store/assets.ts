import type { StoreDatabase } from './database.js';
import { NotFoundError } from './errors.js';
import { contentId, now } from './ids.js';
import type { Asset, AssetInfo, AssetKind, NewAsset } from './types.js';

interface InfoRow {
  id: string;
  kind: AssetKind;
  mime: string;
  name: string;
  width: number | null;
  height: number | null;
  size: number;
  created_at: string;
  font_family: string | null;
  font_weight: number | null;
  font_italic: number | null;
}

const INFO = 'SELECT id, kind, mime, name, width, height, length(bytes) AS size, created_at, font_family, font_weight, font_italic FROM assets';

/** Uploaded images and fonts, named by a hash of their bytes so the same file is kept once. */
export class AssetTable {
  constructor(private readonly db: StoreDatabase) {}

  /** Stores the bytes unless an asset with the same content exists; either way returns that asset. */
  put(asset: NewAsset): AssetInfo {
    const id = contentId(asset.bytes);
    // One statement: the bytes are kept once, and the same font uploaded before faces were
    // recorded learns its face now.
    this.db.write((db) =>
      db
        .prepare(
          `INSERT INTO assets (id, kind, mime, name, bytes, width, height, created_at, font_family, font_weight, font_italic)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET font_family = excluded.font_family, font_weight = excluded.font_weight, font_italic = excluded.font_italic
           WHERE assets.font_family IS NULL AND excluded.font_family IS NOT NULL`,
        )
        .run(
          id, asset.kind, asset.mime, asset.name, Buffer.from(asset.bytes.buffer, asset.bytes.byteOffset, asset.bytes.byteLength),
          asset.width ?? null, asset.height ?? null, now(),
          asset.font?.family ?? null, asset.font?.weight ?? null, asset.font === undefined ? null : Number(asset.font.italic),
        ),
    );
    return this.info(id);
  }

  /** Every uploaded font, oldest first. */
  fonts(): AssetInfo[] {
    return this.db.read((db) => db.prepare<InfoRow>(`${INFO} WHERE kind = 'font' ORDER BY created_at, id`).all()).map(fromRow);
  }

  info(id: string): AssetInfo {
    const row = this.db.read((db) => db.prepare<InfoRow>(`${INFO} WHERE id = ?`).get(id));
    if (!row) throw new NotFoundError('asset', id);
    return fromRow(row);
  }

  get(id: string): Asset {
    const row = this.db.read((db) => db.prepare<InfoRow & { bytes: Buffer }>(`SELECT *, length(bytes) AS size FROM assets WHERE id = ?`).get(id));
    if (!row) throw new NotFoundError('asset', id);
    return { ...fromRow(row), bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) };
  }

  has(id: string): boolean {
    return this.db.read((db) => db.prepare('SELECT 1 FROM assets WHERE id = ?').get(id)) !== undefined;
  }

  count(): number {
    return this.db.read((db) => db.prepare<{ n: number }>('SELECT count(*) AS n FROM assets').get()!.n);
  }
}

function fromRow(row: InfoRow): AssetInfo {
  const info: AssetInfo = { id: row.id, kind: row.kind, mime: row.mime, name: row.name, size: row.size, createdAt: row.created_at };
  if (row.width !== null) info.width = row.width;
  if (row.height !== null) info.height = row.height;
  if (row.font_family !== null) info.font = { family: row.font_family, weight: row.font_weight ?? 400, italic: row.font_italic === 1 };
  return info;
}
