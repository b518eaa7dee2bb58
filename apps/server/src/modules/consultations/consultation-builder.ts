import { Injectable } from '@nestjs/common';
import { DEFAULT_STAKEHOLDER_GROUPS, type CreateConsultationBody } from '@cw/shared';
import type { TransactionSql } from '../../db/database.js';
import { ChecklistRepository } from '../structure/checklist.repository.js';
import { GroupsRepository } from '../structure/groups.repository.js';
import { QuestionsRepository } from '../structure/questions.repository.js';
import { SectionsRepository } from '../structure/sections.repository.js';
import { AgendaSessionsRepository } from '../structure/agenda-sessions.repository.js';
import type { TemplatePlan } from '../templates/template-plan.js';
import { ConsultationsRepository } from './consultations.repository.js';

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
    private readonly groups: GroupsRepository,
    private readonly sections: SectionsRepository,
    private readonly sessions: AgendaSessionsRepository,
    private readonly questions: QuestionsRepository,
    private readonly checklist: ChecklistRepository,
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
        opensOn: body.opensOn,
        closesOn: body.closesOn,
        kThreshold: 5,
        templateId: blueprint.templateId,
        createdBy: blueprint.creatorId,
      },
      tx,
    );
    const groupNames = body.groups ?? [...DEFAULT_STAKEHOLDER_GROUPS];
    const groupIds = new Map<string, string>();
    for (const [position, name] of groupNames.entries()) {
      const group = await this.groups.insert(consultationId, name, position, tx);
      groupIds.set(name, group!.id);
    }
    const organiserGroup = body.organiserGroup ?? groupNames[groupNames.length - 1]!;
    await this.consultations.addMember(
      { consultationId, userId: blueprint.creatorId, role: 'admin', groupId: groupIds.get(organiserGroup)! },
      tx,
    );
    if (plan) await this.applyPlan(tx, consultationId, plan);
    return { consultationId, groupIds };
  }

  private async applyPlan(tx: TransactionSql, consultationId: string, plan: TemplatePlan) {
    const sectionIds = new Map<string, string>();
    for (const section of plan.sections) {
      const row = await this.sections.insert({ consultationId, ...section }, tx);
      sectionIds.set(section.number, row.id);
    }
    const idsOf = (numbers: string[]) => numbers.map((number) => sectionIds.get(number)!);
    const sessionIds = new Map<string, string>();
    for (const { key, sectionNumbers, ...session } of plan.sessions) {
      const id = await this.sessions.insert(consultationId, session, tx);
      await this.sessions.setSections(id, idsOf(sectionNumbers), tx);
      sessionIds.set(key, id);
    }
    for (const question of plan.questions) {
      const id = await this.questions.insert(
        consultationId,
        {
          number: question.number,
          text: question.text,
          sessionId: question.sessionKey ? sessionIds.get(question.sessionKey)! : null,
        },
        tx,
      );
      await this.questions.setSections(id, idsOf(question.sectionNumbers), tx);
    }
    for (const item of plan.checklist) {
      await this.checklist.insert(consultationId, item.label, item.position, tx);
    }
  }
}
