import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** The API server during development; the built app is served by the server itself. */
const API_TARGET = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: API_TARGET },
      '/collab': { target: API_TARGET, ws: true },
      '/events': { target: API_TARGET, ws: true },
    },
  },
  // No source maps: the server would hand the app's original source to anyone (docs/architecture.md).
  build: { outDir: 'dist', sourcemap: false },
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'node' },
});
