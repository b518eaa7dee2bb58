import { z } from 'zod';
import { type Language, LANGUAGES } from '../languages.js';
import { uuid } from './common.js';

/**
 * What can be exported (SPEC §5): the summary notes as DOCX, PDF or Markdown, all input as CSV, and
 * the published results (how input was taken into account, who took part) for posting
 * elsewhere. Every format is non-attributed by construction (SPEC §3).
 */
export const EXPORT_FORMATS = [
  'summary-docx',
  'summary-pdf',
  'summary-markdown',
  'input-csv',
  'results-docx',
  'results-pdf',
  'results-markdown',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportParams = z.strictObject({
  consultationId: uuid,
  format: z.enum(EXPORT_FORMATS, { message: `must be one of ${EXPORT_FORMATS.join(', ')}` }),
});
export type ExportParams = z.infer<typeof exportParams>;

export const exportQuery = z.strictObject({
  /** Only this agenda session's guiding questions and their input. */
  sessionId: uuid.optional(),
  /**
   * `true` adds participants' names. Only an admin may ask, and only while the attribution mode
   * is `named`; otherwise names never leave the server in an export.
   */
  includeNames: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .optional()
    .transform((value) => value === 'true'),
  /**
   * The language of the export's own words, dates and numbers; what people wrote stays as
   * written. Default: the account's language, else English.
   */
  language: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }).optional(),
});

/**
 * Languages PDF exports cannot be laid out in: the PDF renderer neither shapes Arabic nor lays
 * text out right to left, and its font has no Chinese characters. Word and Markdown have them all.
 */
export const NO_PDF_LANGUAGES: readonly Language[] = ['ar', 'zh'];
export type ExportQuery = z.infer<typeof exportQuery>;

/**
 * Response header with the number of data rows a CSV export will hold, sent before the first
 * row so a client can show progress while it streams.
 */
export const EXPORT_ROWS_HEADER = 'X-Export-Rows';
