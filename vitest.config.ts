import { defineConfig } from 'vitest/config';
import { SPOOL_ENTRIES } from './packages/studio/spool-entries.js';

export default defineConfig({
  // Studio sources import the library by its public entries; tests read them from source too.
  resolve: { alias: SPOOL_ENTRIES },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    setupFiles: ['packages/spool/test/setup/fast-check.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Rendering tests are CPU-bound; two workers match the machines we run on.
    maxWorkers: 2,
  },
});
