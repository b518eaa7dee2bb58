import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import {
  DEFAULT_LANGUAGE,
  type ExportFormat,
  type ExportQuery,
  instantToZoned,
  type Language,
  mayExportNames,
  NO_PDF_LANGUAGES,
  SUGGESTION_STATES,
  THREAD_OUTCOMES,
} from '@cw/shared';
import { AppError } from '../../common/app-error.js';
import type { Actor, MembershipContext } from '../../common/request-context.js';
import { AuditLog } from '../audit/index.js';
import { GroupLabelsRepository, inputRowKey, labelRows } from '../attribution/index.js';
import { SessionNotesService } from '../notes/index.js';
import { ResultsService } from '../results/index.js';
import { GENERAL_KEY, InputFiguresRepository, OPEN_KEY, suggestionStateKey } from '../statistics/index.js';
import { type ExportText, exportText } from './export-text.js';
import { inputCsvStream } from './input-csv.js';
import { type ConsultationFacts, ExportsRepository, type ExportScope } from './exports.repository.js';
import { buildResultsNotes } from './results-notes.js';
import { buildSummaryNotes } from './summary-notes.js';
import type { SummaryNotes } from './summary-notes.model.js';
import { renderSummaryInWorker } from './summary-render.js';
import type { SummaryFormat } from './summary-render.worker.js';

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

/** The formats a document is rendered in: the file's extension and type. */
const RENDERED: Readonly<Record<SummaryFormat, { extension: string; contentType: string }>> = {
  markdown: { extension: 'md', contentType: 'text/markdown; charset=utf-8' },
  docx: {
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  pdf: { extension: 'pdf', contentType: 'application/pdf' },
};

/** The document each format holds — the summary notes or the published results — and its rendering. */
const DOCUMENTS: Readonly<
  Record<Exclude<ExportFormat, 'input-csv'>, { document: 'summary' | 'results'; render: SummaryFormat }>
> = {
  'summary-markdown': { document: 'summary', render: 'markdown' },
  'summary-docx': { document: 'summary', render: 'docx' },
  'summary-pdf': { document: 'summary', render: 'pdf' },
  'results-markdown': { document: 'results', render: 'markdown' },
  'results-docx': { document: 'results', render: 'docx' },
  'results-pdf': { document: 'results', render: 'pdf' },
};

/** Summary notes and the CSV of all input, non-attributed by construction (SPEC §3, §5). */
@Injectable()
export class ExportsService {
  constructor(
    private readonly exports: ExportsRepository,
    private readonly figures: InputFiguresRepository,
    private readonly labels: GroupLabelsRepository,
    private readonly audit: AuditLog,
    private readonly results: ResultsService,
    private readonly notes: SessionNotesService,
  ) {}

  /**
   * Every export is recorded in the audit log: which, of what, and with or without names. Its
   * words are in the language asked for, else the account's, else English.
   */
  async export(actor: Actor, format: ExportFormat, query: ExportQuery): Promise<ExportFile> {
    const { member } = actor;
    const language =
      query.language ?? (await this.exports.accountLanguage(actor.auth.userId)) ?? DEFAULT_LANGUAGE;
    const scope = await this.scope(member, format, query, language);
    const text = exportText(language);
    await this.audit.record(actor, {
      action: 'export.created',
      target: { type: 'export', id: null, label: format },
      before: null,
      after: { format, sessionId: scope.sessionId ?? null, includeNames: scope.includeNames },
    });
    const consultation = await this.exports.consultation(member.consultationId);
    const day = instantToZoned(new Date(), consultation.timezone).slice(0, 10);
    if (format !== 'input-csv') {
      const { document, render } = DOCUMENTS[format];
      const notes =
        document === 'summary'
          ? await this.summaryNotes(member, scope, consultation, text)
          : buildResultsNotes(
              await this.results.read(actor),
              { title: consultation.title, timezone: consultation.timezone, generatedAt: new Date() },
              text,
            );
      return {
        filename: `${document === 'summary' ? 'summary-notes' : 'results'}-${day}.${RENDERED[render].extension}`,
        contentType: RENDERED[render].contentType,
        body: await renderSummaryInWorker(render, notes),
      };
    }
    const labelScopes = await this.labels.scopes(member.consultationId);
    return {
      filename: `input-${day}.csv`,
      contentType: 'text/csv; charset=utf-8',
      rows: await this.exports.inputCount(scope),
      body: inputCsvStream(
        this.exports.inputCsvRows(scope, CSV_BATCH_ROWS),
        labelScopes,
        scope.includeNames,
        text,
      ),
    };
  }

  /** Checks the request against the rules the permission matrix cannot express. */
  private async scope(
    member: MembershipContext,
    format: ExportFormat,
    query: ExportQuery,
    language: Language,
  ): Promise<ExportScope> {
    if (format.endsWith('-pdf') && NO_PDF_LANGUAGES.includes(language)) {
      throw new AppError(
        'VALIDATION_FAILED',
        'PDF exports cannot be written in Arabic or Chinese: choose Word or Markdown, or another language',
        [
          {
            path: 'query.language',
            message: 'PDF exports are not available in Arabic or Chinese; Word and Markdown are',
            code: 'invalid',
          },
        ],
      );
    }
    if (format.startsWith('results-') && (query.includeNames || query.sessionId !== undefined)) {
      const field = query.includeNames ? 'includeNames' : 'sessionId';
      throw new AppError('VALIDATION_FAILED', 'The results cover the whole consultation and name no one', [
        { path: `query.${field}`, message: 'does not apply to the results', code: 'invalid' },
      ]);
    }
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
              code: 'invalid',
            },
          ],
        );
      }
    }
    if (query.sessionId !== undefined) {
      const [session] = await this.exports.sessions(member.consultationId, query.sessionId);
      if (!session) {
        throw new AppError('VALIDATION_FAILED', 'No such agenda session in this consultation', [
          {
            path: 'query.sessionId',
            message: 'is not an agenda session of this consultation',
            code: 'unknownSession',
          },
        ]);
      }
    }
    return {
      consultationId: member.consultationId,
      sessionId: query.sessionId,
      includeNames: query.includeNames,
    };
  }

  /**
   * The notes' figures are published like the dashboard's, from the same finest cells, so no
   * difference between an export and a dashboard view gives a small cell away either. Each
   * session's notes are those members read (published, or all once the consultation is).
   */
  private async summaryNotes(
    member: MembershipContext,
    scope: ExportScope,
    consultation: ConsultationFacts,
    text: ExportText,
  ): Promise<SummaryNotes> {
    const [sessions, questions, groups, input, suggestions, labelScopes, sessionNotes] = await Promise.all([
      this.exports.sessions(scope.consultationId, scope.sessionId),
      this.exports.questions(scope),
      this.exports.groups(scope.consultationId),
      this.exports.input(scope),
      this.exports.decidedSuggestions(scope),
      this.labels.scopes(scope.consultationId),
      this.notes.forMembers(scope.consultationId, member.phase === 'published'),
    ]);
    const questionKeys = [
      ...questions.map((question) => question.id),
      ...(scope.sessionId === undefined ? [GENERAL_KEY] : []),
    ];
    const figureRows = await this.figures.tables(
      {
        consultationId: scope.consultationId,
        timezone: consultation.timezone,
        disclosure: { k: consultation.kThreshold, labelScopes },
        phase: null,
        day: null,
        sessionId: scope.sessionId ?? null,
      },
      [
        { name: 'byLabel', row: 'question', column: 'row', rowKeys: questionKeys },
        {
          name: 'byOutcome',
          row: 'question',
          column: 'outcome',
          rowKeys: questionKeys,
          columnKeys: [...THREAD_OUTCOMES, OPEN_KEY],
        },
        {
          name: 'suggestions',
          row: 'row',
          column: 'outcome',
          columnKeys: SUGGESTION_STATES.map(suggestionStateKey),
          inSessionOnly: scope.sessionId !== undefined,
        },
      ],
    );
    const keysWithInput = new Set([
      ...figureRows.map((row) => (row.table === 'byLabel' ? row.columnKey : null)),
      ...figureRows.map((row) => (row.table === 'suggestions' ? row.rowKey : null)),
      ...suggestions.map((record) => inputRowKey(record.suggester, labelScopes)),
      ...input.flatMap((record) => [
        inputRowKey(record.opener, labelScopes),
        inputRowKey(record.author, labelScopes),
      ]),
    ]);
    const notesBySession = new Map(sessionNotes.map(({ session, ...read }) => [session.id, read]));
    return buildSummaryNotes(
      {
        consultation,
        // Programme items (opening remarks, wrap-up…) have no input: they are in only with notes.
        sessions: sessions.filter((session) => session.kind === 'review' || notesBySession.has(session.id)),
        sessionNotes: notesBySession,
        isSessionFiltered: scope.sessionId !== undefined,
        questions,
        groups,
        labelScopes,
        labels: labelRows(groups, labelScopes, keysWithInput),
        input,
        commentsByLabel: figureRows.filter((row) => row.table === 'byLabel'),
        threadsByOutcome: figureRows.filter((row) => row.table === 'byOutcome'),
        suggestions,
        suggestionsByState: figureRows.filter((row) => row.table === 'suggestions'),
        includeNames: scope.includeNames,
        generatedAt: new Date(),
      },
      text,
    );
  }
}
