import type { ServerResponse } from 'node:http';
import react from '@vitejs/plugin-react';
import type { Plugin, ProxyOptions } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { API_CACHE } from './src/app/offline-cache';

/** The API server during development (`PORT`, as the server reads it); the built app is served by the server itself. */
const API_TARGET = `http://localhost:${process.env.PORT ?? '3000'}`;
/** Where the development server listens (`DEV_WEB_PORT`); a port given explicitly must be free. */
const DEV_WEB_PORT = process.env.DEV_WEB_PORT;

/** How long a request waits for a server that is (re)starting before it is let through to fail. */
const API_START_WAIT_MS = 120_000;

let isApiUp = false;

async function apiAnswers(): Promise<boolean> {
  try {
    return (await fetch(`${API_TARGET}/api/health`)).ok;
  } catch {
    return false;
  }
}

/** Resolves once the API server answers, or when the wait is over. */
async function untilApiIsUp(): Promise<void> {
  const deadline = Date.now() + API_START_WAIT_MS;
  while (!(isApiUp = await apiAnswers()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * In development the server compiles, starts and restarts after every change beside this page:
 * API requests made meanwhile wait for it instead of failing, so the page loads once the
 * server is up rather than showing an error.
 */
function waitForApiServer(): Plugin {
  let waiting: Promise<void> | undefined;
  return {
    name: 'wait-for-api-server',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (isApiUp || !request.url?.startsWith('/api/')) return next();
        waiting ??= untilApiIsUp().finally(() => (waiting = undefined));
        void waiting.then(() => next());
      });
    },
  };
}

/** A request the restarting server dropped is answered as the server answers when it is away. */
const apiProxy: ProxyOptions = {
  target: API_TARGET,
  configure: (proxy) =>
    proxy.on('error', (_error, _request, response) => {
      isApiUp = false;
      const http = response as ServerResponse;
      if (typeof http.writeHead !== 'function' || http.headersSent) return;
      http.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
      http.end(JSON.stringify({ statusCode: 503, code: 'UNAVAILABLE', message: 'The server is restarting' }));
    }),
};

/**
 * The service worker (`sw.js`): the built app's files kept ahead of time, every client-side route
 * answered with the kept `index.html`, and the API's answers kept as they pass (`API_CACHE`),
 * so a page the member had open comes back while the server is away. Registered by the app
 * itself (`registerServiceWorker`), in production builds only; no web app manifest.
 */
const serviceWorker = VitePWA({
  injectRegister: null,
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,woff2}'],
    // The Arabic and Chinese fonts (several MB in slices) are kept as a reader's pages use them,
    // not fetched ahead for everyone.
    globIgnores: ['**/noto-sans-*.woff2'],
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/(api|collab|events|metrics)(\/|$)/],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    runtimeCaching: [
      {
        urlPattern: ({ url }) => /\/noto-sans-[^/]*\.woff2$/.test(url.pathname),
        handler: 'CacheFirst',
        options: { cacheName: 'cw-fonts' },
      },
      {
        // Serialised into the worker: it may use nothing from this file. Never kept: downloads,
        // and outgoing mail (it may hold other people's reset links).
        urlPattern: ({ url, request }) =>
          request.method === 'GET' &&
          url.origin === self.location.origin &&
          url.pathname.startsWith('/api/') &&
          !/^\/api\/(docs|health|mail)|\/exports\/|\/csv$/.test(url.pathname),
        handler: 'NetworkFirst',
        options: { cacheName: API_CACHE },
      },
    ],
  },
});

export default defineConfig({
  // Each built file also as `.br` and `.gz`, compressed once at the best level; the server sends
  // the one the browser accepts.
  plugins: [
    react(),
    waitForApiServer(),
    serviceWorker,
    compression({ algorithms: ['brotliCompress', 'gzip'] }),
  ],
  server: {
    ...(DEV_WEB_PORT ? { port: Number(DEV_WEB_PORT), strictPort: true } : {}),
    proxy: {
      '/api': apiProxy,
      '/collab': { target: API_TARGET, ws: true },
      '/events': { target: API_TARGET, ws: true },
    },
  },
  // No source maps: the server would hand the app's original source to anyone (docs/architecture.md).
  // The manifest (not served: the server skips dot folders) maps each page to its chunks for the
  // size budgets in build-checks/.
  build: { outDir: 'dist', sourcemap: false, manifest: true },
  test: { include: ['src/**/*.test.{ts,tsx}', 'build-checks/**/*.test.ts'], environment: 'node' },
});
