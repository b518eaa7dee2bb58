import { Injectable } from '@nestjs/common';
import { DEFAULT_STAKEHOLDER_GROUPS, type CreateConsultationBody } from '@cw/shared';
import type { TransactionSql } from '../../db/database.js';
import { ConsultationStructure } from '../structure/index.js';
import { type TemplatePlan } from '../templates/index.js';
import { ConsultationsRepository } from './consultations.repository.js';
import { PhaseSchedule } from './phase-schedule.js';

/** What to build; the body has been validated and checked against the template catalog. */
export interface ConsultationBlueprint {
  body: CreateConsultationBody;
  creatorId: string;
  templateId: string | null;
  plan: TemplatePlan | undefined;
}

/**
 * Writes a new consultation with its groups, creator membership and template structure inside
 * the caller's transaction, so either all of it exists or none of it does.
 */
@Injectable()
export class ConsultationBuilder {
  constructor(
    private readonly consultations: ConsultationsRepository,
    private readonly structure: ConsultationStructure,
    private readonly schedule: PhaseSchedule,
  ) {}

  /** Returns the new consultation's id and its group ids by name. */
  async build(tx: TransactionSql, blueprint: ConsultationBlueprint) {
    const { body, plan } = blueprint;
    const consultationId = await this.consultations.insert(
      {
        title: body.title,
        description: body.description,
        timezone: body.timezone,
        attributionMode: body.attributionMode,
        textChanges: body.textChanges,
        language: body.language,
        opensOn: body.opensOn,
        closesOn: body.closesOn,
        kThreshold: 5,
        templateId: blueprint.templateId,
        createdBy: blueprint.creatorId,
      },
      tx,
    );
    await this.schedule.plan(consultationId, body, tx);
    const groupNames = body.groups ?? [...DEFAULT_STAKEHOLDER_GROUPS];
    const groupIds = await this.structure.addGroups(tx, consultationId, groupNames);
    const organiserGroup = body.organiserGroup ?? groupNames[groupNames.length - 1]!;
    await this.consultations.addMember(
      { consultationId, userId: blueprint.creatorId, role: 'admin', groupId: groupIds.get(organiserGroup)! },
      tx,
    );
    if (plan) await this.structure.applyPlan(tx, consultationId, plan);
    return { consultationId, groupIds };
  }
}
