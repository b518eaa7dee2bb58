import { pipeline, Readable } from 'node:stream';
import type { LabelScope } from '@cw/shared';
import { stringify } from 'csv-stringify';
import { SPREADSHEET_CSV } from '../../common/spreadsheet-csv.js';
import { shownScope } from '../attribution/index.js';
import { type ExportText, shownLabel } from './export-text.js';
import type { InputCsvRow } from './exports.repository.js';

const COLUMNS = [
  'thread',
  'group',
  'question',
  'section',
  'passage',
  'text',
  'status',
  'outcome',
  'date',
] as const;

type CsvRecord = Record<(typeof COLUMNS)[number] | 'name', string>;

/**
 * One comment as a CSV record: its group by the k-anonymous label rule, or as it is when names
 * were granted (`labelScopes` undefined).
 */
export function toCsvRecord(
  row: InputCsvRow,
  text: ExportText,
  labelScopes?: Readonly<Record<string, LabelScope>>,
): CsvRecord {
  const input = { groupId: row.group_id, labelScope: row.label_scope };
  return {
    thread: String(row.thread_number),
    group: labelScopes ? shownLabel(text, shownScope(input, labelScopes), row.group_name) : row.group_name,
    question:
      row.question_number === null
        ? text.t('labels.generalInput')
        : `${row.question_number}. ${row.question_text}`,
    section: row.section_number === null ? '' : `${row.section_number} ${row.section_title}`,
    passage: row.quote ?? '',
    text: row.is_hidden ? text.t('labels.hidden') : row.body,
    status: text.t(`labels.status.${row.status}`),
    outcome: row.outcome === null ? '' : text.t(`labels.outcomes.${row.outcome}`),
    date: row.day,
    name: row.author_name ?? '',
  };
}

/**
 * All input as CSV for spreadsheets (`SPREADSHEET_CSV`), its headers and the words it puts in
 * cells in `text`'s language; dates stay ISO 8601 (YYYY-MM-DD), which every spreadsheet reads as a
 * date whatever its language. Rows are pulled from `batches` only as
 * fast as the reader takes the output; destroying the stream stops the source.
 */
export function inputCsvStream(
  batches: AsyncIterable<InputCsvRow[]>,
  labelScopes: Readonly<Record<string, LabelScope>>,
  includeNames: boolean,
  text: ExportText,
): Readable {
  async function* records() {
    const scopes = includeNames ? undefined : labelScopes;
    for await (const batch of batches) for (const row of batch) yield toCsvRecord(row, text, scopes);
  }
  const keys = includeNames ? [...COLUMNS, 'name' as const] : [...COLUMNS];
  const stringifier = stringify({
    ...SPREADSHEET_CSV,
    columns: keys.map((key) => ({ key, header: text.t(`csv.${key}`) })),
  });
  // A failure reaches the reader as an error on the returned stream; nothing else to do here.
  return pipeline(Readable.from(records()), stringifier, () => undefined);
}
