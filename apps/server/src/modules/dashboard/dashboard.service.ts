import { Injectable } from '@nestjs/common';
import type { DashboardData, DashboardQuery, DashboardView, GapTarget } from '@cw/shared';
import { AppError } from '../../common/app-error.js';
import type { MembershipContext } from '../../common/request-context.js';
import { findGaps } from './dashboard-gaps.js';
import { participationView } from './dashboard-participation.js';
import {
  type ExactTable,
  layOut,
  maskOf,
  publishedView,
  questionCharsFromSections,
  withCharsEdited,
} from './dashboard-tables.js';
import { DashboardRepository, type DashboardScope } from './dashboard.repository.js';

/**
 * Input by stakeholder group (SPEC §5). Admins see exact internal counts; everyone else, and
 * admins asking for `view=published`, the published figures: nothing drawn from fewer than k
 * people, and nothing hidden that the shown figures would give away (SPEC §3).
 */
@Injectable()
export class DashboardService {
  constructor(private readonly dashboard: DashboardRepository) {}

  async read(member: MembershipContext, query: DashboardQuery): Promise<DashboardData> {
    const view = this.viewFor(member, query.view);
    const consultationId = member.consultationId;
    if (query.sessionId && !(await this.dashboard.sessionExists(consultationId, query.sessionId))) {
      throw new AppError('VALIDATION_FAILED', 'Invalid request: query.sessionId: no such agenda session', [
        { path: 'query.sessionId', message: 'must be an agenda session of this consultation' },
      ]);
    }
    const { timezone, kThreshold: k } = await this.dashboard.settings(consultationId);
    const scope: DashboardScope = {
      consultationId,
      timezone,
      sessionId: query.sessionId ?? null,
      phase: query.phase ?? null,
    };
    const [groups, questions, sections, links, membership, sessions, figures] = await Promise.all([
      this.dashboard.groups(consultationId),
      this.dashboard.questions(scope),
      this.dashboard.sections(scope),
      this.dashboard.questionSections(consultationId),
      this.dashboard.membership(consultationId),
      this.dashboard.sessions(consultationId),
      this.dashboard.figures(scope),
    ]);
    const { question: byQuestion, section: bySection, day: byDay } = figures;
    const groupIds = groups.map((group) => group.id);
    const days = [...new Set(byDay.flatMap((row) => (row.columnKey ? [row.columnKey] : [])))].sort();

    const questionTable = layOut(
      byQuestion,
      groupIds,
      questions.map((question) => question.id),
    );
    const sectionTable = layOut(
      bySection,
      groupIds,
      sections.map((section) => section.id),
    );
    const dayTable = layOut(byDay, groupIds, days);
    const sectionColumn = new Map(sections.map((section, column) => [section.id, column]));
    const sectionsOf = questions.map((question) =>
      links.flatMap((link) => {
        const column = link.question_id === question.id ? sectionColumn.get(link.section_id) : undefined;
        return column === undefined ? [] : [column];
      }),
    );

    const isPublished = view === 'published';
    const show = (table: ExactTable) => {
      const mask = isPublished ? maskOf(table, k) : undefined;
      return { mask, table: mask ? publishedView(table, mask, k) : table };
    };
    const shownSections = show(sectionTable);
    const shownDays = show(dayTable);
    const shownQuestions = withCharsEdited(
      show(questionTable).table,
      questionCharsFromSections(sectionTable, sectionsOf, shownSections.mask),
      k,
    );

    const questionTargets: GapTarget[] = questions.map((q) => ({
      kind: 'question',
      id: q.id,
      number: q.number,
    }));
    const sectionTargets: GapTarget[] = sections.map((s) => ({
      kind: 'section',
      id: s.id,
      number: s.number,
    }));
    const counts = new Map(membership.map((row) => [row.group_id, row]));
    const participation = participationView(
      {
        invited: groupIds.map((id) => counts.get(id)?.invited ?? 0),
        joined: groupIds.map((id) => counts.get(id)?.joined ?? 0),
        active: dayTable.rowTotals.map((figures) => figures.participants),
        activeTotal: dayTable.grandTotal.participants,
      },
      // Active members are the day table's row totals: they share its mask, not one of their own.
      shownDays.mask && { cells: shownDays.mask.rowTotals, total: shownDays.mask.grandTotal },
      isPublished ? k : undefined,
    );

    return {
      view,
      kThreshold: k,
      timezone,
      filters: { sessionId: scope.sessionId, phase: scope.phase },
      groups: groups.map(({ id, name }) => ({ id, name })),
      questions: questions.map(({ id, number, text }) => ({ id, number, text })),
      sections: sections.map(({ id, number, title }) => ({ id, number, title })),
      days,
      byQuestion: shownQuestions,
      bySection: shownSections.table,
      byDay: shownDays.table,
      participation,
      gaps: [
        ...findGaps(shownQuestions, groupIds, questionTargets),
        ...findGaps(shownSections.table, groupIds, sectionTargets),
      ],
      sessions: sessions.map(({ id, title }) => ({ id, title })),
    };
  }

  /** Editors only ever get the published figures; asking for exact ones is refused, not ignored. */
  private viewFor(member: MembershipContext, asked: DashboardView | undefined): DashboardView {
    if (member.role === 'admin') return asked ?? 'exact';
    if (asked === 'exact')
      throw new AppError('FORBIDDEN', 'Only admins see exact counts; editors see the published figures');
    return 'published';
  }
}
