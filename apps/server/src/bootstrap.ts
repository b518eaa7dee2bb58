import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { buildApiDocument } from './common/api-document.js';
import { PrefixWsAdapter } from './common/prefix-ws.adapter.js';
import { OriginPolicy } from './common/origin-policy.js';
import { AppLogger } from './logging/app-logger.js';
import { serveWebApp } from './web-app/serve-web-app.js';
import type { AppConfig } from './config/config.js';
import { httpMetricsMiddleware, MetricsService } from './modules/metrics/index.js';

/** Builds and starts the app on `config.port` (0 picks a free port); returns it and its address. */
export async function startApp(config: AppConfig) {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    bodyParser: false,
    bufferLogs: true,
    // A failed start (the database refused, a migration mismatch) is the caller's to report,
    // once: Nest would print it first with its own logger.
    abortOnError: false,
    logger: false,
  });
  app.useLogger(new AppLogger(app.get(Logger)));
  const metrics = app.get(MetricsService);
  app.use(httpMetricsMiddleware(metrics));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Bodies over 1 MiB are refused with 413 before they are parsed.
  app.useBodyParser('json', { limit: '1mb', strict: true });
  const isHttps = config.publicUrl.startsWith('https:');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          // Over plain HTTP (a VM, a LAN address, a workshop laptop) the upgrade would send the
          // browser to an https:// that nothing serves, and the page would stay blank.
          'upgrade-insecure-requests': isHttps ? [] : null,
        },
      },
      strictTransportSecurity: isHttps ? { maxAge: 31_536_000 } : false,
    }),
  );
  const origins = app.get(OriginPolicy);
  // Pages on ALLOWED_ORIGINS (and PUBLIC_URL, when the app is opened elsewhere) may call the API
  // with the session cookie; same-origin pages need no CORS at all.
  app.enableCors({
    origin: (origin, callback) => callback(null, origin !== undefined && origins.allowsCrossOrigin(origin)),
    credentials: true,
    allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: ['Retry-After', 'X-Request-Id', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  serveWebApp(app, config.webDist);
  const wsAdapter = new PrefixWsAdapter(app);
  app.useWebSocketAdapter(wsAdapter);
  metrics.countSocketsWith(() => wsAdapter.openSockets());
  // Exit 0 once the shutdown hooks have drained everything (re-raising the signal would not).
  app.enableShutdownHooks([], { useProcessExit: true });

  SwaggerModule.setup('api/docs', app, buildApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });

  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return { app, port, url: `http://127.0.0.1:${port}` };
}
