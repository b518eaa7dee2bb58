import type { Options } from 'csv-stringify';

/**
 * CSV as spreadsheets read it safely: RFC 4180 (CRLF between records, fields quoted when they hold
 * a comma, quote or line break), a UTF-8 byte order mark so they pick the right encoding, and a
 * leading apostrophe on fields starting with = + - @ tab or CR, so a spreadsheet shows them as text
 * instead of running them as formulas. Every CSV the server sends uses these.
 */
export const SPREADSHEET_CSV = {
  bom: true,
  header: true,
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  escape_formulas: true,
} as const satisfies Options;
