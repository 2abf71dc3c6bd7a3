import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The client lives in client/; its build goes to dist/client, which the server serves.
 * In development the client talks to the game server on its own port (see client/src/net/endpoint.ts).
 */
export default defineConfig(({ mode }) => ({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: mode === 'e2e' ? '../dist/e2e-client' : '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: mode !== 'production',
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
}));
