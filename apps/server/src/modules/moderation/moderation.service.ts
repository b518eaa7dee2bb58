import { Injectable } from '@nestjs/common';
import {
  type Comment,
  type FlagCommentBody,
  type HideCommentBody,
  type ModerationItem,
  type ModerationQueueQuery,
  type ModerationState,
  rangeProblem,
  type RedactCommentBody,
  redactText,
} from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { Database, type Queryable } from '../../db/database.js';
import { GroupLabelsRepository, posterOf } from '../attribution/index.js';
import { AuditLog } from '../audit/index.js';
import { type ModerationKind, NotificationsService } from '../notifications/index.js';
import { ThreadsService } from '../threads/index.js';
import { type ModeratedComment, ModerationRepository } from './moderation.repository.js';

const commentNotFound = () => notFound('Comment not found');

/** One moderation step: what the comment becomes, and how it is told and recorded. */
interface Step {
  state: ModerationState | null;
  shown: string;
  ranges: RedactCommentBody['ranges'];
  reason: string | null;
  kind: ModerationKind;
  action: 'comment.hidden' | 'comment.redacted' | 'comment.restored';
}

/**
 * Flags, and what editors and admins do about them: hide a comment (it stays counted, its text is
 * gone everywhere, the author is told why), redact parts of it, restore it, or dismiss the flags.
 * Every step is written with the author's notification and its audit entry in one transaction,
 * then announced live, so open clients drop the text at once.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly db: Database,
    private readonly moderation: ModerationRepository,
    private readonly threads: ThreadsService,
    private readonly notifications: NotificationsService,
    private readonly labels: GroupLabelsRepository,
    private readonly audit: AuditLog,
  ) {}

  /** Any member may flag any comment not deleted, their own included; again is harmless. */
  async flag(actor: Actor, commentId: string, body: FlagCommentBody): Promise<void> {
    const comment = await this.moderation.find(actor.member.consultationId, commentId);
    if (!comment || comment.isDeleted) throw commentNotFound();
    await this.moderation.flag(commentId, actor.auth.userId, body.reason);
  }

  async hide(actor: Actor, commentId: string, body: HideCommentBody): Promise<Comment> {
    return this.step(actor, commentId, () => ({
      state: 'hidden',
      shown: '',
      ranges: [],
      reason: body.reason,
      kind: 'commentHidden',
      action: 'comment.hidden',
    }));
  }

  /** The ranges are parts of the text as written, so a second redaction replaces the first. */
  async redact(actor: Actor, commentId: string, body: RedactCommentBody): Promise<Comment> {
    return this.step(actor, commentId, (comment) => {
      const problem = rangeProblem(comment.originalText, body.ranges);
      if (problem) {
        throw new AppError('VALIDATION_FAILED', `Invalid request: body.ranges: ${problem}`, [
          { path: 'body.ranges', message: problem, code: 'invalid' },
        ]);
      }
      return {
        state: 'redacted',
        shown: redactText(comment.originalText, body.ranges),
        ranges: body.ranges,
        reason: body.reason,
        kind: 'commentRedacted',
        action: 'comment.redacted',
      };
    });
  }

  /** Restoring a comment that is not moderated is harmless and changes nothing. */
  async restore(actor: Actor, commentId: string): Promise<Comment> {
    return this.step(actor, commentId, (comment) =>
      comment.state === null
        ? null
        : {
            state: null,
            shown: comment.originalText,
            ranges: [],
            reason: null,
            kind: 'commentRestored',
            action: 'comment.restored',
          },
    );
  }

  /** Closes the open flags without touching the comment. */
  async dismiss(actor: Actor, commentId: string): Promise<void> {
    await this.db.sql.begin(async (tx) => {
      const comment = await this.moderation.lock(actor.member.consultationId, commentId, tx);
      if (!comment || comment.isDeleted) throw commentNotFound();
      const closed = await this.moderation.closeFlags(commentId, tx);
      if (closed === 0) return;
      await this.audit.record(
        actor,
        {
          action: 'flags.dismissed',
          target: { type: 'comment', id: commentId, label: '' },
          before: { openFlags: closed },
          after: { openFlags: 0 },
        },
        tx,
      );
    });
  }

  /** The organisers' queue, with each comment's text as written: they need it to decide. */
  async queue(actor: Actor, query: ModerationQueueQuery): Promise<ModerationItem[]> {
    const rows = await this.moderation.queue(actor.member.consultationId, query.queue);
    const threads = await this.threads.present(actor, [...new Set(rows.map((row) => row.thread_id))]);
    const comments = new Map(
      threads.flatMap((thread) => thread.comments).map((comment) => [comment.id, comment]),
    );
    const questions = new Map(threads.map((thread) => [thread.id, thread.questionId]));
    const iso = (instant: string | null) => instant && new Date(instant).toISOString();
    return rows.map((row) => ({
      comment: comments.get(row.comment_id)!,
      questionId: questions.get(row.thread_id) ?? null,
      originalText: row.original_text,
      ranges: row.ranges,
      state: row.state,
      flags: row.flags.map((flag) => ({
        id: flag.id,
        reason: flag.reason,
        createdAt: iso(flag.created_at)!,
        closedAt: iso(flag.closed_at),
      })),
    }));
  }

  private async step(
    actor: Actor,
    commentId: string,
    decide: (comment: ModeratedComment) => Step | null,
  ): Promise<Comment> {
    const consultationId = actor.member.consultationId;
    const threadId = await this.db.sql.begin(async (tx) => {
      const comment = await this.moderation.lock(consultationId, commentId, tx);
      if (!comment || comment.isDeleted) throw commentNotFound();
      const step = decide(comment);
      if (step) await this.apply(actor, comment, step, tx);
      return step && comment.threadId;
    });
    if (threadId) {
      const thread = await this.threads.publish(actor, 'comment.moderated', threadId);
      return thread.comments.find((comment) => comment.id === commentId)!;
    }
    const comment = await this.moderation.find(consultationId, commentId);
    const [thread] = await this.threads.present(actor, [comment!.threadId]);
    return thread!.comments.find((candidate) => candidate.id === commentId)!;
  }

  private async apply(actor: Actor, comment: ModeratedComment, step: Step, tx: Queryable): Promise<void> {
    if (step.state === null) await this.moderation.restore(comment, tx);
    else {
      await this.moderation.moderate(
        comment,
        {
          state: step.state,
          shown: step.shown,
          ranges: step.ranges,
          reason: step.reason!,
          moderatorId: actor.auth.userId,
        },
        tx,
      );
      await this.moderation.closeFlags(comment.id, tx);
    }
    const poster = posterOf(actor, await this.labels.scopes(actor.member.consultationId, tx));
    await this.notifications.commentModerated(comment.id, step.kind, poster, step.reason, tx);
    await this.audit.record(
      actor,
      {
        action: step.action,
        target: { type: 'comment', id: comment.id, label: '' },
        before: { state: comment.state ?? 'shown' },
        after: {
          state: step.state ?? 'shown',
          ...(step.reason ? { reason: step.reason } : {}),
          ...(step.ranges.length ? { ranges: step.ranges } : {}),
        },
      },
      tx,
    );
  }
}
