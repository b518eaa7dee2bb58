import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Paths the server answers itself; everything else is the web app's (client-side routes). */
const SERVER_PATHS = /^\/(api|collab|events|metrics)(\/|$)/;

/**
 * Vite names built assets `<name>-<content hash>.<ext>` (and their compressed copies `.br`,
 * `.gz`): the name changes whenever the content does.
 */
const HASHED_ASSET = /[/\\]assets[/\\][^/\\]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.(br|gz))?$/;

/** A year, and never revalidated: a changed file comes under a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Always asked again (cheaply, by its ETag), so a new version is picked up at the next visit. */
const REVALIDATE = 'no-cache';

/**
 * Delivery of the API's answers and the built web app: JSON compressed on the fly (brotli or
 * gzip, as the browser accepts), the app's files as compressed at build time (`.br`, `.gz`
 * beside each), hashed assets cached for good and everything else revalidated, and
 * `index.html` for every other path so client-side routes load the app.
 */
export function serveWebApp(app: NestExpressApplication, dist: string | undefined): void {
  app.use(compression());
  if (!dist) return;
  app.use(
    expressStaticGzip(dist, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        setHeaders: (response: ServerResponse, path: string) =>
          response.setHeader('Cache-Control', HASHED_ASSET.test(path) ? IMMUTABLE : REVALIDATE),
      },
    }),
  );
  const indexHtml = join(dist, 'index.html');
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || SERVER_PATHS.test(request.path))
      return next();
    response.setHeader('Cache-Control', REVALIDATE);
    response.sendFile(indexHtml, (error) => error && next(error));
  });
}
