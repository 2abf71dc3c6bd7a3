import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { uiReadings } from './scripts/build/uiReadings.ts';

/**
 * The client lives in client/; its build goes to dist/client, which the server serves.
 * In development the client talks to the game server on its own port (see client/src/net/endpoint.ts).
 */
export default defineConfig(({ mode }) => ({
  root: 'client',
  plugins: [
    react(),
    uiReadings(),
    // Brotli and gzip copies of every text asset, made once at build time at the highest settings (the
    // server sends them as they are, spending no CPU per request); fonts and images are compressed already.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: mode === 'e2e' ? '../dist/e2e-client' : '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: mode !== 'production',
    // The test build also carries the bare three.js page `npm run bench:fps` compares the hall with.
    rollupOptions:
      mode === 'e2e'
        ? {
            input: {
              main: fileURLToPath(new URL('./client/index.html', import.meta.url)),
              baseline: fileURLToPath(new URL('./client/bench/baseline.html', import.meta.url)),
            },
          }
        : undefined,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
}));
