import type { SecretBox } from '../deliver/secrets.js';
import type { PlatformName } from '../deliver/platform-http.js';
import type { StoreDatabase } from './database.js';
import { now } from './ids.js';

export interface OAuthFlow {
  state: string;
  platform: PlatformName;
  brandKitId?: string;
  redirectUri: string;
  clientId: string;
  clientSecret: string;
}

interface FlowRow {
  state: string;
  platform: PlatformName;
  brand_kit_id: string | null;
  redirect_uri: string;
  secret: string;
  created_at: string;
}

/** Sign-ins under way: each state is used once, and the app's secret is sealed like a token. */
export class OAuthFlowTable {
  constructor(
    private readonly db: StoreDatabase,
    private readonly secrets: () => SecretBox,
  ) {}

  start(flow: OAuthFlow): void {
    const sealed = this.secrets().seal(JSON.stringify({ clientId: flow.clientId, clientSecret: flow.clientSecret }), `oauth:${flow.state}`);
    this.db.write((db) =>
      db.prepare('INSERT INTO oauth_flows (state, platform, brand_kit_id, redirect_uri, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        flow.state, flow.platform, flow.brandKitId ?? null, flow.redirectUri, sealed, now(),
      ),
    );
  }

  /** The flow for `state`, removed so it cannot be used again; none if unknown or older than `maxAgeMs`. */
  take(state: string, maxAgeMs: number): OAuthFlow | undefined {
    const row = this.db.write((db) => {
      const found = db.prepare<FlowRow>('SELECT * FROM oauth_flows WHERE state = ?').get(state);
      db.prepare('DELETE FROM oauth_flows WHERE state = ? OR created_at < ?').run(state, new Date(Date.now() - maxAgeMs).toISOString());
      return found;
    });
    if (!row || Date.parse(row.created_at) < Date.now() - maxAgeMs) return undefined;
    const app = JSON.parse(this.secrets().open(row.secret, `oauth:${row.state}`)) as { clientId: string; clientSecret: string };
    return { state: row.state, platform: row.platform, ...(row.brand_kit_id ? { brandKitId: row.brand_kit_id } : {}), redirectUri: row.redirect_uri, ...app };
  }
}
