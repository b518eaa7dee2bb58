import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { Database } from './database.js';
import { loadMigrations, migrate, MigrationMismatchError } from './migrator.js';

describe.each(BACKENDS)('migrations on %s', (backend) => {
  let dir: string;
  let testDatabase: TestDatabase | undefined;
  let database: Database;

  beforeAll(async () => {
    testDatabase = backend === 'postgres' ? await createTestDatabase() : undefined;
    database = await Database.open({ url: testDatabase?.url, pgliteDir: 'memory://' });
  });
  afterAll(async () => {
    await database.close();
    await testDatabase?.drop();
  });
  beforeEach(async () => {
    await database.sql`DROP TABLE IF EXISTS schema_migrations, first, second`;
    dir = await mkdtemp(join(tmpdir(), 'cw-migrations-'));
    await writeFile(join(dir, '0001_first.sql'), 'CREATE TABLE first (id int);');
    await writeFile(join(dir, '0002_second.sql'), 'CREATE TABLE second (id int);');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('applies pending migrations once, recording each with its checksum', async () => {
    expect(await migrate(database.sql, await loadMigrations(`${dir}/`))).toEqual(['0001', '0002']);
    expect(await migrate(database.sql, await loadMigrations(`${dir}/`))).toEqual([]);
    const rows = await database.sql<{ version: string; checksum: string }[]>`
      SELECT version, checksum FROM schema_migrations ORDER BY version`;
    expect(rows.map((row) => row.version)).toEqual(['0001', '0002']);
    for (const row of rows) expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to go on when an applied migration was edited, naming the file', async () => {
    await migrate(database.sql, await loadMigrations(`${dir}/`));
    await writeFile(join(dir, '0001_first.sql'), 'CREATE TABLE first (id bigint);');
    const refusal = await migrate(database.sql, await loadMigrations(`${dir}/`)).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(MigrationMismatchError);
    expect((refusal as Error).message).toMatch(/^Migration 0001_first\.sql was changed after it was applied/);
  });

  it('refuses a database migrated by a newer version', async () => {
    await migrate(database.sql, await loadMigrations(`${dir}/`));
    await database.sql`INSERT INTO schema_migrations (version, name, checksum) VALUES ('0003', 'third', 'x')`;
    await expect(migrate(database.sql, await loadMigrations(`${dir}/`))).rejects.toThrow(
      /migration 0003_third\.sql, which this version of the server does not have/,
    );
  });

  it('records the checksums of migrations applied before they were kept', async () => {
    await migrate(database.sql, await loadMigrations(`${dir}/`));
    await database.sql`UPDATE schema_migrations SET checksum = NULL`;
    expect(await migrate(database.sql, await loadMigrations(`${dir}/`))).toEqual([]);
    const [row] = await database.sql<{ missing: number }[]>`
      SELECT count(*) AS missing FROM schema_migrations WHERE checksum IS NULL`;
    expect(row!.missing).toBe(0);
  });
});
