import { Injectable } from '@nestjs/common';
import type { AgendaSession, ChecklistItem, GuidingQuestion, Section, StakeholderGroup } from '@cw/shared';
import type { TransactionSql } from '../../db/database.js';
import type { TemplatePlan } from '../templates/index.js';
import { AgendaSessionsRepository } from './agenda-sessions.repository.js';
import { ChecklistRepository } from './checklist.repository.js';
import { GroupsRepository } from './groups.repository.js';
import { QuestionsRepository } from './questions.repository.js';
import { SectionsRepository } from './sections.repository.js';

/** Everything a consultation is made of besides its settings and members, in display order. */
export interface ConsultationOutline {
  groups: StakeholderGroup[];
  sections: Section[];
  sessions: AgendaSession[];
  questions: GuidingQuestion[];
  checklist: ChecklistItem[];
}

/**
 * A consultation's structure as the rest of the app uses it: written whole when a consultation
 * is built (inside the caller's transaction), read whole when it is shown.
 */
@Injectable()
export class ConsultationStructure {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly sections: SectionsRepository,
    private readonly sessions: AgendaSessionsRepository,
    private readonly questions: QuestionsRepository,
    private readonly checklist: ChecklistRepository,
  ) {}

  async outline(consultationId: string): Promise<ConsultationOutline> {
    const [groups, sections, sessions, questions, checklist] = await Promise.all([
      this.groups.list(consultationId),
      this.sections.list(consultationId),
      this.sessions.list(consultationId),
      this.questions.list(consultationId),
      this.checklist.list(consultationId),
    ]);
    return { groups, sections, sessions, questions, checklist };
  }

  /** Adds the stakeholder groups in this order; returns their ids by name. */
  async addGroups(tx: TransactionSql, consultationId: string, names: readonly string[]) {
    const ids = new Map<string, string>();
    for (const [position, name] of names.entries()) {
      const group = await this.groups.insert(consultationId, { name, description: '' }, position, tx);
      ids.set(name, group!.id);
    }
    return ids;
  }

  /** Writes a template's sections, agenda, questions and checklist, linked to one another. */
  async applyPlan(tx: TransactionSql, consultationId: string, plan: TemplatePlan): Promise<void> {
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
