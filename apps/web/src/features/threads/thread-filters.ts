import {
  maySeeNames,
  POOLED_GROUPS_FILTER,
  THREAD_STATUSES,
  type ConsultationDetail,
  type ThreadListQuery,
} from '@cw/shared';

/**
 * The groups a member may filter by, as the server matches them: every group for one who sees
 * names; otherwise only the groups named by the k-anonymous label rule, and the pool of the others
 * (`value` null: the caller words it).
 */
export function groupFilterChoices(
  consultation: Pick<ConsultationDetail, 'groups' | 'attributionMode' | 'role'>,
): Array<{ key: string; value: string | null; label: string }> {
  const sees = maySeeNames(consultation.attributionMode, consultation.role);
  const groups = [...consultation.groups]
    .sort((a, b) => a.position - b.position)
    .filter((group) => sees || group.labelScope === 'group')
    .map((group) => ({ key: group.id, value: group.id as string | null, label: group.name }));
  const hasPool = consultation.groups.some((group) => group.labelScope === 'pool');
  return hasPool ? [...groups, { key: POOLED_GROUPS_FILTER, value: null, label: '' }] : groups;
}

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
    ...(groupFilterChoices(consultation).some((choice) => choice.key === groupId)
      ? { groupId: groupId! }
      : {}),
  };
}

/** The address's search part with one filter set, or removed when `value` is empty. */
export function withFilter(search: URLSearchParams, name: 'status' | 'section' | 'group', value: string) {
  const next = new URLSearchParams(search);
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
}
