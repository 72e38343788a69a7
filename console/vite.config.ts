// The operations console (运营中台): React + antd + ProComponents, built by Vite.
// `npm start` runs the dev server on :10087; `vite build` writes console/dist (a manifest beside
// it tells the build test and the bench which files the sign-in page loads first).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const CONSOLE_PORT = 10087;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // `npm start` prefixes these logs with [console]: a redrawn screen would wipe the others.
  clearScreen: false,
  define: {
    API_BASE_URL: JSON.stringify(process.env.JINLIN_API_URL || 'http://127.0.0.1:3000'),
    // 'local' adds the local stage's demo aids (the 「获取本地演示口令」 link); none elsewhere.
    STAGE: JSON.stringify(process.env.JINLIN_STAGE ?? ''),
    // How long a request may take before the console says the network failed: 15 s for people;
    // the test suite's builds wait longer (test/support/console-build.ts).
    API_TIMEOUT_MS: JSON.stringify(Number(process.env.JINLIN_API_TIMEOUT_MS) || 15_000),
  },
  resolve: {
    // The contract is imported with `import type` only (erased), like the mini-program does.
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { host: '127.0.0.1', port: CONSOLE_PORT, strictPort: true },
  preview: { host: '127.0.0.1', port: CONSOLE_PORT, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // antd's own chunk is large by design; the build test holds the sign-in page to its budget.
    chunkSizeWarningLimit: 2048,
  },
});
