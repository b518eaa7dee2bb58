import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Queryable, Sql } from './database.js';

/** Migration files live in `apps/server/migrations/NNNN_name.sql` (same depth from src/ and dist/), applied in name order. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export interface Migration {
  version: string;
  name: string;
  sql: string;
  /** SHA-256 of the SQL, recorded when it is applied and compared at every start. */
  checksum: string;
}

/**
 * The database and the migration files disagree: an applied migration's file was edited, or the
 * database was migrated by a newer version of the server. Starting would build on a schema that
 * is not the one the code expects.
 */
export class MigrationMismatchError extends Error {}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(new URL(file, `file://${dir}`), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}

/** Every applied migration must still be the file it was; one recorded before checksums gets its own now. */
async function verifyApplied(
  tx: Queryable,
  applied: Array<{ version: string; name: string; checksum: string | null }>,
  migrations: Migration[],
): Promise<void> {
  const byVersion = new Map(migrations.map((migration) => [migration.version, migration]));
  for (const row of applied) {
    const migration = byVersion.get(row.version);
    const file = `${row.version}_${row.name}.sql`;
    if (!migration) {
      throw new MigrationMismatchError(
        `The database has migration ${file}, which this version of the server does not have: a newer version migrated it. Run that version, or restore a backup taken before it.`,
      );
    }
    if (row.checksum === null) {
      await tx`UPDATE schema_migrations SET checksum = ${migration.checksum} WHERE version = ${row.version}`;
    } else if (row.checksum !== migration.checksum) {
      throw new MigrationMismatchError(
        `Migration ${file} was changed after it was applied to this database. Applied migrations are never edited: restore the file as it was and put the change in a new migration.`,
      );
    }
  }
}

/**
 * Checks the applied migrations against their files, then applies every pending one in one
 * transaction and records each in `schema_migrations` with its checksum. An advisory lock keeps
 * two instances starting together from applying the same migration. Returns the versions
 * applied now.
 */
export async function migrate(sql: Sql, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(7358204611)`;
    await tx`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    text PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`;
    await tx`ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text`;
    const applied = await tx<{ version: string; name: string; checksum: string | null }[]>`
      SELECT version, name, checksum FROM schema_migrations ORDER BY version`;
    await verifyApplied(tx, applied, all);
    const done = new Set(applied.map((row) => row.version));
    const pending = all.filter((migration) => !done.has(migration.version));
    for (const migration of pending) {
      await tx.unsafe(migration.sql);
      await tx`
        INSERT INTO schema_migrations (version, name, checksum)
        VALUES (${migration.version}, ${migration.name}, ${migration.checksum})`;
    }
    return pending.map((migration) => migration.version);
  });
}
