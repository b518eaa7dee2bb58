/**
 * The service worker's cache of the API's answers: every GET of the app's own data goes to the
 * server first and, while the server cannot be reached, is answered from here, so a page opened
 * again offline shows what it showed last (files to download and outgoing mail are never kept).
 */
export const API_CACHE = 'cw-api';

/**
 * Registers the production build's service worker (`sw.js`, built by vite-plugin-pwa): it keeps
 * the app's files, so the app opens while the server is away, and the API's answers
 * (`API_CACHE`). Browsers allow it only on https or localhost; elsewhere the app works as before,
 * online only.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}

/** Deletes the kept answers: what was shown to one account is not kept for the next. */
export async function forgetKeptAnswers(): Promise<void> {
  if ('caches' in window) await caches.delete(API_CACHE);
}
