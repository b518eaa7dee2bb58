import type { AuditEntry, AuditState } from '@cw/shared';
import { stringify } from 'csv-stringify/sync';

const state = (value: AuditState | null) => (value === null ? '' : JSON.stringify(value));

/**
 * The audit log as CSV (RFC 4180, UTF-8 with a byte order mark), times as ISO 8601 instants;
 * cells starting like a formula get a leading apostrophe, as in the input export.
 */
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
      bom: true,
      header: true,
      columns: [
        { key: 'time', header: 'Time (UTC)' },
        { key: 'who', header: 'Who' },
        { key: 'role', header: 'Role' },
        { key: 'action', header: 'Action' },
        { key: 'target', header: 'On' },
        { key: 'before', header: 'Before' },
        { key: 'after', header: 'After' },
      ],
      record_delimiter: 'windows',
      quote_record_delimiter: true,
      escape_formulas: true,
    },
  );
}
