import { Injectable } from '@nestjs/common';
import {
  type Attribution,
  type Comment,
  type CommentAction,
  commentRefusal,
  type CommentBodyInput,
  type CreateThreadBody,
  type LabelScope,
  POOLED_GROUPS_FILTER,
  type QuestionSummary,
  type ResolveThreadBody,
  type Thread,
  type ThreadAction,
  type ThreadEventType,
  type ThreadListQuery,
  type ThreadStatus,
  threadRefusal,
} from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { Database, type Queryable } from '../../db/database.js';
import { AuditLog } from '../audit/index.js';
import { GroupLabelsRepository, type Poster, posterOf, type Viewer } from '../attribution/index.js';
import { PaperRegistry, SuggestionThreadsRepository } from '../collab/index.js';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/index.js';
import { NotificationsService } from '../notifications/index.js';
import { ThreadEventBus } from './thread-event-bus.js';
import { checkAnchor, passageState } from './anchors.js';
import { presentThread } from './thread.presenter.js';
import type { ThreadRecord } from './thread-records.js';
import { type CommentRef, ThreadsRepository } from './threads.repository.js';

type LabelScopes = Readonly<Record<string, LabelScope>>;

const viewerOf = ({ auth, member }: Actor, labelScopes: LabelScopes): Viewer => ({
  userId: auth.userId,
  role: member.role,
  attributionMode: member.attributionMode,
  labelScopes,
});

/** Whether a comment is shown to the viewer under the label a `groupId` filter asks for. */
export function isShownUnder(author: Attribution, groupId: string): boolean {
  return groupId === POOLED_GROUPS_FILTER ? author.scope === 'pool' : author.group?.id === groupId;
}

const threadNotFound = () => notFound('Thread not found');
const commentNotFound = () => notFound('Comment not found');

/** Refuses the action when the thread's status does not allow it (the shared input rules). */
function assertThreadAllows(action: ThreadAction, status: ThreadStatus): void {
  const refusal = threadRefusal(action, { status });
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

/** Refuses the action when the comment does not allow it to this viewer (the shared input rules). */
function assertCommentAllows(action: CommentAction, actor: Actor, ref: CommentRef): void {
  const refusal = commentRefusal(action, factsOf(actor, ref));
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

const factsOf = (actor: Actor, ref: CommentRef) => ({
  isYours: ref.authorId === actor.auth.userId,
  isDeleted: ref.isDeleted,
  isModerated: ref.isModerated,
});

/**
 * Threads, comments, endorsements and resolutions. The access guard has checked role and phase;
 * this applies the shared rules that depend on the data (ownership, status), writes, publishes
 * the change and answers with what the caller may see.
 */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly threads: ThreadsRepository,
    private readonly papers: PaperRegistry,
    private readonly suggestions: SuggestionThreadsRepository,
    private readonly events: ThreadEventBus,
    private readonly notifications: NotificationsService,
    private readonly idempotency: IdempotencyService,
    private readonly labels: GroupLabelsRepository,
    private readonly audit: AuditLog,
    private readonly db: Database,
  ) {}

  /**
   * The group filter matches the labels the caller sees, never the groups behind them: a group
   * too small to be named, or input made while it was, is not singled out by filtering either.
   */
  async list(actor: Actor, { groupId, ...filters }: ThreadListQuery): Promise<Thread[]> {
    const consultationId = actor.member.consultationId;
    const [records, scopes] = await Promise.all([
      this.threads.list(consultationId, filters),
      this.labels.scopes(consultationId),
    ]);
    await this.markPassageStates(actor.member, records);
    const viewer = viewerOf(actor, scopes);
    const threads = records.map((record) => presentThread(record, viewer));
    if (groupId === undefined) return threads;
    return threads.filter((thread) =>
      thread.comments.some((comment) => !comment.isDeleted && isShownUnder(comment.author, groupId)),
    );
  }

  /** These threads as the caller may see them (e.g. those holding flagged comments). */
  async present(actor: Actor, threadIds: readonly string[]): Promise<Thread[]> {
    const consultationId = actor.member.consultationId;
    const [records, scopes] = await Promise.all([
      this.threads.listByIds(consultationId, threadIds),
      this.labels.scopes(consultationId),
    ]);
    const viewer = viewerOf(actor, scopes);
    return records.map((record) => presentThread(record, viewer));
  }

  async get(actor: Actor, threadId: string): Promise<Thread> {
    const consultationId = actor.member.consultationId;
    const [record, scopes] = await Promise.all([
      this.load(actor.member, threadId),
      this.labels.scopes(consultationId),
    ]);
    return presentThread(record, viewerOf(actor, scopes));
  }

  /**
   * A retry with the request's Idempotency-Key answers the thread it opened the first time. A
   * thread its author opens on their own suggestion with a guiding question tells which question
   * the suggestion answers, if nothing told it before.
   */
  async create(actor: Actor, body: CreateThreadBody, request?: IdempotentRequest): Promise<Thread> {
    const consultationId = actor.member.consultationId;
    const earlier = await this.idempotency.earlier(request);
    if (earlier) return this.get(actor, earlier);
    if (body.questionId && !(await this.threads.questionExists(consultationId, body.questionId)))
      throw notFound('Guiding question not found');
    // The schema asks for the anchor with a suggestion: the suggested passage.
    if (body.suggestionId && body.anchor)
      await this.checkSuggestion(consultationId, body.suggestionId, body.anchor.sectionId);
    if (body.anchor) await this.checkAnchor(actor.member, body.anchor);
    const created = await this.idempotency.once(request, async (tx) => {
      const poster = await this.poster(actor, tx);
      const { threadId } = await this.threads.insertThread(consultationId, poster, body, tx);
      if (body.suggestionId && body.questionId) {
        await this.suggestions.recordQuestion(
          {
            consultationId,
            suggestionId: body.suggestionId,
            authorId: poster.userId,
            questionId: body.questionId,
          },
          tx,
        );
      }
      return threadId;
    });
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
      assertThreadAllows('threads.reply', status);
      const poster = await this.poster(actor, tx);
      const commentId = await this.threads.insertComment(threadId, poster, input.body, tx);
      await this.notifications.threadChanged(threadId, 'reply', poster, tx);
      return commentId;
    });
    if (posted.isReplay) return this.get(actor, threadId);
    return this.publish(actor, 'comment.created', threadId);
  }

  /** The organisers' redaction or hiding refers to the text as written: it is no longer editable. */
  async editComment(actor: Actor, commentId: string, input: CommentBodyInput): Promise<Comment> {
    const ref = await this.findComment(actor, commentId);
    assertCommentAllows('comments.edit', actor, ref);
    // Moderated between the check and the write: refused as the rule refuses a moderated comment.
    if (!(await this.threads.editComment(commentId, input.body)))
      assertCommentAllows('comments.edit', actor, { ...ref, isModerated: true });
    return this.commentOf(await this.publish(actor, 'comment.updated', ref.threadId), commentId);
  }

  /** Deleting a deleted comment again changes nothing and is not an error. */
  async deleteComment(actor: Actor, commentId: string): Promise<void> {
    const ref = await this.findComment(actor, commentId);
    const refusal = commentRefusal('comments.delete', factsOf(actor, ref));
    if (refusal?.code === 'NOT_FOUND') return;
    if (refusal) throw new AppError(refusal.code, refusal.message);
    if (await this.threads.deleteComment(commentId))
      await this.publish(actor, 'comment.deleted', ref.threadId);
  }

  async endorse(actor: Actor, commentId: string): Promise<Comment> {
    const ref = await this.findComment(actor, commentId);
    assertCommentAllows('comments.endorse', actor, ref);
    const isNew = await this.threads.endorse(commentId, await this.poster(actor));
    const thread = isNew
      ? await this.publish(actor, 'endorsement.changed', ref.threadId)
      : await this.get(actor, ref.threadId);
    return this.commentOf(thread, commentId);
  }

  async withdrawEndorsement(actor: Actor, commentId: string): Promise<Comment> {
    const ref = await this.findComment(actor, commentId);
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
      assertThreadAllows('threads.resolve', status);
      const poster = await this.poster(actor, tx);
      await this.threads.resolve(consultationId, threadId, poster, body, tx);
      await this.notifications.threadChanged(threadId, 'resolution', poster, tx);
      await this.audit.record(
        actor,
        {
          action: 'thread.resolved',
          target: { type: 'thread', id: threadId, label: '' },
          before: { status: 'open' },
          after: { status: 'resolved', outcome: body.outcome, note: body.note },
        },
        tx,
      );
      return threadId;
    });
    if (resolved.isReplay) return this.get(actor, threadId);
    return this.publish(actor, 'thread.resolved', threadId);
  }

  /** Audited with the resolution it undoes. */
  async reopen(actor: Actor, threadId: string): Promise<Thread> {
    const consultationId = actor.member.consultationId;
    await this.db.sql.begin(async (tx) => {
      const resolution = await this.threads.lockResolution(consultationId, threadId, tx);
      if (resolution === undefined) throw threadNotFound();
      if (resolution === null) assertThreadAllows('threads.reopen', 'open');
      await this.threads.reopen(consultationId, threadId, tx);
      await this.audit.record(
        actor,
        {
          action: 'thread.reopened',
          target: { type: 'thread', id: threadId, label: '' },
          before: { status: 'resolved', ...resolution },
          after: { status: 'open' },
        },
        tx,
      );
    });
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

  private async findComment(actor: Actor, commentId: string): Promise<CommentRef> {
    const ref = await this.threads.findComment(actor.member.consultationId, commentId);
    if (!ref) throw commentNotFound();
    return ref;
  }

  private commentOf(thread: Thread, commentId: string): Comment {
    return thread.comments.find((comment) => comment.id === commentId)!;
  }

  private async load(member: PaperReader, threadId: string): Promise<ThreadRecord> {
    const record = await this.threads.find(member.consultationId, threadId);
    if (!record) throw threadNotFound();
    await this.markPassageStates(member, [record]);
    return record;
  }

  private async poster(actor: Actor, q?: Queryable): Promise<Poster> {
    return posterOf(actor, await this.labels.scopes(actor.member.consultationId, q));
  }

  /** Reloads the thread, tells every open client, and answers the caller. */
  async publish(actor: Actor, type: ThreadEventType, threadId: string): Promise<Thread> {
    const consultationId = actor.member.consultationId;
    const [record, labelScopes] = await Promise.all([
      this.load(actor.member, threadId),
      this.labels.scopes(consultationId),
    ]);
    this.events.publish({ type, consultationId, thread: record, labelScopes });
    return presentThread(record, viewerOf(actor, labelScopes));
  }

  /**
   * The suggestion is one of the consultation's, and in the anchor's section when its section is
   * recorded; for one recorded before sections were, the anchor's is taken.
   */
  private async checkSuggestion(consultationId: string, suggestionId: string, sectionId: string) {
    // A suggestion typed a moment ago is recorded with its edit, by the paper's group commit:
    // once this instance has stored the edits it holds, it is there.
    const suggestion =
      (await this.suggestions.sectionOf(consultationId, suggestionId)) ??
      (await this.papers
        .storedState(consultationId)
        .then(() => this.suggestions.sectionOf(consultationId, suggestionId)));
    if (!suggestion) throw notFound('Suggestion not found');
    if (suggestion.sectionId !== null && suggestion.sectionId !== sectionId)
      throw invalidAnchor([
        { path: 'body.anchor.sectionId', message: 'must be the section of the suggestion' },
      ]);
  }

  private async checkAnchor(member: PaperReader, anchor: NonNullable<CreateThreadBody['anchor']>) {
    if (!(await this.threads.sectionExists(member.consultationId, anchor.sectionId))) {
      throw invalidAnchor([
        { path: 'body.anchor.sectionId', message: 'must be a section of this consultation' },
      ]);
    }
    const problems = await this.papers.read(member.consultationId, member.attributionMode, (doc) =>
      checkAnchor(doc, anchor.sectionId, anchor.start, anchor.end),
    );
    if (problems.length > 0)
      throw invalidAnchor(
        problems.map((problem) => ({ path: `body.anchor.${problem.field}`, message: problem.message })),
      );
  }

  /** Reads each anchored thread's passage from the paper as it is now. */
  private async markPassageStates(member: PaperReader, records: ThreadRecord[]): Promise<void> {
    const anchored = records.filter((record) => record.anchor);
    if (anchored.length === 0) return;
    await this.papers.read(member.consultationId, member.attributionMode, (doc) => {
      for (const record of anchored) record.passageState = passageState(doc, record.anchor!);
    });
  }
}

/** Whose paper is read, and under which attribution mode it is loaded if it must be. */
type PaperReader = Pick<Actor['member'], 'consultationId' | 'attributionMode'>;

function invalidAnchor(issues: Array<{ path: string; message: string }>): AppError {
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new AppError(
    'VALIDATION_FAILED',
    `Invalid anchor: ${summary}`,
    issues.map((issue) => ({ ...issue, code: 'invalid' })),
  );
}
