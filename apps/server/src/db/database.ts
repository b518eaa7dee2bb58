import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import postgres from 'postgres';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { backoffDelay } from '@cw/shared';
import { pgliteSocketPath, removeStalePgliteSockets } from './pglite-socket-path.js';

export type DatabaseKind = 'postgres' | 'pglite';
export type Sql = postgres.Sql;
/** A transaction handle; it is tagged-template compatible with `Sql`. */
export type TransactionSql = postgres.TransactionSql;
/** Either the pool or a transaction: repositories accept both so callers choose the scope. */
export type Queryable = Sql | TransactionSql;

export interface DatabaseOptions {
  /** A Postgres connection string; when absent the embedded PGlite database is used. */
  url?: string | undefined;
  /** Where PGlite keeps its files; `memory://` keeps them in memory (tests). */
  pgliteDir: string;
  /** Largest number of pooled Postgres connections. */
  maxConnections?: number;
}

/**
 * The one database handle of the process. Both backends are reached through postgres.js, so
 * repositories have one code path: for PGlite we serve it over the Postgres wire protocol on a
 * private Unix socket (see docs/architecture.md for why).
 */
export class Database {
  private constructor(
    readonly sql: Sql,
    readonly kind: DatabaseKind,
    private readonly closeBackend: () => Promise<void>,
  ) {}

  static async open(options: DatabaseOptions): Promise<Database> {
    const common: postgres.Options<Record<string, postgres.PostgresType>> = {
      onnotice: () => undefined,
      // count(*) and other int8 results fit in a JS number for our volumes.
      types: {
        bigint: { to: 20, from: [20], serialize: (value: number) => String(value), parse: Number },
      },
      transform: { undefined: null },
      connection: { application_name: 'consultation-workspace' },
      // A database that is down refuses at once; one that is unreachable must not hold a
      // request for postgres.js's default 30 s.
      connect_timeout: 10,
      // Reconnect within a second once the database is back. The default backoff grows with
      // every failed attempt of the whole pool, to 20 s after an outage of a few seconds.
      backoff: (retries: number) => backoffDelay(retries, 0.05, 1),
    };
    if (options.url) {
      const sql = postgres(options.url, { ...common, max: options.maxConnections ?? 10 });
      return new Database(sql, 'postgres', () => sql.end({ timeout: 5 }));
    }
    const inMemory = options.pgliteDir === 'memory://';
    if (!inMemory) await mkdir(options.pgliteDir, { recursive: true });
    const pglite = await PGlite.create(inMemory ? undefined : resolve(options.pgliteDir));
    await removeStalePgliteSockets();
    const socketPath = pgliteSocketPath();
    const server = new PGLiteSocketServer({ db: pglite, path: socketPath });
    await server.start();
    // PGlite runs one query at a time: one connection keeps transactions whole.
    const sql = postgres({ ...common, path: socketPath, max: 1, username: 'postgres', database: 'postgres' });
    return new Database(sql, 'pglite', async () => {
      await sql.end({ timeout: 5 });
      await server.stop();
      await pglite.close();
      await rm(socketPath, { force: true });
    });
  }

  /** Resolves when the database answers a trivial query within `timeoutMs`, rejects otherwise. */
  async ping(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.sql`SELECT 1`.execute(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.closeBackend();
  }
}
