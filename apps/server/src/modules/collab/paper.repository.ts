import { Injectable } from '@nestjs/common';
import type { AttributionMode, CollabDocument, LabelScope, Role, SuggestionDisposition } from '@cw/shared';
import * as Y from 'yjs';
import { Database, type Queryable } from '../../db/database.js';
import type { PersonRecord } from '../attribution/index.js';
import { documentOf, storageLockName } from './document-id.js';
import type { SuggestionText } from './suggestion-texts.js';

/** One accepted update waiting in the group commit, with who sent it. */
export interface PendingUpdate {
  data: Uint8Array;
  userId: string;
  /** Suggestions this update brought into the paper: recorded as the author's with it. */
  suggestions?: NewSuggestion[];
}

/** A suggestion id first seen in an update, with its author's group and label scope then. */
export interface NewSuggestion {
  id: string;
  groupId: string;
  labelScope: LabelScope;
  /** The section it was made in (null: not in a section, which the server refuses anyway). */
  sectionId: string | null;
}

/** How suggestions of a section ended, and who settled them. */
export interface SuggestionSettlement {
  consultationId: string;
  sectionId: string;
  suggestionIds: string[];
  outcome: SuggestionDisposition;
  reason: string;
  decidedBy: string;
  /** Only this member's suggestions (withdrawing their own). */
  authorId?: string;
  /** What each suggestion inserts and deletes, as the paper has it now. */
  texts: ReadonlyMap<string, SuggestionText>;
}

/** Characters changed by one member in one section, accumulated between flushes. */
export interface ContributionDelta {
  userId: string;
  groupId: string;
  sectionId: string;
  inserted: number;
  deleted: number;
}

/**
 * One document's accepted updates and, for the paper, its contribution counters, stored together.
 * `documentId` names the document (see document-id.ts).
 */
export interface PaperBatch {
  documentId: string;
  updates: PendingUpdate[];
  contributions: ContributionDelta[];
}

export interface StoredPaper {
  snapshot: Uint8Array | undefined;
  updates: Uint8Array[];
  /** Highest update id read; compaction merges up to here. */
  lastUpdateId: number;
}

/** Size of what is stored: the snapshot and the log after it (drives when to compact). */
export interface StoredSize {
  snapshotBytes: number;
  logCount: number;
  logBytes: number;
}

/** The size of a stored paper as it was read. */
export function storedSize(stored: StoredPaper): StoredSize {
  return {
    snapshotBytes: stored.snapshot?.length ?? 0,
    logCount: stored.updates.length,
    logBytes: stored.updates.reduce((sum, update) => sum + update.length, 0),
  };
}

/** A stored paper as one update (the snapshot and the log after it), undefined when nothing is stored. */
export function mergeStored(stored: StoredPaper): Uint8Array | undefined {
  const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
}

/** What a compaction merged, and the size of the snapshot it wrote. */
export interface CompactionResult {
  count: number;
  bytes: number;
  snapshotBytes: number;
}

function toBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** A batch with the document its id names. */
type ReadBatch = PaperBatch & { document: CollabDocument };

/**
 * The counters of all batches with one row per paper, member, group and section (an upsert may
 * not touch the same row twice), sorted so that concurrent transactions lock rows in one order.
 */
function mergeContributions(
  batches: ReadBatch[],
): Array<ContributionDelta & { documentId: string; consultationId: string }> {
  const rows = new Map<string, ContributionDelta & { documentId: string; consultationId: string }>();
  for (const { documentId, document, contributions } of batches) {
    for (const delta of contributions) {
      const key = [documentId, delta.userId, delta.groupId, delta.sectionId].join('|');
      const row = rows.get(key);
      if (row) {
        row.inserted += delta.inserted;
        row.deleted += delta.deleted;
      } else {
        rows.set(key, { ...delta, documentId, consultationId: document.consultationId });
      }
    }
  }
  return [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/**
 * Where a document's rows are: the paper's log and snapshot by consultation, a session's notes'
 * by session (`notes_updates`, `notes_snapshots`, migration 0019), in tables of the same shape.
 */
interface Storage {
  updates: string;
  snapshots: string;
  /** The column that names the document, and its value. */
  key: 'consultation_id' | 'session_id';
  id: string;
}

function storageOf(document: CollabDocument): Storage {
  return document.kind === 'paper'
    ? {
        updates: 'paper_updates',
        snapshots: 'paper_snapshots',
        key: 'consultation_id',
        id: document.consultationId,
      }
    : { updates: 'notes_updates', snapshots: 'notes_snapshots', key: 'session_id', id: document.sessionId };
}

/**
 * All SQL of the paper and the other collaborative documents (a session's notes), each stored as
 * an update log and a snapshot (`storageOf`), and of the paper's contribution counters and
 * suggestions.
 */
@Injectable()
export class PaperRepository {
  constructor(private readonly db: Database) {}

  /** The rows of one document in its log or snapshot table. */
  private rowsOf(storage: Storage) {
    const sql = this.db.sql;
    return sql`${sql(storage.key)} = ${storage.id}`;
  }

  /** Holds the document's storage lock until the transaction ends. */
  private async lock(tx: Queryable, document: CollabDocument): Promise<void> {
    await tx`SELECT pg_advisory_xact_lock(hashtext(${storageLockName(document)}))`;
  }

  /** Who made each suggestion of the paper (null: an account since deleted). */
  async suggestionAuthors(consultationId: string): Promise<[id: string, authorId: string | null][]> {
    const rows = await this.db.sql<{ suggestion_id: string; author_id: string | null }[]>`
      SELECT suggestion_id, author_id FROM paper_suggestions WHERE consultation_id = ${consultationId}`;
    return rows.map((row) => [row.suggestion_id, row.author_id]);
  }

  /**
   * Records how those of `suggestionIds` in the paper that are still open ended; returns the ids
   * it recorded and, apart, those the paper has no record of. With `authorId`, only that member's
   * suggestions count as known (an author withdrawing their own).
   */
  async settleSuggestions(
    settlement: SuggestionSettlement,
    q: Queryable = this.db.sql,
  ): Promise<{ recorded: string[]; unknown: string[] }> {
    const { consultationId, suggestionIds } = settlement;
    const sql = this.db.sql;
    const ofAuthor = settlement.authorId ? sql`AND author_id = ${settlement.authorId}` : sql``;
    const known = await q<{ suggestion_id: string }[]>`
      SELECT suggestion_id FROM paper_suggestions
      WHERE consultation_id = ${consultationId} AND suggestion_id IN ${sql(suggestionIds)} ${ofAuthor}
      FOR UPDATE`;
    const text = (id: string) => settlement.texts.get(id) ?? { inserted: '', deleted: '' };
    const recorded = await q<{ suggestion_id: string }[]>`
      UPDATE paper_suggestions
      SET outcome = ${settlement.outcome}, reason = ${settlement.reason}, section_id = ${settlement.sectionId},
          decided_by = ${settlement.decidedBy}, decided_at = now(), inserted_text = t.inserted,
          deleted_text = t.deleted
      FROM unnest(${sql.array(suggestionIds)}::text[],
                  ${sql.array(suggestionIds.map((id) => text(id).inserted))}::text[],
                  ${sql.array(suggestionIds.map((id) => text(id).deleted))}::text[]) AS t(id, inserted, deleted)
      WHERE consultation_id = ${consultationId} AND suggestion_id = t.id ${ofAuthor} AND outcome IS NULL
      RETURNING suggestion_id`;
    const isKnown = new Set(known.map((row) => row.suggestion_id));
    return {
      recorded: recorded.map((row) => row.suggestion_id),
      unknown: suggestionIds.filter((id) => !isKnown.has(id)),
    };
  }

  /**
   * The paper's open suggestions with their authors as recorded when they were made (the role is
   * the author's role now: suggestions do not record one). Those of deleted accounts are left out.
   */
  async openSuggestions(consultationId: string): Promise<{ id: string; author: PersonRecord }[]> {
    const rows = await this.db.sql<
      {
        suggestion_id: string;
        author_id: string;
        name: string;
        role: Role | null;
        group_id: string;
        group_name: string;
        attribution_mode: AttributionMode;
        label_scope: LabelScope;
      }[]
    >`
      SELECT s.suggestion_id, s.author_id, u.name, m.role, s.group_id, g.name AS group_name,
             s.attribution_mode, s.label_scope
      FROM paper_suggestions s
      JOIN users u ON u.id = s.author_id
      JOIN stakeholder_groups g ON g.id = s.group_id
      LEFT JOIN members m ON m.consultation_id = s.consultation_id AND m.user_id = s.author_id
      WHERE s.consultation_id = ${consultationId} AND s.outcome IS NULL
      ORDER BY s.created_at, s.suggestion_id`;
    return rows.map((row) => ({
      id: row.suggestion_id,
      author: {
        userId: row.author_id,
        name: row.name,
        role: row.role ?? 'reviewer',
        groupId: row.group_id,
        groupName: row.group_name,
        attributionMode: row.attribution_mode,
        labelScope: row.label_scope,
      },
    }));
  }

  /**
   * The document's snapshot and every update after it, in order. One statement, so it reads one
   * consistent state even while another instance compacts it.
   */
  async load(documentId: string, q: Queryable = this.db.sql): Promise<StoredPaper> {
    const storage = storageOf(documentOf(documentId));
    const sql = this.db.sql;
    const rows = await q<{ is_snapshot: boolean; id: number; data: Buffer }[]>`
      WITH snapshot AS (
        SELECT data, last_update_id FROM ${sql(storage.snapshots)} WHERE ${this.rowsOf(storage)}
      )
      SELECT true AS is_snapshot, last_update_id AS id, data FROM snapshot
      UNION ALL
      SELECT false, id, data FROM ${sql(storage.updates)}
      WHERE ${this.rowsOf(storage)} AND id > coalesce((SELECT last_update_id FROM snapshot), 0)
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
   * Appends the batches of several documents and bumps the paper's contribution counters in one
   * statement, so one round trip and one transaction (the group commit of the instance). Each
   * document's storage lock is taken shared: appends of several instances run side by side, but a
   * compaction waits for them to commit, so it never merges past a row still being written. The
   * lock is only tried: a document whose lock is held exclusively (a compaction, `storeMissing` or
   * `seedIfEmpty`, here or on another instance) is left out, so it does not hold back the others.
   * Returns the ids of the documents stored; the others must be appended again. Each document
   * appears at most once in `batches`.
   */
  async appendMany(paperBatches: PaperBatch[]): Promise<Set<string>> {
    const sql = this.db.sql;
    const batches = paperBatches.map((batch) => ({ ...batch, document: documentOf(batch.documentId) }));
    const updates = batches.flatMap((batch) =>
      batch.updates.map((update) => ({
        documentId: batch.documentId,
        document: batch.document,
        storage: storageOf(batch.document),
        ...update,
      })),
    );
    const ofTable = (table: string) => updates.filter((update) => update.storage.updates === table);
    const paperUpdates = ofTable('paper_updates');
    const notesUpdates = ofTable('notes_updates');
    const contributions = mergeContributions(batches);
    const suggestions = updates.flatMap((update) =>
      (update.suggestions ?? []).map((suggestion) => ({
        ...suggestion,
        documentId: update.documentId,
        consultationId: update.document.consultationId,
        userId: update.userId,
      })),
    );
    // A row is only produced once `locked` has a row for its document, so every document's lock is
    // held before any of its ids is drawn. Ids come from the identity in the order rows are
    // inserted: each document's log stays in order.
    const locked = await sql<{ document: string }[]>`
      WITH locked AS MATERIALIZED (
        SELECT b.document
        FROM unnest(${sql.array(batches.map((batch) => batch.documentId))}::text[],
                    ${sql.array(batches.map((batch) => storageLockName(batch.document)))}::text[])
          AS b(document, lock_name)
        WHERE pg_try_advisory_xact_lock_shared(hashtext(b.lock_name))
      ), appended AS (
        INSERT INTO paper_updates (consultation_id, user_id, data)
        SELECT u.consultation_id, u.user_id, u.data
        FROM unnest(${sql.array(paperUpdates.map((update) => update.documentId))}::text[],
                    ${sql.array(paperUpdates.map((update) => update.storage.id))}::uuid[],
                    ${sql.array(paperUpdates.map((update) => update.userId))}::uuid[],
                    ${sql.array(paperUpdates.map((update) => toBuffer(update.data)))}::bytea[])
          WITH ORDINALITY AS u(document, consultation_id, user_id, data, position)
        WHERE u.document IN (SELECT document FROM locked)
        ORDER BY u.position
      ), noted AS (
        INSERT INTO notes_updates (session_id, user_id, data)
        SELECT u.session_id, u.user_id, u.data
        FROM unnest(${sql.array(notesUpdates.map((update) => update.documentId))}::text[],
                    ${sql.array(notesUpdates.map((update) => update.storage.id))}::uuid[],
                    ${sql.array(notesUpdates.map((update) => update.userId))}::uuid[],
                    ${sql.array(notesUpdates.map((update) => toBuffer(update.data)))}::bytea[])
          WITH ORDINALITY AS u(document, session_id, user_id, data, position)
        WHERE u.document IN (SELECT document FROM locked)
        ORDER BY u.position
      ), counted AS (
        INSERT INTO paper_contributions
          (consultation_id, user_id, group_id, section_id, day, chars_inserted, chars_deleted)
        SELECT c.consultation_id, c.user_id, c.group_id, c.section_id, current_date, c.inserted, c.deleted
        FROM unnest(${sql.array(contributions.map((row) => row.documentId))}::text[],
                    ${sql.array(contributions.map((row) => row.consultationId))}::uuid[],
                    ${sql.array(contributions.map((row) => row.userId))}::uuid[],
                    ${sql.array(contributions.map((row) => row.groupId))}::uuid[],
                    ${sql.array(contributions.map((row) => row.sectionId))}::uuid[],
                    ${sql.array(contributions.map((row) => row.inserted))}::bigint[],
                    ${sql.array(contributions.map((row) => row.deleted))}::bigint[])
          WITH ORDINALITY AS c(document, consultation_id, user_id, group_id, section_id, inserted, deleted, position)
        WHERE c.document IN (SELECT document FROM locked)
        ORDER BY c.position
        ON CONFLICT (consultation_id, user_id, group_id, section_id, day) DO UPDATE SET
          chars_inserted = paper_contributions.chars_inserted + EXCLUDED.chars_inserted,
          chars_deleted = paper_contributions.chars_deleted + EXCLUDED.chars_deleted
      ), suggested AS (
        INSERT INTO paper_suggestions
          (consultation_id, suggestion_id, author_id, group_id, attribution_mode, label_scope, section_id)
        SELECT s.consultation_id, s.suggestion_id, s.author_id, s.group_id,
               consultation_attribution_mode(s.consultation_id), s.label_scope, s.section_id
        FROM unnest(${sql.array(suggestions.map((row) => row.documentId))}::text[],
                    ${sql.array(suggestions.map((row) => row.consultationId))}::uuid[],
                    ${sql.array(suggestions.map((row) => row.id))}::text[],
                    ${sql.array(suggestions.map((row) => row.userId))}::uuid[],
                    ${sql.array(suggestions.map((row) => row.groupId))}::uuid[],
                    ${sql.array(suggestions.map((row) => row.labelScope))}::text[],
                    ${sql.array(suggestions.map((row) => row.sectionId))}::uuid[])
          AS s(document, consultation_id, suggestion_id, author_id, group_id, label_scope, section_id)
        WHERE s.document IN (SELECT document FROM locked)
        ON CONFLICT (consultation_id, suggestion_id) DO NOTHING
      )
      SELECT document FROM locked`;
    return new Set(locked.map((row) => row.document));
  }

  /**
   * Stores the first state of a document unless something is stored already (checked under its
   * storage lock, so two instances loading a new paper at once seed it once).
   */
  async seedIfEmpty(documentId: string, update: Uint8Array): Promise<void> {
    const document = documentOf(documentId);
    const storage = storageOf(document);
    const sql = this.db.sql;
    await sql.begin(async (tx) => {
      await this.lock(tx, document);
      const [existing] = await tx`
        SELECT 1 FROM ${sql(storage.snapshots)} WHERE ${this.rowsOf(storage)}
        UNION ALL SELECT 1 FROM ${sql(storage.updates)} WHERE ${this.rowsOf(storage)} LIMIT 1`;
      if (existing) return;
      await tx`
        INSERT INTO ${sql(storage.updates)} ${sql({ [storage.key]: storage.id, data: Buffer.from(update) })}`;
    });
  }

  /**
   * Stores those of `updates` that storage does not hold yet — what an instance that died had
   * accepted and relayed but not stored. Under the document's lock, so of several instances taking
   * them over, only the first stores them. Returns those it stored.
   */
  async storeMissing(documentId: string, updates: PendingUpdate[]): Promise<PendingUpdate[]> {
    const document = documentOf(documentId);
    return this.db.sql.begin(async (tx) => {
      await this.lock(tx, document);
      const merged = mergeStored(await this.load(documentId, tx));
      const state = merged
        ? Y.decodeStateVector(Y.encodeStateVectorFromUpdate(merged))
        : new Map<number, number>();
      const missing = updates.filter((update) =>
        [...Y.parseUpdateMeta(update.data).to].some(([client, clock]) => (state.get(client) ?? 0) < clock),
      );
      if (missing.length === 0) return [];
      const storage = storageOf(document);
      await tx`
        INSERT INTO ${tx(storage.updates)} ${tx(
          missing.map((update) => ({
            [storage.key]: storage.id,
            user_id: update.userId,
            data: toBuffer(update.data),
          })),
        )}`;
      return missing;
    });
  }

  /**
   * Replaces snapshot + log with one snapshot, in a transaction holding the document's lock so two
   * compactions (or two instances) never interleave. `merge` turns the stored state into one update.
   */
  async compact(documentId: string, merge: (stored: StoredPaper) => Uint8Array): Promise<CompactionResult> {
    const document = documentOf(documentId);
    return this.db.sql.begin(async (tx) => {
      await this.lock(tx, document);
      const stored = await this.load(documentId, tx);
      if (stored.updates.length === 0)
        return { count: 0, bytes: 0, snapshotBytes: stored.snapshot?.length ?? 0 };
      const merged = merge(stored);
      const storage = storageOf(document);
      const sql = this.db.sql;
      await tx`
        INSERT INTO ${sql(storage.snapshots)} (${sql(storage.key)}, data, last_update_id)
        VALUES (${storage.id}, ${Buffer.from(merged)}, ${stored.lastUpdateId})
        ON CONFLICT (${sql(storage.key)}) DO UPDATE
        SET data = EXCLUDED.data, last_update_id = EXCLUDED.last_update_id, updated_at = now()`;
      await tx`
        DELETE FROM ${sql(storage.updates)} WHERE ${this.rowsOf(storage)} AND id <= ${stored.lastUpdateId}`;
      return {
        count: stored.updates.length,
        bytes: stored.updates.reduce((sum, update) => sum + update.length, 0),
        snapshotBytes: merged.length,
      };
    });
  }
}
