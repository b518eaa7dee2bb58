import { Injectable } from '@nestjs/common';
import {
  allowedActions,
  canTransition,
  DEFAULT_STAKEHOLDER_GROUPS,
  instantToZoned,
  isMoreOpenMode,
  PHASE_TRANSITIONS,
  type ConsultationDetail,
  type ConsultationSummary,
  type CreateConsultationBody,
  type UpdateConsultationBody,
} from '@cw/shared';
import { AppError, consultationNotFound } from '../../common/app-error.js';
import type { Actor, AuthContext } from '../../common/request-context.js';
import { Database } from '../../db/database.js';
import { AccessChanges } from '../access-changes/index.js';
import { GroupLabelsRepository, posterOf } from '../attribution/index.js';
import { AuditLog } from '../audit/index.js';
import { RapporteursService } from '../notes/index.js';
import { NotificationsService } from '../notifications/index.js';
import { settingsAudit } from './settings-audit.js';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/index.js';
import { ConsultationStructure, invalidField } from '../structure/index.js';
import { planFromTemplate, TemplateCatalog } from '../templates/index.js';
import { ConsultationBuilder, type ConsultationBlueprint } from './consultation-builder.js';
import { ConsultationsRepository, type ConsultationRecord } from './consultations.repository.js';
import { PhaseChanges } from './phase-changes.js';
import { PhaseSchedule } from './phase-schedule.js';

/** Today's date `YYYY-MM-DD` as seen in `timeZone`. */
export function todayIn(timeZone: string): string {
  return instantToZoned(new Date(), timeZone).slice(0, 10);
}

function checkDates(opensOn: string | null, closesOn: string | null) {
  if (opensOn && closesOn && closesOn < opensOn)
    throw invalidField('closesOn', 'must not be before opensOn', 'endsBeforeStart');
}

const toSummary = ({
  description: _d,
  kThreshold: _k,
  textChanges: _t,
  language: _l,
  ...summary
}: ConsultationRecord): ConsultationSummary => summary;

@Injectable()
export class ConsultationsService {
  constructor(
    private readonly db: Database,
    private readonly consultations: ConsultationsRepository,
    private readonly builder: ConsultationBuilder,
    private readonly catalog: TemplateCatalog,
    private readonly structure: ConsultationStructure,
    private readonly idempotency: IdempotencyService,
    private readonly accessChanges: AccessChanges,
    private readonly labels: GroupLabelsRepository,
    private readonly audit: AuditLog,
    private readonly notifications: NotificationsService,
    private readonly schedule: PhaseSchedule,
    private readonly phaseChanges: PhaseChanges,
    private readonly rapporteurs: RapporteursService,
  ) {}

  async list(userId: string): Promise<ConsultationSummary[]> {
    return (await this.consultations.listForUser(userId)).map(toSummary);
  }

  /**
   * Organisers only; the creator becomes the first admin. One transaction for all of it; a retry
   * with the request's Idempotency-Key answers the consultation created the first time.
   */
  async create(
    user: AuthContext,
    body: CreateConsultationBody,
    request?: IdempotentRequest,
  ): Promise<ConsultationDetail> {
    if (!user.isOrganiser) throw new AppError('FORBIDDEN', 'Only organisers can create consultations');
    const blueprint = this.blueprint(user.userId, body);
    const created = await this.idempotency.once(
      request,
      async (tx) => (await this.builder.build(tx, blueprint)).consultationId,
    );
    return this.detail(created.id, user.userId);
  }

  /** Checks what the schema cannot see (names against each other, the template catalog). */
  blueprint(creatorId: string, body: CreateConsultationBody): ConsultationBlueprint {
    const groups: readonly string[] = body.groups ?? DEFAULT_STAKEHOLDER_GROUPS;
    if (new Set(groups).size !== groups.length)
      throw invalidField('groups', 'must not repeat a name', 'duplicate');
    if (body.organiserGroup !== undefined && !groups.includes(body.organiserGroup)) {
      throw invalidField('organiserGroup', 'must be one of the groups', 'invalidChoice');
    }
    checkDates(body.opensOn, body.closesOn);
    if (body.templateId === undefined) {
      if (body.agendaDate !== undefined)
        throw invalidField('agendaDate', 'is only used with a templateId', 'invalid');
      return { body, creatorId, templateId: null, plan: undefined };
    }
    const template = this.catalog.find(body.templateId);
    if (!template) throw invalidField('templateId', 'is not a known template', 'invalidChoice');
    const agendaDate = body.agendaDate ?? body.opensOn ?? todayIn(body.timezone);
    return {
      body,
      creatorId,
      templateId: template.id,
      plan: planFromTemplate(template, agendaDate, body.timezone),
    };
  }

  /** Everything the workspace shows about one consultation, as seen by `userId`. */
  async detail(consultationId: string, userId: string): Promise<ConsultationDetail> {
    const record = await this.consultations.findForUser(consultationId, userId);
    if (!record) throw consultationNotFound();
    const [{ groups, ...outline }, labelScopes, scheduledChange, sessionNotes] = await Promise.all([
      this.structure.outline(consultationId),
      this.labels.scopes(consultationId),
      this.schedule.next(consultationId, record.phase),
      this.rapporteurs.states(consultationId, { userId, role: record.role, phase: record.phase }),
    ]);
    return {
      ...record,
      groups: groups.map((group) => ({ ...group, labelScope: labelScopes[group.id] ?? 'participant' })),
      ...outline,
      sessionNotes,
      scheduledChange,
      allowedActions: allowedActions(record.role, record.phase),
    };
  }

  /**
   * A change that opens attribution — a more open mode, or a lower k — is made only with
   * `confirmOpening`, after the admin has seen what it changes; members are told of a more open
   * mode. Input made before keeps the attribution it was made under either way. Recorded in the
   * audit log with the settings before and after.
   */
  async update(
    actor: Actor,
    { confirmOpening, ...change }: UpdateConsultationBody,
  ): Promise<ConsultationDetail> {
    const { consultationId } = actor.member;
    await this.db.sql.begin(async (tx) => {
      const current = await this.consultations.findForUser(consultationId, actor.auth.userId, tx, true);
      if (!current) throw consultationNotFound();
      const next = { ...current, ...change };
      checkDates(next.opensOn, next.closesOn);
      const opensMode = isMoreOpenMode(current.attributionMode, next.attributionMode);
      const lowersK = next.kThreshold < current.kThreshold;
      if ((opensMode || lowersK) && confirmOpening !== true) throw confirmationRequired(opensMode, lowersK);
      await this.consultations.update(consultationId, next, tx);
      await this.schedule.plan(consultationId, next, tx);
      if (opensMode) {
        const poster = posterOf(actor, await this.labels.scopes(consultationId, tx));
        const modes = { before: current.attributionMode, after: next.attributionMode };
        await this.notifications.attributionOpened(consultationId, poster, modes, tx);
      }
      await this.audit.record(actor, settingsAudit(current, next), tx);
    });
    // The attribution mode may have changed: presence labels follow.
    this.accessChanges.consultationChanged(consultationId);
    return this.detail(consultationId, actor.auth.userId);
  }

  /**
   * Only moves allowed by the shared transition table; the message lists them. Audited, and told
   * to the other members, as a scheduled move is.
   */
  async changePhase(actor: Actor, to: ConsultationDetail['phase']): Promise<ConsultationDetail> {
    const { consultationId, phase: from } = actor.member;
    if (!canTransition(from, to)) {
      const allowed = PHASE_TRANSITIONS[from];
      const hint =
        allowed.length > 0 ? `From ${from} it can move to: ${allowed.join(', ')}` : `${from} is final`;
      throw new AppError(
        'INVALID_TRANSITION',
        `Cannot move the consultation from ${from} to ${to}. ${hint}.`,
      );
    }
    await this.db.sql.begin(async (tx) => {
      if (!(await this.phaseChanges.move(tx, consultationId, from, to, { actor }))) {
        throw new AppError('CONFLICT', 'The phase was changed meanwhile; reload and try again');
      }
    });
    this.phaseChanges.announce(consultationId);
    return this.detail(consultationId, actor.auth.userId);
  }
}

function confirmationRequired(opensMode: boolean, lowersK: boolean): AppError {
  const what = [
    ...(opensMode
      ? ['a more open attribution mode shows names to more people on input made from now on']
      : []),
    ...(lowersK
      ? ['a lower k names smaller groups on input made from now on and publishes figures from fewer people']
      : []),
  ];
  return new AppError(
    'CONFIRMATION_REQUIRED',
    `This change opens attribution: ${what.join('; ')}. Input made before keeps the attribution it was ` +
      'made under. Send it again with confirmOpening: true to confirm.',
  );
}
