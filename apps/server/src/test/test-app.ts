import type { INestApplication } from '@nestjs/common';
import { startApp } from '../bootstrap.js';
import { loadConfig, type AppConfig } from '../config/config.js';
import { Database } from '../db/database.js';
import { type Backend, createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  db: Database;
  /** Stops the server and drops its database. */
  close(): Promise<void>;
}

/**
 * Starts the real server on a free port against a throwaway database of the given backend.
 * `env` overrides settings (e.g. DEMO_MODE). Passwords hash with low memory to keep tests fast.
 */
export async function startTestApp(
  backend: Backend = 'pglite',
  env: Record<string, string> = {},
): Promise<TestApp> {
  let database: TestDatabase = { url: undefined, drop: async () => undefined };
  if (backend === 'postgres') database = await createTestDatabase();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: 'memory://',
    DEMO_MODE: 'false',
    WEB_DIST: '',
    PASSWORD_HASH_MEMORY_KIB: '1024',
    LOGIN_RATE_LIMIT: '1000',
    INVITATION_RATE_LIMIT: '1000',
    LOG_LEVEL: 'silent',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const { app, url } = await startApp(config);
  return {
    app,
    url,
    config,
    db: app.get(Database),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
