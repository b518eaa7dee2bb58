import { Injectable } from '@nestjs/common';
import { type ConsultationResults, groupLabel, type LabelScope } from '@cw/shared';
import type { Actor } from '../../common/request-context.js';
import { GroupLabelsRepository, shownScope } from '../attribution/index.js';
import { DashboardService } from '../dashboard/index.js';
import { ResultsRepository } from './results.repository.js';

/**
 * The published results (SPEC §5): how each thread and each decided suggestion was taken into
 * account, and participation by group. Labels follow the k-anonymous label rule and never name
 * anyone, whatever the attribution mode: the results are for posting to everyone. Figures are
 * the dashboard's published ones.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly results: ResultsRepository,
    private readonly labels: GroupLabelsRepository,
    private readonly dashboard: DashboardService,
  ) {}

  async read(actor: Actor): Promise<ConsultationResults> {
    const { consultationId } = actor.member;
    const viewerId = actor.auth.userId;
    const [consultation, questions, threads, suggestions, labelScopes, figures] = await Promise.all([
      this.results.consultation(consultationId),
      this.results.questions(consultationId),
      this.results.threads(consultationId, viewerId),
      this.results.decidedSuggestions(consultationId, viewerId),
      this.labels.scopes(consultationId),
      this.dashboard.read(actor.member, { view: 'published' }),
    ]);
    const labelOf = (input: { groupId: string; groupName: string; labelScope: LabelScope }) =>
      groupLabel(shownScope(input, labelScopes), input.groupName);
    return {
      ...consultation,
      questions: questions.map(({ id, number, text }) => ({ id, number, text })),
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
}
