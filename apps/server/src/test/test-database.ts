import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * A throwaway database for one test file. With TEST_DATABASE_URL set it creates a fresh
 * database on that server (and drops it afterwards); otherwise the app uses in-memory PGlite.
 */
export interface TestDatabase {
  /** Passed to the app as DATABASE_URL; undefined means embedded PGlite in memory. */
  url: string | undefined;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return { url: undefined, drop: async () => undefined };
  const name = `cw_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Which backends the integration suite runs on: PGlite always, Postgres when configured. */
export const BACKENDS = process.env.TEST_DATABASE_URL
  ? (['pglite', 'postgres'] as const)
  : (['pglite'] as const);

export type Backend = (typeof BACKENDS)[number];
