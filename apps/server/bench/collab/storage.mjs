import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

/**
 * The one B-tree leaf entry per stored update, for the primary key `(consultation_id, id)`:
 * 8 B index tuple header + 16 B uuid + 8 B bigint, and its 4 B line pointer.
 */
const INDEX_BYTES_PER_ROW = 8 + 16 + 8 + 4;
/** Line pointer of each heap tuple, not counted by pg_column_size. */
const LINE_POINTER_BYTES = 4;
/** What each table's WAL is reported as; everything else of the database counts as "other". */
const WAL_PARTS = {
  paper_updates: 'updateLog',
  paper_snapshots: 'snapshots',
  paper_contributions: 'contributions',
};

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

/**
 * Watches, while our server runs on Postgres, what the database writes: the WAL between two
 * points (pg_walinspect, so only this database's records count, split by table), the update ids
 * handed out (edits stored) and the size of the update log table.
 */
export class WalProbe {
  static async open(databaseUrl) {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    await sql`CREATE EXTENSION IF NOT EXISTS pg_walinspect`;
    const [{ oid }] = await sql`SELECT oid::int FROM pg_database WHERE datname = current_database()`;
    const [{ sequence }] = await sql`SELECT pg_get_serial_sequence('paper_updates', 'id') AS sequence`;
    const [{ node }] =
      await sql`SELECT relfilenode::int AS node FROM pg_class WHERE oid = 'paper_snapshots'::regclass`;
    return new WalProbe(sql, oid, sequence, node);
  }

  constructor(sql, databaseOid, sequence, snapshotHeap) {
    this.sql = sql;
    this.databaseOid = databaseOid;
    this.sequence = sequence;
    this.snapshotHeap = snapshotHeap;
  }

  async mark() {
    const [{ lsn }] = await this.sql`SELECT pg_current_wal_flush_lsn()::text AS lsn`;
    const [{ last }] = await this.sql.unsafe(
      `SELECT CASE WHEN is_called THEN last_value ELSE 0 END::float8 AS last FROM ${this.sequence}`,
    );
    const [{ bytes }] = await this.sql`SELECT pg_total_relation_size('paper_updates')::float8 AS bytes`;
    return { lsn, lastUpdateId: last, logTableBytes: bytes };
  }

  /** What the database wrote between two marks, in bytes of WAL per part, and the edits stored. */
  async between(start, end) {
    const relations = await this.sql`
      SELECT c.relfilenode::int AS node, coalesce(owner.relname, base.relname, c.relname) AS name
      FROM pg_class c
      LEFT JOIN pg_index i ON i.indexrelid = c.oid
      LEFT JOIN pg_class base ON base.oid = i.indrelid
      LEFT JOIN pg_class owner ON owner.reltoastrelid IN (c.oid, base.oid)
      WHERE c.relfilenode <> 0`;
    const partOf = new Map(relations.map((r) => [r.node, WAL_PARTS[r.name] ?? 'other']));
    const edits = end.lastUpdateId - start.lastUpdateId;
    const logTableGrowth = end.logTableBytes - start.logTableBytes;
    let records = [];
    try {
      if (start.lsn !== end.lsn)
        records = await this.sql`
          SELECT xid::text AS xid, resource_manager AS manager, record_type AS type,
                 record_length::int AS length, fpi_length::int AS fpi, block_ref AS blocks
          FROM pg_get_wal_records_info(${start.lsn}::pg_lsn, ${end.lsn}::pg_lsn)`;
    } catch (error) {
      // Other activity on the server can recycle the segments before they are read (e.g.
      // "requested WAL segment … has already been removed"): report the window as unmeasured.
      return { edits, logTableGrowth, unmeasured: error.message };
    }
    const parts = { updateLog: 0, snapshots: 0, contributions: 0, other: 0, commits: 0 };
    const ours = new Set();
    const commits = [];
    let fullPageImages = 0;
    let snapshotWrites = 0;
    for (const record of records) {
      if (record.manager === 'Transaction') {
        commits.push(record);
        continue;
      }
      const relation = /rel \d+\/(\d+)\/(\d+)/.exec(record.blocks ?? '');
      if (!relation || Number(relation[1]) !== this.databaseOid) continue;
      const node = Number(relation[2]);
      const part = partOf.get(node) ?? 'other';
      parts[part] += record.length;
      fullPageImages += record.fpi;
      ours.add(record.xid);
      // Each compaction writes the snapshot row once (its TOAST chunks are separate records).
      if (node === this.snapshotHeap && record.manager === 'Heap' && /INSERT|UPDATE/.test(record.type))
        snapshotWrites += 1;
    }
    for (const record of commits) if (ours.has(record.xid)) parts.commits += record.length;
    const total = Object.values(parts).reduce((sum, bytes) => sum + bytes, 0);
    return { edits, wal: { ...parts, total, fullPageImages }, compactions: snapshotWrites, logTableGrowth };
  }

  async close() {
    await this.sql.end();
  }
}
