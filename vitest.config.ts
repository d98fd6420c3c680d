import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Rendering tests are CPU-bound; two workers match the machines we run on.
    maxWorkers: 2,
  },
});
