import { Injectable } from '@nestjs/common';
import {
  type DashboardData,
  type DashboardQuery,
  type DashboardRow,
  type DashboardView,
  type GapTarget,
  SUGGESTION_STATES,
} from '@cw/shared';
import { AppError } from '../../common/app-error.js';
import type { MembershipContext } from '../../common/request-context.js';
import { GroupLabelsRepository, labelRows, rowKeyOf } from '../attribution/index.js';
import {
  type FiguresScope,
  InputFiguresRepository,
  layOut,
  suggestionStateKey,
} from '../statistics/index.js';
import { consultedGroups } from './consulted-groups.js';
import { findGaps } from './dashboard-gaps.js';
import { participationView } from './dashboard-participation.js';
import { questionCharsFromSections, toInputTable, withCharsEdited } from './dashboard-tables.js';
import { DashboardRepository } from './dashboard.repository.js';

const suggestionStateKeys = SUGGESTION_STATES.map(suggestionStateKey);

/**
 * Input by stakeholder group (SPEC §5). Admins see exact internal counts by group; everyone else,
 * and admins asking for `view=published`, the published figures: rows by k-anonymous label, and
 * no figure counting input from a cell of fewer than k people in any view (SPEC §3). Gaps are
 * reported only for rows that can give input: never the organisers' group or observers alone.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dashboard: DashboardRepository,
    private readonly figures: InputFiguresRepository,
    private readonly labels: GroupLabelsRepository,
  ) {}

  async read(member: MembershipContext, query: DashboardQuery): Promise<DashboardData> {
    const view = this.viewFor(member, query.view);
    const consultationId = member.consultationId;
    if (query.sessionId && !(await this.dashboard.sessionExists(consultationId, query.sessionId))) {
      throw new AppError('VALIDATION_FAILED', 'Invalid request: query.sessionId: no such agenda session', [
        {
          path: 'query.sessionId',
          message: 'must be an agenda session of this consultation',
          code: 'unknownSession',
        },
      ]);
    }
    const isPublished = view === 'published';
    const [{ timezone, kThreshold: k }, labelScopes] = await Promise.all([
      this.dashboard.settings(consultationId),
      this.labels.scopes(consultationId),
    ]);
    const scope = { consultationId, sessionId: query.sessionId ?? null };
    const [groups, questions, sections, links, membership, seats, sessions] = await Promise.all([
      this.dashboard.groups(consultationId),
      this.dashboard.questions(scope),
      this.dashboard.sections(scope),
      this.dashboard.questionSections(consultationId),
      this.dashboard.membership(consultationId),
      this.dashboard.seats(consultationId),
      this.dashboard.sessions(consultationId),
    ]);
    const figuresScope: FiguresScope = {
      consultationId,
      timezone,
      disclosure: isPublished ? { k, labelScopes } : null,
      phase: query.phase ?? null,
      day: query.day ?? null,
      sessionId: scope.sessionId,
    };
    const figureRows = await this.figures.tables(figuresScope, [
      { name: 'question', row: 'row', column: 'question', columnKeys: questions.map((q) => q.id) },
      { name: 'section', row: 'row', column: 'section', columnKeys: sections.map((s) => s.id) },
      { name: 'day', row: 'row', column: 'day', inSessionOnly: scope.sessionId !== null },
      {
        name: 'suggestion',
        row: 'row',
        column: 'outcome',
        columnKeys: suggestionStateKeys,
        inSessionOnly: scope.sessionId !== null,
      },
    ]);
    const of = (table: string) => figureRows.filter((row) => row.table === table);

    const groupRowKey = (groupId: string) =>
      isPublished ? rowKeyOf(groupId, labelScopes[groupId] ?? 'participant') : groupId;
    const rows: DashboardRow[] = isPublished
      ? labelRows(groups, labelScopes, new Set(figureRows.map((row) => row.rowKey)))
      : groups.map((group) => ({ key: group.id, groupId: group.id, scope: 'group', label: group.name }));
    const rowKeys = rows.map((row) => row.key);
    const consulted = consultedGroups(seats.map((seat) => ({ groupId: seat.group_id, role: seat.role })));
    // A pooled row can give input when any group in it can.
    const consultedRows = new Set(
      groups.filter((group) => consulted.has(group.id)).map((g) => groupRowKey(g.id)),
    );
    const days = [...new Set(of('day').flatMap((row) => (row.columnKey ? [row.columnKey] : [])))].sort();

    const questionTable = layOut(
      of('question'),
      rowKeys,
      questions.map((question) => question.id),
    );
    const sectionTable = layOut(
      of('section'),
      rowKeys,
      sections.map((section) => section.id),
    );
    const dayTable = layOut(of('day'), rowKeys, days);
    const sectionColumn = new Map(sections.map((section, column) => [section.id, column]));
    const sectionsOf = questions.map((question) =>
      links.flatMap((link) => {
        const column = link.question_id === question.id ? sectionColumn.get(link.section_id) : undefined;
        return column === undefined ? [] : [column];
      }),
    );
    const byQuestion = withCharsEdited(
      toInputTable(questionTable),
      questionCharsFromSections(sectionTable, sectionsOf),
    );
    const bySection = toInputTable(sectionTable);

    const headCount = (of: 'invited' | 'joined') =>
      rowKeys.map((rowKey) =>
        membership
          .filter((group) => groupRowKey(group.group_id) === rowKey)
          .reduce((sum, group) => sum + group[of], 0),
      );
    const participation = participationView(
      { invited: headCount('invited'), joined: headCount('joined') },
      { rows: dayTable.rowTotals, total: dayTable.grandTotal },
      isPublished ? k : undefined,
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

    return {
      view,
      kThreshold: k,
      timezone,
      filters: { sessionId: scope.sessionId, phase: figuresScope.phase, day: figuresScope.day },
      rows,
      questions: questions.map(({ id, number, text }) => ({ id, number, text })),
      sections: sections.map(({ id, number, title }) => ({ id, number, title })),
      days,
      byQuestion,
      bySection,
      byDay: toInputTable(dayTable),
      bySuggestionState: toInputTable(layOut(of('suggestion'), rowKeys, suggestionStateKeys)),
      participation,
      gaps: [
        ...findGaps(byQuestion, rowKeys, questionTargets),
        ...findGaps(bySection, rowKeys, sectionTargets),
      ].filter((gap) => gap.rowKey === null || consultedRows.has(gap.rowKey)),
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
