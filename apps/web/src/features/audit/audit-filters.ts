import { AUDIT_ACTIONS, localDate, uuid, type AuditAction, type AuditCsvQuery } from '@cw/shared';

export type AuditFilterName = keyof AuditCsvQuery;

/** The audit filters kept in the address; values the server would refuse are left out. */
export function auditFiltersFromSearch(search: URLSearchParams): AuditCsvQuery {
  const action = search.get('action');
  const actorId = uuid.safeParse(search.get('actorId')).data;
  const from = localDate.safeParse(search.get('from')).data;
  const to = localDate.safeParse(search.get('to')).data;
  return {
    ...((AUDIT_ACTIONS as readonly string[]).includes(action ?? '') ? { action: action as AuditAction } : {}),
    ...(actorId ? { actorId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** One entry's before → after, field by field, for reading ("attributionMode: chatham → named"). */
export function changes(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Array<{ field: string; before: string; after: string }> {
  const text = (value: unknown) =>
    value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => ({ field, before: text(before?.[field]), after: text(after?.[field]) }));
}
