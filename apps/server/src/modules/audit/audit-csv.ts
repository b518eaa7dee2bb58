import type { AuditEntry, AuditState } from '@cw/shared';
import { stringify } from 'csv-stringify/sync';
import { SPREADSHEET_CSV } from '../../common/spreadsheet-csv.js';

const state = (value: AuditState | null) => (value === null ? '' : JSON.stringify(value));

/** The audit log as CSV for spreadsheets (`SPREADSHEET_CSV`), times as ISO 8601 instants. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return stringify(
    entries.map((entry) => ({
      time: entry.createdAt,
      who: entry.actor.name,
      role: entry.actor.role,
      action: entry.action,
      target: `${entry.target.type}: ${entry.target.label}`,
      before: state(entry.before),
      after: state(entry.after),
    })),
    {
      ...SPREADSHEET_CSV,
      columns: [
        { key: 'time', header: 'Time (UTC)' },
        { key: 'who', header: 'Who' },
        { key: 'role', header: 'Role' },
        { key: 'action', header: 'Action' },
        { key: 'target', header: 'On' },
        { key: 'before', header: 'Before' },
        { key: 'after', header: 'After' },
      ],
    },
  );
}
