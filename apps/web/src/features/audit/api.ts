import { auditEntry, type AuditCsvQuery } from '@cw/shared';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

/** The filters as a query string, leaving out those not set. */
function filterQuery(filters: AuditCsvQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** A page of entries, newest first; `before` is the last entry of the previous page. */
export const fetchAuditPage = (consultationId: string, filters: AuditCsvQuery, before?: string) =>
  api.get(
    `${consultationPath(consultationId)}/audit${filterQuery(filters, { limit: String(AUDIT_PAGE_SIZE), ...(before ? { before } : {}) })}`,
    auditEntry.array(),
  );

/** Where the browser downloads every matching entry as CSV, with the session cookie. */
export const auditCsvUrl = (consultationId: string, filters: AuditCsvQuery) =>
  `${consultationPath(consultationId)}/audit/csv${filterQuery(filters)}`;

export const AUDIT_PAGE_SIZE = 50;
