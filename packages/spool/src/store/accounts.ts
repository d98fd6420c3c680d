import type { SecretBox } from '../deliver/secrets.js';
import type { PlatformName } from '../deliver/platform-http.js';
import type { StoreDatabase } from './database.js';
import { NotFoundError } from './errors.js';
import { newId, now } from './ids.js';

/** What a connected account needs to post; kept sealed in the database, never returned by the API. */
export interface AccountSecret {
  accessToken: string;
  refreshToken?: string;
  /** The user's own app, for refreshing the token. */
  clientId?: string;
  clientSecret?: string;
}

/** A connected LinkedIn member or page, or Instagram professional account, without its token. */
export interface AccountInfo {
  id: string;
  platform: PlatformName;
  /** Who posts: a name or handle to show. */
  name: string;
  /** LinkedIn: the author URN; Instagram: the user id. */
  subject: string;
  /** The brand profile the account posts for; none: any. */
  brandKitId?: string;
  expiresAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewAccount {
  platform: PlatformName;
  name: string;
  subject: string;
  brandKitId?: string;
  expiresAt?: string;
  secret: AccountSecret;
}

interface AccountRow {
  id: string;
  platform: PlatformName;
  name: string;
  subject: string;
  brand_kit_id: string | null;
  secret: string;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Accounts, one per platform, author and brand profile; the token is sealed with the store's key, bound to the row. */
export class AccountTable {
  constructor(
    private readonly db: StoreDatabase,
    private readonly secrets: () => SecretBox,
  ) {}

  list(): AccountInfo[] {
    return this.db.read((db) => db.prepare<AccountRow>('SELECT * FROM accounts ORDER BY platform, name, id').all()).map(info);
  }

  get(id: string): AccountInfo {
    return info(this.row(id));
  }

  /** The account's token and app credentials, unsealed. */
  secret(id: string): AccountSecret {
    const row = this.row(id);
    return JSON.parse(this.secrets().open(row.secret, `account:${row.id}`)) as AccountSecret;
  }

  /** Adds the account, or replaces the token of the one with the same platform, author and brand profile. */
  upsert(input: NewAccount): AccountInfo {
    const at = now();
    return this.db.write((db) => {
      const existing = db
        .prepare<AccountRow>('SELECT * FROM accounts WHERE platform = ? AND subject = ? AND brand_kit_id IS ?')
        .get(input.platform, input.subject, input.brandKitId ?? null);
      const id = existing?.id ?? newId('acc');
      const sealed = this.secrets().seal(JSON.stringify(input.secret), `account:${id}`);
      if (existing) {
        db.prepare('UPDATE accounts SET name = ?, secret = ?, expires_at = ?, updated_at = ? WHERE id = ?').run(input.name, sealed, input.expiresAt ?? null, at, id);
      } else {
        db.prepare('INSERT INTO accounts (id, platform, name, subject, brand_kit_id, secret, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          id, input.platform, input.name, input.subject, input.brandKitId ?? null, sealed, input.expiresAt ?? null, at, at,
        );
      }
      return info(db.prepare<AccountRow>('SELECT * FROM accounts WHERE id = ?').get(id)!);
    });
  }

  delete(id: string): void {
    const changes = this.db.write((db) => db.prepare('DELETE FROM accounts WHERE id = ?').run(id).changes);
    if (changes === 0) throw new NotFoundError('account', id);
  }

  private row(id: string): AccountRow {
    const row = this.db.read((db) => db.prepare<AccountRow>('SELECT * FROM accounts WHERE id = ?').get(id));
    if (!row) throw new NotFoundError('account', id);
    return row;
  }
}

function info(row: AccountRow): AccountInfo {
  return {
    id: row.id,
    platform: row.platform,
    name: row.name,
    subject: row.subject,
    ...(row.brand_kit_id ? { brandKitId: row.brand_kit_id } : {}),
    ...(row.expires_at ? { expiresAt: row.expires_at } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
