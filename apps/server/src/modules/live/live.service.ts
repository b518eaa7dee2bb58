import { Injectable } from '@nestjs/common';
import {
  extendedEnd,
  type ExtendLiveBody,
  liveEndsAt,
  type LiveFocus,
  type LiveFocusBody,
  type LiveState,
  type StartLiveBody,
} from '@cw/shared';
import { AppError, notFound } from '../../common/app-error.js';
import type { Actor } from '../../common/request-context.js';
import { Database, type TransactionSql } from '../../db/database.js';
import { GroupLabelsRepository, posterOf } from '../attribution/index.js';
import { AuditLog } from '../audit/index.js';
import { invalidField } from '../structure/index.js';
import { LiveEventBus } from './live-event-bus.js';
import { type LiveViewer, presentLive } from './live.presenter.js';
import { LiveRepository, type RunningRow } from './live.repository.js';

const noLiveSession = () => new AppError('NO_LIVE_SESSION', 'No agenda item is running live now');

/**
 * Live session mode: facilitators run one agenda item at a time — start it, move the room's focus
 * between its questions and sections, extend it, end it — and members raise hands. Every change
 * is one transaction on the stored state (with its audit entry when a facilitator made it), then
 * announced to every instance; every answer is the state as the caller may see it.
 */
@Injectable()
export class LiveService {
  constructor(
    private readonly db: Database,
    private readonly live: LiveRepository,
    private readonly labels: GroupLabelsRepository,
    private readonly audit: AuditLog,
    private readonly bus: LiveEventBus,
  ) {}

  async state(actor: Actor): Promise<LiveState> {
    const present = await this.presenter(actor.member.consultationId);
    return present({
      userId: actor.auth.userId,
      role: actor.member.role,
      phase: actor.member.phase,
      attributionMode: actor.member.attributionMode,
    });
  }

  /**
   * Reads a consultation's state once, to present it to any number of viewers: the run, its hands
   * and the group sizes from one snapshot, so the revision names exactly what is shown.
   */
  async presenter(consultationId: string): Promise<(viewer: Omit<LiveViewer, 'labelScopes'>) => LiveState> {
    const [record, labelScopes] = await this.db.sql.begin('isolation level repeatable read read only', (tx) =>
      Promise.all([this.live.read(consultationId, tx), this.labels.scopes(consultationId, tx)]),
    );
    const serverTime = new Date();
    return (viewer) => presentLive(record, { ...viewer, labelScopes }, serverTime);
  }

  /**
   * Runs an agenda item live until the facilitator ends it: time left counts to the item's end
   * (`liveEndsAt`), and a review session opens on its first guiding question.
   */
  start(actor: Actor, body: StartLiveBody): Promise<LiveState> {
    const consultationId = actor.member.consultationId;
    return this.change(actor, async (tx) => {
      const item = await this.live.agendaItem(consultationId, body.sessionId, tx);
      if (!item)
        throw invalidField('sessionId', 'must be an agenda item of this consultation', 'unknownSession');
      const now = Date.now();
      const firstQuestion = item.kind === 'review' ? await this.live.firstQuestion(item.id, tx) : null;
      const focus: LiveFocus | null = firstQuestion ? { kind: 'question', id: firstQuestion } : null;
      const endsAt = liveEndsAt(item, now);
      const started = await this.live.start(
        consultationId,
        { agendaSessionId: item.id, startedAt: new Date(now).toISOString(), endsAt, focus },
        tx,
      );
      if (!started)
        throw new AppError(
          'LIVE_SESSION_RUNNING',
          'An agenda item is already running live: end it before starting another',
        );
      await this.audit.record(
        actor,
        {
          action: 'live.started',
          target: { type: 'agendaSession', id: item.id, label: item.title },
          before: null,
          after: { endsAt, focus: await this.live.focusLabel(focus, tx) },
        },
        tx,
      );
      return true;
    });
  }

  /** Moves the room to a question or section of the running item, or to none in particular. */
  focus(actor: Actor, body: LiveFocusBody): Promise<LiveState> {
    return this.changeRunning(actor, async (running, tx) => {
      if (body.focus && !(await this.live.isFocusOf(running.agendaSessionId, body.focus, tx)))
        throw invalidField(
          'focus.id',
          'must be a guiding question or section of the running item',
          'invalid',
        );
      if (sameFocus(running.focus, body.focus)) return false;
      await this.live.update(actor.member.consultationId, { focus: body.focus }, tx);
      await this.recordRun(actor, running, 'live.focused', tx, {
        before: { focus: await this.live.focusLabel(running.focus, tx) },
        after: { focus: await this.live.focusLabel(body.focus, tx) },
      });
      return true;
    });
  }

  extend(actor: Actor, body: ExtendLiveBody): Promise<LiveState> {
    return this.changeRunning(actor, async (running, tx) => {
      const endsAt = extendedEnd(running.endsAt, body.minutes, Date.now());
      await this.live.update(actor.member.consultationId, { endsAt }, tx);
      await this.recordRun(actor, running, 'live.extended', tx, {
        before: { endsAt: running.endsAt },
        after: { endsAt, minutes: body.minutes },
      });
      return true;
    });
  }

  /** Ends the run; hands still up are lowered with it. */
  end(actor: Actor): Promise<LiveState> {
    return this.changeRunning(actor, async (running, tx) => {
      const consultationId = actor.member.consultationId;
      const endedAt = new Date().toISOString();
      await this.live.update(consultationId, { endedAt }, tx);
      const hands = await this.live.clearHands(consultationId, tx);
      await this.recordRun(actor, running, 'live.ended', tx, {
        before: { endsAt: running.endsAt },
        after: { endedAt, handsLowered: hands },
      });
      return true;
    });
  }

  /**
   * The member asks for the floor on the question under discussion. Raising it again changes
   * nothing: the hand keeps its place. Not audited: it is a member's input, not an organiser's act.
   */
  async raiseHand(actor: Actor): Promise<LiveState> {
    const labelScopes = await this.labels.scopes(actor.member.consultationId);
    return this.changeRunning(actor, async (running, tx) => {
      const questionId = running.focus?.kind === 'question' ? running.focus.id : null;
      const consultationId = actor.member.consultationId;
      if (!(await this.live.raiseHand(consultationId, posterOf(actor, labelScopes), questionId, tx)))
        return false;
      await this.live.update(consultationId, {}, tx);
      return true;
    });
  }

  /** Lowering a hand that is not up (or after the run ended) changes nothing. */
  lowerHand(actor: Actor): Promise<LiveState> {
    return this.change(actor, async (tx) => {
      const consultationId = actor.member.consultationId;
      if (!(await this.live.lockRunning(consultationId, tx))) return false;
      if (!(await this.live.lowerOwnHand(consultationId, actor.auth.userId, tx))) return false;
      await this.live.update(consultationId, {}, tx);
      return true;
    });
  }

  /** A facilitator takes one hand down: it was heard, or it is not for now. */
  acknowledgeHand(actor: Actor, handId: string): Promise<LiveState> {
    return this.changeRunning(actor, async (running, tx) => {
      const consultationId = actor.member.consultationId;
      if (!(await this.live.lowerHand(consultationId, handId, tx)))
        throw notFound('That hand is no longer raised');
      await this.live.update(consultationId, {}, tx);
      // Who raised it is left out: the log is read by admins whatever the attribution mode.
      await this.recordRun(actor, running, 'live.handLowered', tx, { before: null, after: null });
      return true;
    });
  }

  clearHands(actor: Actor): Promise<LiveState> {
    return this.changeRunning(actor, async (running, tx) => {
      const consultationId = actor.member.consultationId;
      const hands = await this.live.clearHands(consultationId, tx);
      if (hands === 0) return false;
      await this.live.update(consultationId, {}, tx);
      await this.recordRun(actor, running, 'live.handsCleared', tx, {
        before: { hands },
        after: { hands: 0 },
      });
      return true;
    });
  }

  /**
   * Runs `work` in a transaction; when it reports a change, tells every instance once it is
   * committed. Answers the state as the caller now sees it.
   */
  private async change(actor: Actor, work: (tx: TransactionSql) => Promise<boolean>): Promise<LiveState> {
    const changed = await this.db.sql.begin(work);
    if (changed) this.bus.changed(actor.member.consultationId);
    return this.state(actor);
  }

  /** `change`, on the running item locked for the transaction; 409 when nothing runs. */
  private changeRunning(
    actor: Actor,
    work: (running: RunningRow, tx: TransactionSql) => Promise<boolean>,
  ): Promise<LiveState> {
    return this.change(actor, async (tx) => {
      const running = await this.live.lockRunning(actor.member.consultationId, tx);
      if (!running) throw noLiveSession();
      return work(running, tx);
    });
  }

  private recordRun(
    actor: Actor,
    running: RunningRow,
    action: 'live.focused' | 'live.extended' | 'live.ended' | 'live.handLowered' | 'live.handsCleared',
    tx: TransactionSql,
    states: { before: Record<string, unknown> | null; after: Record<string, unknown> | null },
  ): Promise<void> {
    return this.audit.record(
      actor,
      {
        action,
        target: { type: 'agendaSession', id: running.agendaSessionId, label: running.title },
        ...states,
      },
      tx,
    );
  }
}

function sameFocus(a: LiveFocus | null, b: LiveFocus | null): boolean {
  return a?.kind === b?.kind && a?.id === b?.id;
}
