import { Injectable } from '@nestjs/common';
import {
  can,
  type ConsultationResults,
  groupLabel,
  type LabelScope,
  type ResultSession,
  resultsScope,
} from '@cw/shared';
import { AppError } from '../../common/app-error.js';
import type { Actor, MembershipContext } from '../../common/request-context.js';
import { GroupLabelsRepository, shownScope } from '../attribution/index.js';
import { DashboardService } from '../dashboard/index.js';
import { type SessionNotes, SessionNotesService } from '../notes/index.js';
import { ResultsRepository } from './results.repository.js';

/**
 * The published results (SPEC §5): the summary notes of each agenda session, how each thread and
 * each decided suggestion was taken into account, and participation by group. Labels follow the
 * k-anonymous label rule and never name anyone, whatever the attribution mode: the results are
 * for posting to everyone. Figures are the dashboard's published ones. Before the consultation is
 * published, members read the session notes published so far and nothing else (`resultsScope`).
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly results: ResultsRepository,
    private readonly labels: GroupLabelsRepository,
    private readonly dashboard: DashboardService,
    private readonly sessionNotes: SessionNotesService,
  ) {}

  async read(actor: Actor): Promise<ConsultationResults> {
    const { consultationId, role, phase } = actor.member;
    const viewerId = actor.auth.userId;
    const hasPublishedNotes =
      phase === 'published' ||
      can(role, 'notes.publish', phase) ||
      (await this.sessionNotes.anyPublished(consultationId));
    const scope = resultsScope(role, phase, hasPublishedNotes);
    if (!scope) throw new AppError('PHASE_FORBIDS', 'The results are not published yet');
    const [consultation, questions, notes] = await Promise.all([
      this.results.consultation(consultationId),
      this.results.questions(consultationId),
      // What members will read once published, the organisers preview before.
      this.sessionNotes.forMembers(consultationId, scope === 'all'),
    ]);
    const sessions = await Promise.all(notes.map((entry) => this.session(actor.member, entry)));
    const base = {
      ...consultation,
      sessions,
      questions: questions.map(({ id, number, text }) => ({ id, number, text })),
    };
    if (scope === 'sessionNotes') return { ...base, threads: [], suggestions: [], participation: null };

    const [threads, suggestions, labelScopes, figures] = await Promise.all([
      this.results.threads(consultationId, viewerId),
      this.results.decidedSuggestions(consultationId, viewerId),
      this.labels.scopes(consultationId),
      this.dashboard.read(actor.member, { view: 'published' }),
    ]);
    const labelOf = (input: { groupId: string; groupName: string; labelScope: LabelScope }) =>
      groupLabel(shownScope(input, labelScopes), input.groupName);
    return {
      ...base,
      threads: threads.map(({ opener, ...thread }) => ({ ...thread, label: labelOf(opener) })),
      suggestions: suggestions.map(({ suggester, ...suggestion }) => ({
        ...suggestion,
        label: labelOf(suggester),
      })),
      participation: {
        rows: figures.rows.map((row, index) => ({
          label: row.label,
          figures: figures.participation.rows[index]!,
        })),
        total: figures.participation.total,
      },
    };
  }

  /** A session's notes with the published figures of the input on its questions and sections. */
  private async session(
    member: MembershipContext,
    { session, notes, publishedAt }: SessionNotes,
  ): Promise<ResultSession> {
    const figures = await this.dashboard.read(member, { view: 'published', sessionId: session.id });
    return {
      id: session.id,
      title: session.title,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      notes: { ...notes, publishedAt: publishedAt?.toISOString() ?? null },
      figures: {
        total: figures.byDay.grandTotal,
        questions: figures.questions.map((question, column) => ({
          questionId: question.id,
          figures: figures.byQuestion.columnTotals[column]!,
        })),
        sections: figures.sections.map((section, column) => ({
          sectionId: section.id,
          number: section.number,
          title: section.title,
          figures: figures.bySection.columnTotals[column]!,
        })),
      },
    };
  }
}
