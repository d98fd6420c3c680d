import type { Design } from '../design/types.js';
import { parseDesign } from '../model/deck-schema.js';
import { AssetTable } from './assets.js';
import { parseStoredBrandKit, type StoredBrandKit } from './brand-kit.js';
import { StoreDatabase, resolveDataDir } from './database.js';
import { NamedTable } from './named-records.js';
import { ProjectTable } from './projects.js';
import { AccountTable } from './accounts.js';
import { PublishJobTable } from './publish-jobs.js';
import { ExportJobTable } from './export-jobs.js';
import { OAuthFlowTable } from './oauth-flows.js';
import { SecretBox } from '../deliver/secrets.js';

const DEFAULT_BRAND_KIT = 'default-brand-kit';

export interface StoreOptions {
  /** Folder holding spool.db; default SPOOL_DATA_DIR or ~/.spool. */
  dataDir?: string;
  /** Where `SPOOL_SECRET_KEY` is read from; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Everything a user makes, in one SQLite file: projects, brand kits, presets and uploaded assets.
 * Opening creates the folder and file if needed and migrates the schema; a folder that cannot be
 * written fails here with a StorageError rather than on the first save.
 */
export class Store {
  readonly dataDir: string;
  readonly file: string;
  readonly projects: ProjectTable;
  readonly brandKits: NamedTable<StoredBrandKit>;
  readonly presets: NamedTable<Design>;
  readonly assets: AssetTable;
  /** Connected publishing accounts, their tokens sealed with the store's secret key. */
  readonly accounts: AccountTable;
  readonly publishJobs: PublishJobTable;
  /** Exports asked for through the queue, and their files once made. */
  readonly exportJobs: ExportJobTable;
  readonly oauthFlows: OAuthFlowTable;
  private readonly db: StoreDatabase;
  private secretBox?: SecretBox;

  constructor(options: StoreOptions = {}) {
    this.dataDir = resolveDataDir(options.dataDir);
    this.db = new StoreDatabase(this.dataDir);
    this.file = this.db.file;
    this.projects = new ProjectTable(this.db);
    this.brandKits = new NamedTable(this.db, { table: 'brand_kits', column: 'kit', prefix: 'kit', what: 'brand kit', parse: parseStoredBrandKit });
    this.presets = new NamedTable(this.db, { table: 'presets', column: 'design', prefix: 'pst', what: 'preset', parse: parseDesign });
    this.assets = new AssetTable(this.db);
    const env = options.env ?? process.env;
    // The key is read (or made) only when a token is first sealed or opened.
    const secrets = () => (this.secretBox ??= SecretBox.open(this.dataDir, env));
    this.accounts = new AccountTable(this.db, secrets);
    this.oauthFlows = new OAuthFlowTable(this.db, secrets);
    this.publishJobs = new PublishJobTable(this.db);
    this.exportJobs = new ExportJobTable(this.db);
  }

  static open(options: StoreOptions = {}): Store {
    return new Store(options);
  }

  /** True until the starter content has been written once; deleting it later does not bring it back. */
  needsStarterContent(): boolean {
    return this.getMeta('starter') === undefined;
  }

  /** Runs the writes of `fn` as one transaction and records that the starter content exists. */
  writeStarterContent(fn: () => void): void {
    this.db.write((db) => {
      fn();
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('starter', ?)").run(new Date().toISOString());
    });
  }

  /** The brand profile new projects start with, if one is marked. */
  defaultBrandKit(): string | undefined {
    const id = this.getMeta(DEFAULT_BRAND_KIT);
    return id !== undefined && this.brandKits.has(id) ? id : undefined;
  }

  /** Marks a brand profile as the one new projects start with, or (undefined) none. */
  setDefaultBrandKit(id: string | undefined): void {
    this.db.write((db) => {
      if (id === undefined) db.prepare('DELETE FROM meta WHERE key = ?').run(DEFAULT_BRAND_KIT);
      else db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(DEFAULT_BRAND_KIT, id);
    });
  }

  getMeta(key: string): string | undefined {
    return this.db.read((db) => db.prepare<{ value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value);
  }

  /** SQLite's integrity check: `ok` when the file is sound. */
  integrityCheck(): string {
    return this.db.integrityCheck();
  }

  /** Writes a consistent copy of the whole database to `file` while the store stays usable. */
  backup(file: string): Promise<void> {
    return this.db.backup(file);
  }

  get isOpen(): boolean {
    return this.db.isOpen;
  }

  close(): void {
    this.db.close();
  }
}
