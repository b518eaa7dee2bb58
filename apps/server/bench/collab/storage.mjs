import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

/**
 * B-tree leaf entries per stored update: the primary key on `id` (8 B tuple header + 8 B key +
 * 4 B line pointer) and `(consultation_id, id)` (8 + 16 + 8 + 4).
 */
const INDEX_BYTES_PER_ROW = 20 + 36;
/** Line pointer of each heap tuple, not counted by pg_column_size. */
const LINE_POINTER_BYTES = 4;

async function query(target, text, params) {
  if (target.databaseUrl) {
    const sql = postgres(target.databaseUrl, { max: 1, onnotice: () => undefined });
    try {
      return await sql.unsafe(text, params);
    } finally {
      await sql.end();
    }
  }
  const db = await PGlite.create(join(target.dataDir, 'pglite'));
  try {
    return (await db.query(text, params)).rows;
  } finally {
    await db.close();
  }
}

/**
 * Reads, after our server has stopped, how a paper's edits are stored: the rows of the update log
 * (written since the last compaction) and the snapshot each compaction rewrites.
 */
export async function readStorage(target, logConsultationId, snapshotConsultationIds) {
  const [log] = await query(
    target,
    `SELECT count(*)::int AS rows,
            coalesce(avg(octet_length(data)), 0)::float8 AS update_bytes,
            coalesce(avg(pg_column_size(u.*)), 0)::float8 AS row_bytes
     FROM paper_updates u WHERE consultation_id = $1`,
    [logConsultationId],
  );
  const snapshots = await query(
    target,
    `SELECT consultation_id::text AS id, octet_length(data)::int AS bytes
     FROM paper_snapshots WHERE consultation_id = ANY($1::uuid[])`,
    [snapshotConsultationIds],
  );
  return {
    rows: log.rows,
    updateBytes: log.update_bytes,
    rowBytes: log.row_bytes + LINE_POINTER_BYTES + INDEX_BYTES_PER_ROW,
    snapshotBytes: Object.fromEntries(snapshots.map((row) => [row.id, row.bytes])),
  };
}
