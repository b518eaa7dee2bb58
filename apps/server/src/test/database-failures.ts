import type { TestApp } from './test-app.js';

/**
 * A real database failure for one table: every insert into `table` raises until `restore` is
 * called (a trigger, not a mock, so the write fails where production's would).
 */
export async function refuseInserts(testApp: TestApp, table: string): Promise<{ restore(): Promise<void> }> {
  const { sql } = testApp.db;
  const name = sql(`${table}_refused`);
  await sql`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'inserts are refused for this test'; END $$`;
  await sql`CREATE TRIGGER ${name} BEFORE INSERT ON ${sql(table)} FOR EACH ROW EXECUTE FUNCTION ${name}()`;
  return {
    restore: async () => {
      await sql`DROP TRIGGER ${name} ON ${sql(table)}`;
      await sql`DROP FUNCTION ${name}()`;
    },
  };
}
