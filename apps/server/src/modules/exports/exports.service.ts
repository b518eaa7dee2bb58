import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { type ExportFormat, type ExportQuery, instantToZoned, mayExportNames } from '@cw/shared';
import { AppError } from '../../common/app-error.js';
import type { MembershipContext } from '../../common/request-context.js';
import { inputCsvStream } from './input-csv.js';
import { type ConsultationFacts, ExportsRepository, type ExportScope } from './exports.repository.js';
import { buildSummaryNotes } from './summary-notes.js';
import type { SummaryNotes } from './summary-notes.model.js';
import { renderSummaryInWorker } from './summary-render.js';

/** A finished or streaming export, ready to send. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer | Readable;
  /** Data rows of a CSV, counted before it streams (for progress). */
  rows?: number;
}

/** CSV rows read from the database per round trip. */
const CSV_BATCH_ROWS = 500;

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Summary notes and the CSV of all input, non-attributed by construction (SPEC §3, §5). */
@Injectable()
export class ExportsService {
  constructor(private readonly exports: ExportsRepository) {}

  async export(member: MembershipContext, format: ExportFormat, query: ExportQuery): Promise<ExportFile> {
    const scope = await this.scope(member, query);
    const consultation = await this.exports.consultation(member.consultationId);
    const day = instantToZoned(new Date(), consultation.timezone).slice(0, 10);
    switch (format) {
      case 'summary-markdown':
        return {
          filename: `summary-notes-${day}.md`,
          contentType: 'text/markdown; charset=utf-8',
          body: await renderSummaryInWorker('markdown', await this.summaryNotes(scope, consultation)),
        };
      case 'summary-docx':
        return {
          filename: `summary-notes-${day}.docx`,
          contentType: DOCX_TYPE,
          body: await renderSummaryInWorker('docx', await this.summaryNotes(scope, consultation)),
        };
      case 'input-csv':
        return {
          filename: `input-${day}.csv`,
          contentType: 'text/csv; charset=utf-8',
          rows: await this.exports.inputCount(scope),
          body: inputCsvStream(this.exports.inputCsvRows(scope, CSV_BATCH_ROWS), scope.includeNames),
        };
    }
  }

  /** Checks the request against the rules the permission matrix cannot express. */
  private async scope(member: MembershipContext, query: ExportQuery): Promise<ExportScope> {
    if (query.includeNames) {
      if (member.role !== 'admin')
        throw new AppError('FORBIDDEN', 'Only admins may include names in an export');
      if (!mayExportNames(member.attributionMode, member.role)) {
        throw new AppError(
          'VALIDATION_FAILED',
          'Names can be included only while the attribution mode is named',
          [
            {
              path: 'query.includeNames',
              message: 'names can be included only while the attribution mode is named',
            },
          ],
        );
      }
    }
    if (query.sessionId !== undefined) {
      const [session] = await this.exports.sessions(member.consultationId, query.sessionId);
      if (!session) {
        throw new AppError('VALIDATION_FAILED', 'No such agenda session in this consultation', [
          { path: 'query.sessionId', message: 'is not an agenda session of this consultation' },
        ]);
      }
    }
    return {
      consultationId: member.consultationId,
      sessionId: query.sessionId,
      includeNames: query.includeNames,
    };
  }

  private async summaryNotes(scope: ExportScope, consultation: ConsultationFacts): Promise<SummaryNotes> {
    const [sessions, questions, groups, input, commentsByGroup, threadsByOutcome] = await Promise.all([
      this.exports.sessions(scope.consultationId, scope.sessionId),
      this.exports.questions(scope),
      this.exports.groups(scope.consultationId),
      this.exports.input(scope),
      this.exports.commentsByGroup(scope),
      this.exports.threadsByOutcome(scope),
    ]);
    return buildSummaryNotes({
      consultation,
      sessions,
      isSessionFiltered: scope.sessionId !== undefined,
      questions,
      groups,
      input,
      commentsByGroup,
      threadsByOutcome,
      includeNames: scope.includeNames,
      generatedAt: new Date(),
    });
  }
}
