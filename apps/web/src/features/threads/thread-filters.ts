import { THREAD_STATUSES, type ConsultationDetail, type ThreadListQuery } from '@cw/shared';

/**
 * "Any", as a value of its own: Radix selects cannot hold an empty value, and a view whose
 * status filter defaults to something else needs "any" said explicitly in the address.
 */
export const ANY_FILTER = 'any';

/**
 * The list filters kept in the address (`status`, `section`, `group`), so a filtered view can be
 * shared. `defaultStatus` applies when the address names no status (`status=any` names none).
 */
export function filtersFromSearch(
  search: URLSearchParams,
  consultation: ConsultationDetail,
  defaultStatus?: ThreadListQuery['status'],
): ThreadListQuery {
  const status = search.get('status') ?? defaultStatus;
  const sectionId = search.get('section');
  const groupId = search.get('group');
  return {
    ...((THREAD_STATUSES as readonly string[]).includes(status ?? '')
      ? { status: status as ThreadListQuery['status'] }
      : {}),
    ...(consultation.sections.some((section) => section.id === sectionId) ? { sectionId: sectionId! } : {}),
    ...(consultation.groups.some((group) => group.id === groupId) ? { groupId: groupId! } : {}),
  };
}

/** The address's search part with one filter set, or removed when `value` is empty. */
export function withFilter(search: URLSearchParams, name: 'status' | 'section' | 'group', value: string) {
  const next = new URLSearchParams(search);
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
}
