import { pipeline, Readable } from 'node:stream';
import { groupLabel, type LabelScope } from '@cw/shared';
import { stringify } from 'csv-stringify';
import { SPREADSHEET_CSV } from '../../common/spreadsheet-csv.js';
import { shownScope } from '../attribution/index.js';
import { HIDDEN_TEXT, OUTCOME_LABELS, STATUS_LABELS } from './export-labels.js';
import type { InputCsvRow } from './exports.repository.js';

const COLUMNS = [
  { key: 'thread', header: 'Thread' },
  { key: 'group', header: 'Stakeholder group' },
  { key: 'question', header: 'Guiding question' },
  { key: 'section', header: 'Section' },
  { key: 'passage', header: 'Quoted passage' },
  { key: 'text', header: 'Text' },
  { key: 'status', header: 'Status' },
  { key: 'outcome', header: 'Outcome' },
  { key: 'date', header: 'Date' },
] as const;
const NAME_COLUMN = { key: 'name', header: 'Name' } as const;

type CsvRecord = Record<(typeof COLUMNS)[number]['key'] | 'name', string>;

/**
 * One comment as a CSV record: its group by the k-anonymous label rule, or as it is when names
 * were granted (`labelScopes` undefined).
 */
export function toCsvRecord(row: InputCsvRow, labelScopes?: Readonly<Record<string, LabelScope>>): CsvRecord {
  const input = { groupId: row.group_id, labelScope: row.label_scope };
  return {
    thread: String(row.thread_number),
    group: labelScopes ? groupLabel(shownScope(input, labelScopes), row.group_name) : row.group_name,
    question: row.question_number === null ? 'General input' : `${row.question_number}. ${row.question_text}`,
    section: row.section_number === null ? '' : `${row.section_number} ${row.section_title}`,
    passage: row.quote ?? '',
    text: row.is_hidden ? HIDDEN_TEXT : row.body,
    status: STATUS_LABELS[row.status],
    outcome: row.outcome === null ? '' : OUTCOME_LABELS[row.outcome],
    date: row.day,
    name: row.author_name ?? '',
  };
}

/**
 * All input as CSV for spreadsheets (`SPREADSHEET_CSV`). Rows are pulled from `batches` only as
 * fast as the reader takes the output; destroying the stream stops the source.
 */
export function inputCsvStream(
  batches: AsyncIterable<InputCsvRow[]>,
  labelScopes: Readonly<Record<string, LabelScope>>,
  includeNames: boolean,
): Readable {
  async function* records() {
    const scopes = includeNames ? undefined : labelScopes;
    for await (const batch of batches) for (const row of batch) yield toCsvRecord(row, scopes);
  }
  const stringifier = stringify({
    ...SPREADSHEET_CSV,
    columns: includeNames ? [...COLUMNS, NAME_COLUMN] : [...COLUMNS],
  });
  // A failure reaches the reader as an error on the returned stream; nothing else to do here.
  return pipeline(Readable.from(records()), stringifier, () => undefined);
}
