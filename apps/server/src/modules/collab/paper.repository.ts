import { Injectable } from '@nestjs/common';
import * as Y from 'yjs';
import { Database, type Queryable } from '../../db/database.js';

/** One accepted update waiting in the group commit, with who sent it. */
export interface PendingUpdate {
  data: Uint8Array;
  userId: string;
}

/** Characters changed by one member in one section, accumulated between flushes. */
export interface ContributionDelta {
  userId: string;
  groupId: string;
  sectionId: string;
  inserted: number;
  deleted: number;
}

export interface StoredPaper {
  snapshot: Uint8Array | undefined;
  updates: Uint8Array[];
  /** Highest update id read; compaction merges up to here. */
  lastUpdateId: number;
}

/** What a compaction merged, and the size of the snapshot it wrote. */
export interface CompactionResult {
  count: number;
  bytes: number;
  snapshotBytes: number;
}

/** All SQL of the paper: the update log, snapshots and contribution counters. */
@Injectable()
export class PaperRepository {
  constructor(private readonly db: Database) {}

  /**
   * The snapshot and every update after it, in order. One statement, so it reads one consistent
   * state even while another instance compacts the paper.
   */
  async load(consultationId: string, q: Queryable = this.db.sql): Promise<StoredPaper> {
    const rows = await q<{ is_snapshot: boolean; id: number; data: Buffer }[]>`
      WITH snapshot AS (
        SELECT data, last_update_id FROM paper_snapshots WHERE consultation_id = ${consultationId}
      )
      SELECT true AS is_snapshot, last_update_id AS id, data FROM snapshot
      UNION ALL
      SELECT false, u.id, u.data FROM paper_updates u
      WHERE u.consultation_id = ${consultationId}
        AND u.id > coalesce((SELECT last_update_id FROM snapshot), 0)
      ORDER BY is_snapshot DESC, id`;
    const snapshot = rows[0]?.is_snapshot ? rows[0] : undefined;
    const updates = snapshot ? rows.slice(1) : rows;
    return {
      snapshot: snapshot?.data,
      updates: updates.map((row) => row.data),
      lastUpdateId: updates.at(-1)?.id ?? snapshot?.id ?? 0,
    };
  }

  /**
   * Appends a batch of updates and bumps the contribution counters in one transaction. It holds
   * the paper's lock shared: appends of several instances run side by side, but a compaction
   * waits for them to commit, so it never merges past a row still being written.
   */
  async append(
    consultationId: string,
    updates: PendingUpdate[],
    contributions: ContributionDelta[],
  ): Promise<void> {
    await this.db.sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock_shared(hashtext(${`paper:${consultationId}`}))`;
      if (updates.length > 0) {
        await tx`
          INSERT INTO paper_updates ${tx(
            updates.map((update) => ({
              consultation_id: consultationId,
              user_id: update.userId,
              data: Buffer.from(update.data.buffer, update.data.byteOffset, update.data.byteLength),
            })),
          )}`;
      }
      for (const delta of contributions) {
        await tx`
          INSERT INTO paper_contributions
            (consultation_id, user_id, group_id, section_id, day, chars_inserted, chars_deleted)
          VALUES (${consultationId}, ${delta.userId}, ${delta.groupId}, ${delta.sectionId},
                  current_date, ${delta.inserted}, ${delta.deleted})
          ON CONFLICT (consultation_id, user_id, group_id, section_id, day) DO UPDATE SET
            chars_inserted = paper_contributions.chars_inserted + EXCLUDED.chars_inserted,
            chars_deleted = paper_contributions.chars_deleted + EXCLUDED.chars_deleted`;
      }
    });
  }

  /**
   * Stores the first state of a paper unless something is stored already (checked under the
   * per-paper lock, so two instances loading a new paper at once seed it once).
   */
  async seedIfEmpty(consultationId: string, update: Uint8Array): Promise<void> {
    await this.db.sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(hashtext(${`paper:${consultationId}`}))`;
      const [existing] = await tx`
        SELECT 1 FROM paper_snapshots WHERE consultation_id = ${consultationId}
        UNION ALL SELECT 1 FROM paper_updates WHERE consultation_id = ${consultationId} LIMIT 1`;
      if (existing) return;
      await tx`INSERT INTO paper_updates (consultation_id, data) VALUES (${consultationId}, ${Buffer.from(update)})`;
    });
  }

  /**
   * Stores those of `updates` that storage does not hold yet — what an instance that died had
   * accepted and relayed but not stored. Under the paper's lock, so of several instances taking
   * them over, only the first stores them. Returns those it stored.
   */
  async storeMissing(consultationId: string, updates: PendingUpdate[]): Promise<PendingUpdate[]> {
    return this.db.sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(hashtext(${`paper:${consultationId}`}))`;
      const stored = await this.load(consultationId, tx);
      const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
      const state =
        parts.length === 0
          ? new Map<number, number>()
          : Y.decodeStateVector(Y.encodeStateVectorFromUpdate(Y.mergeUpdates(parts)));
      const missing = updates.filter((update) =>
        [...Y.parseUpdateMeta(update.data).to].some(([client, clock]) => (state.get(client) ?? 0) < clock),
      );
      if (missing.length === 0) return [];
      await tx`
        INSERT INTO paper_updates ${tx(
          missing.map((update) => ({
            consultation_id: consultationId,
            user_id: update.userId,
            data: Buffer.from(update.data.buffer, update.data.byteOffset, update.data.byteLength),
          })),
        )}`;
      return missing;
    });
  }

  /** Number of updates not yet merged into the snapshot. */
  async pendingCount(consultationId: string): Promise<number> {
    const [row] = await this.db.sql<{ count: number }[]>`
      SELECT count(*) AS count FROM paper_updates p
      WHERE p.consultation_id = ${consultationId}
        AND p.id > coalesce((SELECT last_update_id FROM paper_snapshots s
                             WHERE s.consultation_id = ${consultationId}), 0)`;
    return row?.count ?? 0;
  }

  /**
   * Replaces snapshot + log with one snapshot, in a transaction holding a per-paper lock so two
   * compactions (or two instances) never interleave. `merge` turns the stored state into one update.
   */
  async compact(
    consultationId: string,
    merge: (stored: StoredPaper) => Uint8Array,
  ): Promise<CompactionResult> {
    return this.db.sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(hashtext(${`paper:${consultationId}`}))`;
      const stored = await this.load(consultationId, tx);
      if (stored.updates.length === 0)
        return { count: 0, bytes: 0, snapshotBytes: stored.snapshot?.length ?? 0 };
      const merged = merge(stored);
      await tx`
        INSERT INTO paper_snapshots (consultation_id, data, last_update_id)
        VALUES (${consultationId}, ${Buffer.from(merged)}, ${stored.lastUpdateId})
        ON CONFLICT (consultation_id) DO UPDATE
        SET data = EXCLUDED.data, last_update_id = EXCLUDED.last_update_id, updated_at = now()`;
      await tx`
        DELETE FROM paper_updates
        WHERE consultation_id = ${consultationId} AND id <= ${stored.lastUpdateId}`;
      return {
        count: stored.updates.length,
        bytes: stored.updates.reduce((sum, update) => sum + update.length, 0),
        snapshotBytes: merged.length,
      };
    });
  }
}
