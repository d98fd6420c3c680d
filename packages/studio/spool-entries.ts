import { fileURLToPath } from 'node:url';

/** The library's public entries the studio may import, resolved to their sources (for Vite and Vitest). */
export const SPOOL_ENTRIES = [
  { find: /^spool\/core$/, replacement: fileURLToPath(new URL('../spool/src/core.ts', import.meta.url)) },
  { find: /^spool\/api$/, replacement: fileURLToPath(new URL('../spool/src/api-types.ts', import.meta.url)) },
];
