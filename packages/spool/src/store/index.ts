export { Store } from './store.js';
export type { StoreOptions } from './store.js';
export { resolveDataDir, DATABASE_FILE } from './database.js';
export { NotFoundError, ConflictError, StorageError } from './errors.js';
export type { StorageProblem } from './errors.js';
export { SCHEMA_VERSION } from './migrations.js';
export { backupDatabase, restoreDatabase, BACKUP_SUFFIX } from './backup.js';
export { storedBrandKitSchema, parseStoredBrandKit, kitFontAssets } from './brand-kit.js';
export type { StoredBrandKit } from './brand-kit.js';
export { ASSET_ID_PATTERN } from './ids.js';
export type { NamedRecord } from './named-records.js';
export type {
  Project, ProjectSummary, NewProject, ProjectChanges, BrandKitRecord, PresetRecord, AssetKind, NewAsset, AssetInfo, Asset,
} from './types.js';
