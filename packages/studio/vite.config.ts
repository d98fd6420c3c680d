import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { SPOOL_ENTRIES } from './spool-entries.js';

// The studio imports the library's public entries (spool/core, spool/api), resolved to packages/spool/src:
// the preview is laid out and painted by exactly the code the export uses, with no second copy to drift.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  resolve: { alias: SPOOL_ENTRIES },
  server: {
    // `npm run dev` here, `spool serve` alongside: the API stays on its own port.
    proxy: { '/api': process.env.SPOOL_API ?? 'http://127.0.0.1:4321' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The bundled fonts' metrics and the core are one large chunk by nature; it loads once and is cached.
    chunkSizeWarningLimit: 2500,
    // The server's CSP allows no inline script, and Vite's preload polyfill would be one more request.
    modulePreload: { polyfill: false },
  },
});
