import { Injectable } from '@nestjs/common';
import type {
  AttributionMode,
  LabelScope,
  ModerationState,
  Role,
  ThreadListQuery,
  ThreadOutcome,
  ThreadStatus,
} from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';
import { type Poster } from '../attribution/index.js';
import type { AnchorRecord, CommentRecord, EndorsementRecord, ThreadRecord } from './thread-records.js';

interface ThreadRow {
  id: string;
  consultation_id: string;
  question_id: string | null;
  section_id: string | null;
  anchor_start: Buffer | null;
  anchor_end: Buffer | null;
  quote: string | null;
  suggestion_id: string | null;
  status: ThreadStatus;
  outcome: ThreadOutcome | null;
  resolution_note: string | null;
  resolved_at: Date | null;
  created_at: Date;
  resolver_id: string | null;
  resolver_name: string | null;
  resolver_role: Role | null;
  resolver_group_id: string | null;
  resolver_group_name: string | null;
  resolver_mode: AttributionMode | null;
  resolver_scope: LabelScope | null;
}

interface CommentRow {
  id: string;
  thread_id: string;
  body: string;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  author_id: string;
  author_name: string;
  author_role: Role;
  author_group_id: string;
  author_group_name: string;
  attribution_mode: AttributionMode;
  label_scope: LabelScope;
  moderation_state: ModerationState | null;
  moderation_reason: string | null;
}

interface EndorsementRow {
  comment_id: string;
  user_id: string;
  group_id: string;
  group_name: string;
  attribution_mode: AttributionMode;
  label_scope: LabelScope;
}

export interface NewThread {
  questionId: string | null;
  anchor: AnchorRecord | null;
  /** The suggested change discussed; none when absent. */
  suggestionId?: string | null;
  body: string;
}

/** A comment with the thread and author it belongs to, for ownership checks. */
export interface CommentRef {
  id: string;
  threadId: string;
  authorId: string;
  isDeleted: boolean;
  /** Hidden or redacted by the organisers. */
  isModerated: boolean;
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());
const base64 = (bytes: Buffer) => Buffer.from(bytes).toString('base64');

/** All SQL of threads, comments and endorsements. */
@Injectable()
export class ThreadsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Threads of a consultation matching the filters, oldest first (never in author order). The
   * group filter depends on what the viewer may see, so the service applies it.
   */
  async list(consultationId: string, filters: Omit<ThreadListQuery, 'groupId'>, q: Queryable = this.db.sql) {
    const sql = this.db.sql;
    const rows = await q<ThreadRow[]>`
      ${this.selectThreads()}
      WHERE t.consultation_id = ${consultationId}
        ${filters.status ? sql`AND t.status = ${filters.status}` : sql``}
        ${
          filters.questionId === 'general'
            ? sql`AND t.question_id IS NULL`
            : filters.questionId
              ? sql`AND t.question_id = ${filters.questionId}`
              : sql``
        }
        ${filters.sectionId ? sql`AND t.section_id = ${filters.sectionId}` : sql``}
      ORDER BY t.created_at, t.id`;
    return this.withComments(rows, q);
  }

  /** These threads of the consultation, oldest first; ids of other consultations are ignored. */
  async listByIds(consultationId: string, threadIds: readonly string[]) {
    if (threadIds.length === 0) return [];
    const rows = await this.db.sql<ThreadRow[]>`
      ${this.selectThreads()}
      WHERE t.consultation_id = ${consultationId} AND t.id IN ${this.db.sql([...threadIds])}
      ORDER BY t.created_at, t.id`;
    return this.withComments(rows, this.db.sql);
  }

  async find(consultationId: string, threadId: string, q: Queryable = this.db.sql) {
    const rows = await q<ThreadRow[]>`
      ${this.selectThreads()}
      WHERE t.consultation_id = ${consultationId} AND t.id = ${threadId}`;
    const [thread] = await this.withComments(rows, q);
    return thread;
  }

  /** A thread with its first comment; call inside a transaction so neither exists alone. */
  async insertThread(
    consultationId: string,
    poster: Poster,
    input: NewThread,
    q: Queryable,
  ): Promise<{ threadId: string; commentId: string }> {
    const anchor = input.anchor;
    const [row] = await q<{ id: string }[]>`
      INSERT INTO threads
        (consultation_id, question_id, section_id, anchor_start, anchor_end, quote, suggestion_id)
      VALUES (${consultationId}, ${input.questionId}, ${anchor?.sectionId ?? null},
              ${anchor ? Buffer.from(anchor.start, 'base64') : null},
              ${anchor ? Buffer.from(anchor.end, 'base64') : null}, ${anchor?.quote ?? null},
              ${input.suggestionId ?? null})
      RETURNING id`;
    const commentId = await this.insertComment(row!.id, poster, input.body, q);
    return { threadId: row!.id, commentId };
  }

  async insertComment(threadId: string, poster: Poster, body: string, q: Queryable) {
    const [row] = await q<{ id: string }[]>`
      INSERT INTO comments (thread_id, author_id, author_role, author_group, label_scope, body)
      VALUES (${threadId}, ${poster.userId}, ${poster.role}, ${poster.groupId}, ${poster.labelScope}, ${body})
      RETURNING id`;
    return row!.id;
  }

  async questionExists(consultationId: string, questionId: string): Promise<boolean> {
    const [row] = await this.db.sql`
      SELECT 1 FROM guiding_questions WHERE consultation_id = ${consultationId} AND id = ${questionId}`;
    return row !== undefined;
  }

  async sectionExists(consultationId: string, sectionId: string): Promise<boolean> {
    const [row] = await this.db.sql`
      SELECT 1 FROM sections WHERE consultation_id = ${consultationId} AND id = ${sectionId}`;
    return row !== undefined;
  }

  /**
   * The thread's status, row-locked until the caller's transaction ends: `share` by a reply, so
   * replies do not wait for each other; `update` by a resolve, which so waits for the replies in
   * flight, and a reply that waited for a resolve sees the thread resolved.
   */
  async lockStatus(
    consultationId: string,
    threadId: string,
    mode: 'share' | 'update',
    tx: Queryable,
  ): Promise<ThreadStatus | undefined> {
    const [row] = await tx<{ status: ThreadStatus }[]>`
      SELECT status FROM threads WHERE consultation_id = ${consultationId} AND id = ${threadId}
      ${mode === 'share' ? this.db.sql`FOR SHARE` : this.db.sql`FOR UPDATE`}`;
    return row?.status;
  }

  async findComment(consultationId: string, commentId: string): Promise<CommentRef | undefined> {
    const [row] = await this.db.sql<
      { id: string; thread_id: string; author_id: string; is_deleted: boolean; is_moderated: boolean }[]
    >`
      SELECT c.id, c.thread_id, c.author_id, c.deleted_at IS NOT NULL AS is_deleted,
        EXISTS (SELECT 1 FROM comment_moderations cm WHERE cm.comment_id = c.id) AS is_moderated
      FROM comments c JOIN threads t ON t.id = c.thread_id
      WHERE t.consultation_id = ${consultationId} AND c.id = ${commentId}`;
    return (
      row && {
        id: row.id,
        threadId: row.thread_id,
        authorId: row.author_id,
        isDeleted: row.is_deleted,
        isModerated: row.is_moderated,
      }
    );
  }

  /**
   * Changes the text of a comment that is neither deleted nor moderated; false when it became
   * either meanwhile.
   */
  async editComment(commentId: string, body: string): Promise<boolean> {
    const rows = await this.db.sql`
      UPDATE comments SET body = ${body}, edited_at = clock_timestamp()
      WHERE id = ${commentId} AND deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM comment_moderations WHERE comment_id = ${commentId})
      RETURNING id`;
    return rows.length > 0;
  }

  /**
   * Leaves a tombstone: the text and its endorsements go, the place in the thread stays. A
   * moderated comment's text as written goes too.
   */
  async deleteComment(commentId: string): Promise<boolean> {
    return this.db.sql.begin(async (tx) => {
      const rows = await tx`
        UPDATE comments SET body = '', deleted_at = clock_timestamp()
        WHERE id = ${commentId} AND deleted_at IS NULL RETURNING id`;
      await tx`DELETE FROM endorsements WHERE comment_id = ${commentId}`;
      await tx`DELETE FROM comment_moderations WHERE comment_id = ${commentId}`;
      return rows.length > 0;
    });
  }

  /** True when the endorsement is new (endorsing twice changes nothing). */
  async endorse(commentId: string, endorser: Poster, q: Queryable = this.db.sql): Promise<boolean> {
    const rows = await q`
      INSERT INTO endorsements (comment_id, user_id, group_id, label_scope)
      SELECT ${commentId}, ${endorser.userId}, ${endorser.groupId}, ${endorser.labelScope}
      WHERE EXISTS (SELECT 1 FROM comments WHERE id = ${commentId} AND deleted_at IS NULL)
      ON CONFLICT (comment_id, user_id) DO NOTHING RETURNING comment_id`;
    return rows.length > 0;
  }

  /** True when there was an endorsement to withdraw. */
  async withdrawEndorsement(commentId: string, userId: string): Promise<boolean> {
    const rows = await this.db.sql`
      DELETE FROM endorsements WHERE comment_id = ${commentId} AND user_id = ${userId} RETURNING comment_id`;
    return rows.length > 0;
  }

  /** Resolves an open thread; false when it was not open. */
  async resolve(
    consultationId: string,
    threadId: string,
    resolver: Poster,
    resolution: { outcome: ThreadOutcome; note: string },
    q: Queryable,
  ): Promise<boolean> {
    const rows = await q`
      UPDATE threads SET status = 'resolved', outcome = ${resolution.outcome},
        resolution_note = ${resolution.note}, resolved_by = ${resolver.userId},
        resolver_role = ${resolver.role}, resolver_group = ${resolver.groupId},
        resolver_scope = ${resolver.labelScope}, resolved_at = clock_timestamp()
      WHERE consultation_id = ${consultationId} AND id = ${threadId} AND status = 'open' RETURNING id`;
    return rows.length > 0;
  }

  /**
   * The thread's resolution, row-locked until the transaction ends: null while open, undefined
   * when the thread is not in this consultation.
   */
  async lockResolution(consultationId: string, threadId: string, tx: Queryable) {
    const [row] = await tx<{ outcome: ThreadOutcome | null; resolution_note: string | null }[]>`
      SELECT outcome, resolution_note FROM threads
      WHERE consultation_id = ${consultationId} AND id = ${threadId} FOR UPDATE`;
    if (!row) return undefined;
    return row.outcome === null ? null : { outcome: row.outcome, note: row.resolution_note ?? '' };
  }

  /** Reopens a resolved thread; false when it was not resolved. */
  async reopen(consultationId: string, threadId: string, q: Queryable): Promise<boolean> {
    const rows = await q`
      UPDATE threads SET status = 'open', outcome = NULL, resolution_note = NULL, resolved_by = NULL,
        resolver_role = NULL, resolver_group = NULL, resolved_at = NULL
      WHERE consultation_id = ${consultationId} AND id = ${threadId} AND status = 'resolved' RETURNING id`;
    return rows.length > 0;
  }

  /** Open, resolved and total threads per guiding question (null: general input). */
  async countsByQuestion(consultationId: string) {
    return this.db.sql<{ question_id: string | null; open: number; resolved: number; total: number }[]>`
      SELECT question_id,
        count(*) FILTER (WHERE status = 'open') AS open,
        count(*) FILTER (WHERE status = 'resolved') AS resolved,
        count(*) AS total
      FROM threads WHERE consultation_id = ${consultationId}
      GROUP BY question_id`;
  }

  private selectThreads() {
    return this.db.sql`
      SELECT t.id, t.consultation_id, t.question_id, t.section_id, t.anchor_start, t.anchor_end, t.quote,
        t.suggestion_id, t.status, t.outcome, t.resolution_note, t.resolved_at, t.created_at,
        t.resolved_by AS resolver_id, ru.name AS resolver_name, t.resolver_role,
        t.resolver_group AS resolver_group_id, rg.name AS resolver_group_name, t.resolver_mode, t.resolver_scope
      FROM threads t
      LEFT JOIN users ru ON ru.id = t.resolved_by
      LEFT JOIN stakeholder_groups rg ON rg.id = t.resolver_group`;
  }

  private async withComments(rows: ThreadRow[], q: Queryable): Promise<ThreadRecord[]> {
    if (rows.length === 0) return [];
    const threadIds = rows.map((row) => row.id);
    const comments = await q<CommentRow[]>`
      SELECT c.id, c.thread_id, c.body, c.created_at, c.edited_at, c.deleted_at, c.author_id,
        u.name AS author_name, c.author_role, c.author_group AS author_group_id, g.name AS author_group_name,
        c.attribution_mode, c.label_scope, cm.state AS moderation_state, cm.reason AS moderation_reason
      FROM comments c
      JOIN users u ON u.id = c.author_id
      JOIN stakeholder_groups g ON g.id = c.author_group
      LEFT JOIN comment_moderations cm ON cm.comment_id = c.id
      WHERE c.thread_id IN ${this.db.sql(threadIds)}
      ORDER BY c.created_at, c.id`;
    const endorsements =
      comments.length === 0
        ? []
        : await q<EndorsementRow[]>`
            SELECT e.comment_id, e.user_id, e.group_id, g.name AS group_name, e.attribution_mode, e.label_scope
            FROM endorsements e JOIN stakeholder_groups g ON g.id = e.group_id
            WHERE e.comment_id IN ${this.db.sql(comments.map((comment) => comment.id))}`;
    const endorsementsByComment = new Map<string, EndorsementRecord[]>();
    for (const row of endorsements) {
      const list = endorsementsByComment.get(row.comment_id) ?? [];
      list.push({
        userId: row.user_id,
        groupId: row.group_id,
        groupName: row.group_name,
        attributionMode: row.attribution_mode,
        labelScope: row.label_scope,
      });
      endorsementsByComment.set(row.comment_id, list);
    }
    const commentsByThread = new Map<string, CommentRecord[]>();
    for (const row of comments) {
      const list = commentsByThread.get(row.thread_id) ?? [];
      list.push({
        id: row.id,
        threadId: row.thread_id,
        author: {
          userId: row.author_id,
          name: row.author_name,
          role: row.author_role,
          groupId: row.author_group_id,
          groupName: row.author_group_name,
          attributionMode: row.attribution_mode,
          labelScope: row.label_scope,
        },
        body: row.body,
        moderation: row.moderation_state && { state: row.moderation_state, reason: row.moderation_reason! },
        createdAt: row.created_at.toISOString(),
        editedAt: iso(row.edited_at),
        deletedAt: iso(row.deleted_at),
        endorsements: endorsementsByComment.get(row.id) ?? [],
      });
      commentsByThread.set(row.thread_id, list);
    }
    return rows.map((row) => toRecord(row, commentsByThread.get(row.id) ?? []));
  }
}

function toRecord(row: ThreadRow, comments: CommentRecord[]): ThreadRecord {
  const isResolved = row.status === 'resolved' && row.resolved_at !== null;
  return {
    id: row.id,
    consultationId: row.consultation_id,
    questionId: row.question_id,
    anchor:
      row.section_id && row.anchor_start && row.anchor_end
        ? {
            sectionId: row.section_id,
            start: base64(row.anchor_start),
            end: base64(row.anchor_end),
            quote: row.quote ?? '',
          }
        : null,
    suggestionId: row.suggestion_id,
    passageState: 'intact',
    status: row.status,
    resolution: isResolved
      ? {
          outcome: row.outcome!,
          note: row.resolution_note ?? '',
          resolver: {
            userId: row.resolver_id!,
            name: row.resolver_name!,
            role: row.resolver_role!,
            groupId: row.resolver_group_id!,
            groupName: row.resolver_group_name!,
            attributionMode: row.resolver_mode!,
            labelScope: row.resolver_scope!,
          },
          resolvedAt: row.resolved_at!.toISOString(),
        }
      : null,
    createdAt: row.created_at.toISOString(),
    comments,
  };
}
