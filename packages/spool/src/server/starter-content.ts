import { existsSync } from 'node:fs';
import path from 'node:path';
import { importSource } from '../sources/import.js';
import { resolveDesign } from '../design/resolve.js';
import { planDeck } from '../plan/plan-deck.js';
import type { FetchGuardOptions } from '../sources/fetch-guard.js';
import type { Store } from '../store/store.js';
import { decodeCarriedMedia, decodeHere, storeDocumentMedia } from './import-media.js';
import { PACKAGE_DIR } from './options.js';

export const SAMPLE_FILE = path.join(PACKAGE_DIR, 'samples', 'spool-sample.json');

const SPOOL_BRAND = { name: 'Spool', handle: 'spoolstudio' };

/**
 * A newcomer's first start opens on a finished carousel: the sample thread (imported like any
 * upload, so its images become assets), the Spool brand kit and one preset. Written once per
 * database, in one transaction; deleting them later does not bring them back.
 */
export async function writeStarterContent(store: Store, fetch: FetchGuardOptions = {}): Promise<boolean> {
  if (!store.needsStarterContent()) return false;
  if (!existsSync(SAMPLE_FILE)) return false;
  const sampleDir = path.dirname(SAMPLE_FILE);
  const imported = await importSource(SAMPLE_FILE);
  // The sample ships with Spool: trusted, so its images are decoded here rather than in a worker.
  const decoded = await decodeCarriedMedia(imported.document, { baseDir: imported.baseDir ?? sampleDir, localRoot: sampleDir }, decodeHere);
  const { document } = await storeDocumentMedia(imported.document, store, { decoded, fetch, decode: decodeHere });
  const design = resolveDesign({ brand: SPOOL_BRAND });
  const deck = planDeck(document, design);
  const preset = resolveDesign({ theme: 'midnight', layout: 'post-card', pattern: { id: 'grid' }, brand: SPOOL_BRAND });
  store.writeStarterContent(() => {
    store.brandKits.create('Spool', { ...SPOOL_BRAND, accent: '#C2410C' });
    store.presets.create('Midnight post cards', preset);
    store.projects.create({ name: document.title ?? 'Sample carousel', document, deck });
  });
  return true;
}
