import { Injectable } from '@nestjs/common';
import type {
  Comment,
  CommentBodyInput,
  CreateThreadBody,
  QuestionSummary,
  ResolveThreadBody,
  Thread,
  ThreadEventType,
  ThreadListQuery,
} from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import type { AuthContext, MembershipContext } from '../../common/request-context.js';
import { PaperRegistry } from '../collab/paper-registry.service.js';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/idempotency.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ThreadEventBus } from '../events/thread-event-bus.js';
import { checkAnchor, isPassageRemoved, paperFromState } from './anchors.js';
import { presentThread, type Viewer } from './thread.presenter.js';
import type { ThreadRecord } from './thread-records.js';
import { type Poster, ThreadsRepository } from './threads.repository.js';

/** The member acting, as the access guard resolved them. */
export interface Actor {
  auth: AuthContext;
  member: MembershipContext;
}

const viewerOf = ({ auth, member }: Actor): Viewer => ({
  userId: auth.userId,
  role: member.role,
  attributionMode: member.attributionMode,
});

const posterOf = ({ auth, member }: Actor): Poster => ({
  userId: auth.userId,
  role: member.role,
  groupId: member.groupId,
});

const threadNotFound = () => notFound('Thread not found');
const commentNotFound = () => notFound('Comment not found');

/**
 * Threads, comments, endorsements and resolutions. The access guard has checked role and phase;
 * this checks what depends on the data (ownership, status), writes, publishes the change and
 * answers with what the caller may see.
 */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly threads: ThreadsRepository,
    private readonly papers: PaperRegistry,
    private readonly events: ThreadEventBus,
    private readonly notifications: NotificationsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async list(actor: Actor, filters: ThreadListQuery): Promise<Thread[]> {
    const records = await this.threads.list(actor.member.consultationId, filters);
    await this.markRemovedPassages(actor.member.consultationId, records);
    const viewer = viewerOf(actor);
    return records.map((record) => presentThread(record, viewer));
  }

  async get(actor: Actor, threadId: string): Promise<Thread> {
    return presentThread(await this.load(actor.member.consultationId, threadId), viewerOf(actor));
  }

  /** A retry with the request's Idempotency-Key answers the thread it opened the first time. */
  async create(actor: Actor, body: CreateThreadBody, request?: IdempotentRequest): Promise<Thread> {
    const consultationId = actor.member.consultationId;
    const earlier = await this.idempotency.earlier(request);
    if (earlier) return this.get(actor, earlier);
    if (body.questionId && !(await this.threads.questionExists(consultationId, body.questionId)))
      throw notFound('Guiding question not found');
    if (body.anchor) await this.checkAnchor(consultationId, body.anchor);
    const created = await this.idempotency.once(
      request,
      async (tx) => (await this.threads.insertThread(consultationId, posterOf(actor), body, tx)).threadId,
    );
    if (created.isReplay) return this.get(actor, created.id);
    return this.publish(actor, 'thread.created', created.id);
  }

  /**
   * The comment and the opener's notification are stored together or not at all; a retry with
   * the request's Idempotency-Key stores nothing and answers the thread.
   */
  async reply(
    actor: Actor,
    threadId: string,
    input: CommentBodyInput,
    request?: IdempotentRequest,
  ): Promise<Thread> {
    const posted = await this.idempotency.once(request, async (tx) => {
      const status = await this.threads.lockStatus(actor.member.consultationId, threadId, 'share', tx);
      if (!status) throw threadNotFound();
      if (status === 'resolved')
        throw new AppError('THREAD_RESOLVED', 'This thread is resolved; it must be reopened before replying');
      const commentId = await this.threads.insertComment(threadId, posterOf(actor), input.body, tx);
      await this.notifications.threadChanged(threadId, 'reply', posterOf(actor), tx);
      return commentId;
    });
    if (posted.isReplay) return this.get(actor, threadId);
    return this.publish(actor, 'comment.created', threadId);
  }

  async editComment(actor: Actor, commentId: string, input: CommentBodyInput): Promise<Comment> {
    const ref = await this.ownComment(actor, commentId);
    if (ref.isDeleted || !(await this.threads.editComment(commentId, input.body))) throw commentNotFound();
    return this.commentOf(await this.publish(actor, 'comment.updated', ref.threadId), commentId);
  }

  async deleteComment(actor: Actor, commentId: string): Promise<void> {
    const ref = await this.ownComment(actor, commentId);
    if (await this.threads.deleteComment(commentId))
      await this.publish(actor, 'comment.deleted', ref.threadId);
  }

  async endorse(actor: Actor, commentId: string): Promise<Comment> {
    const ref = await this.threads.findComment(actor.member.consultationId, commentId);
    if (!ref || ref.isDeleted) throw commentNotFound();
    if (ref.authorId === actor.auth.userId)
      throw new AppError('SELF_ENDORSEMENT', 'You cannot endorse your own comment');
    const isNew = await this.threads.endorse(commentId, actor.auth.userId, actor.member.groupId);
    const thread = isNew
      ? await this.publish(actor, 'endorsement.changed', ref.threadId)
      : await this.get(actor, ref.threadId);
    return this.commentOf(thread, commentId);
  }

  async withdrawEndorsement(actor: Actor, commentId: string): Promise<Comment> {
    const ref = await this.threads.findComment(actor.member.consultationId, commentId);
    if (!ref) throw commentNotFound();
    const wasThere = await this.threads.withdrawEndorsement(commentId, actor.auth.userId);
    const thread = wasThere
      ? await this.publish(actor, 'endorsement.changed', ref.threadId)
      : await this.get(actor, ref.threadId);
    return this.commentOf(thread, commentId);
  }

  /**
   * The resolution and the opener's notification are stored together or not at all; a retry
   * with the request's Idempotency-Key answers the thread as it is.
   */
  async resolve(
    actor: Actor,
    threadId: string,
    body: ResolveThreadBody,
    request?: IdempotentRequest,
  ): Promise<Thread> {
    const consultationId = actor.member.consultationId;
    const resolved = await this.idempotency.once(request, async (tx) => {
      // Locked first, so the resolution is timed after every reply it waited for.
      const status = await this.threads.lockStatus(consultationId, threadId, 'update', tx);
      if (!status) throw threadNotFound();
      if (status === 'resolved')
        throw new AppError(
          'THREAD_STATUS',
          'This thread is already resolved; reopen it to change the outcome',
        );
      await this.threads.resolve(consultationId, threadId, posterOf(actor), body, tx);
      await this.notifications.threadChanged(threadId, 'resolution', posterOf(actor), tx);
      return threadId;
    });
    if (resolved.isReplay) return this.get(actor, threadId);
    return this.publish(actor, 'thread.resolved', threadId);
  }

  async reopen(actor: Actor, threadId: string): Promise<Thread> {
    if (!(await this.threads.reopen(actor.member.consultationId, threadId))) {
      if (!(await this.threads.status(actor.member.consultationId, threadId))) throw threadNotFound();
      throw new AppError('THREAD_STATUS', 'This thread is already open');
    }
    return this.publish(actor, 'thread.reopened', threadId);
  }

  async summary(actor: Actor): Promise<QuestionSummary[]> {
    const rows = await this.threads.countsByQuestion(actor.member.consultationId);
    return rows.map((row) => ({
      questionId: row.question_id,
      open: row.open,
      resolved: row.resolved,
      total: row.total,
    }));
  }

  /** 404 for unknown comments, 403 for other people's: nobody edits or deletes another's words. */
  private async ownComment(actor: Actor, commentId: string) {
    const ref = await this.threads.findComment(actor.member.consultationId, commentId);
    if (!ref) throw commentNotFound();
    if (ref.authorId !== actor.auth.userId)
      throw new AppError('FORBIDDEN', 'Only the author can change or delete a comment');
    return ref;
  }

  private commentOf(thread: Thread, commentId: string): Comment {
    return thread.comments.find((comment) => comment.id === commentId)!;
  }

  private async load(consultationId: string, threadId: string): Promise<ThreadRecord> {
    const record = await this.threads.find(consultationId, threadId);
    if (!record) throw threadNotFound();
    await this.markRemovedPassages(consultationId, [record]);
    return record;
  }

  /** Reloads the thread, tells every open client, and answers the caller. */
  private async publish(actor: Actor, type: ThreadEventType, threadId: string): Promise<Thread> {
    const record = await this.load(actor.member.consultationId, threadId);
    this.events.publish({ type, consultationId: record.consultationId, thread: record });
    return presentThread(record, viewerOf(actor));
  }

  private async checkAnchor(consultationId: string, anchor: NonNullable<CreateThreadBody['anchor']>) {
    if (!(await this.threads.sectionExists(consultationId, anchor.sectionId))) {
      throw invalidAnchor([
        { path: 'body.anchor.sectionId', message: 'must be a section of this consultation' },
      ]);
    }
    const doc = paperFromState(await this.papers.currentState(consultationId));
    try {
      const problems = checkAnchor(doc, anchor.sectionId, anchor.start, anchor.end);
      if (problems.length > 0)
        throw invalidAnchor(
          problems.map((problem) => ({ path: `body.anchor.${problem.field}`, message: problem.message })),
        );
    } finally {
      doc.destroy();
    }
  }

  private async markRemovedPassages(consultationId: string, records: ThreadRecord[]): Promise<void> {
    const anchored = records.filter((record) => record.anchor);
    if (anchored.length === 0) return;
    const doc = paperFromState(await this.papers.currentState(consultationId));
    try {
      for (const record of anchored) {
        const { sectionId, start, end } = record.anchor!;
        record.isPassageRemoved = isPassageRemoved(doc, sectionId, start, end);
      }
    } finally {
      doc.destroy();
    }
  }
}

function invalidAnchor(issues: Array<{ path: string; message: string }>): AppError {
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new AppError('VALIDATION_FAILED', `Invalid anchor: ${summary}`, issues);
}
