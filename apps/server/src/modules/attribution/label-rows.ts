import {
  type DashboardRow,
  groupLabel,
  type LabelScope,
  PARTICIPANT_ROW_KEY,
  POOLED_ROW_KEY,
  stricterScope,
} from '@cw/shared';

/** The row a group's input falls in when shown at `scope`: the group's own, or a pool's. */
export function rowKeyOf(groupId: string, scope: LabelScope): string {
  if (scope === 'group') return groupId;
  return scope === 'pool' ? POOLED_ROW_KEY : PARTICIPANT_ROW_KEY;
}

/** A piece of input's group and the label scope recorded with it. */
export interface LabelledInput {
  groupId: string;
  labelScope: LabelScope;
}

/**
 * The scope a group is shown at on one piece of input: the scope recorded with it or the group's
 * scope now, whichever is less precise — a group that grows past k later does not name input
 * made while it was small, and one that shrinks below k stops naming its earlier input.
 */
export function shownScope(
  input: LabelledInput,
  labelScopes: Readonly<Record<string, LabelScope>>,
): LabelScope {
  return stricterScope(input.labelScope, labelScopes[input.groupId] ?? 'participant');
}

/** The row one piece of input falls in. */
export function inputRowKey(input: LabelledInput, labelScopes: Readonly<Record<string, LabelScope>>): string {
  return rowKeyOf(input.groupId, shownScope(input, labelScopes));
}

/**
 * The rows input is shown under where names are not: the groups the label rule names, in their
 * order, then "Other stakeholders" and "A participant" when a group is in that scope now or some
 * input (`keysWithInput`) falls there.
 */
export function labelRows(
  groups: ReadonlyArray<{ id: string; name: string }>,
  labelScopes: Readonly<Record<string, LabelScope>>,
  keysWithInput: ReadonlySet<string | null>,
): DashboardRow[] {
  const rows: DashboardRow[] = groups
    .filter((group) => labelScopes[group.id] === 'group')
    .map((group) => ({ key: group.id, groupId: group.id, scope: 'group', label: group.name }));
  const scopesNow = new Set(Object.values(labelScopes));
  for (const [key, scope] of [
    [POOLED_ROW_KEY, 'pool'],
    [PARTICIPANT_ROW_KEY, 'participant'],
  ] as const) {
    if (scopesNow.has(scope) || keysWithInput.has(key))
      rows.push({ key, groupId: null, scope, label: groupLabel(scope, '') });
  }
  return rows;
}
