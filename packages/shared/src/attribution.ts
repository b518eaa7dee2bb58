import { type AttributionMode, maySeeNames, type Role } from './roles.js';

/**
 * How precisely a stakeholder group may be named on input (SPEC §3), from most to least precise:
 * `group` — the group's own name; `pool` — "Other stakeholders", the groups too small to be named,
 * taken together; `participant` — "A participant", when even that pool is too small.
 */
export const LABEL_SCOPES = ['group', 'pool', 'participant'] as const;
export type LabelScope = (typeof LABEL_SCOPES)[number];

/** The label of input from groups pooled because each has fewer than k members. */
export const POOLED_GROUPS_LABEL = 'Other stakeholders';
/** The label of input whose group is too small even when pooled. */
export const PARTICIPANT_LABEL = 'A participant';

/**
 * The k-anonymous label scope of every group of a consultation, from the number of members each
 * has now: a group is named only with at least `k` members; smaller groups are pooled while the
 * pool (all their members together) has at least `k`, and otherwise shown as "a participant".
 * The one rule behind every group label a viewer without names sees: threads, comments,
 * endorsements, notifications, presence, exports, live events and published figures.
 */
export function labelScopes(
  memberCounts: Readonly<Record<string, number>>,
  k: number,
): Record<string, LabelScope> {
  const pooled = Object.values(memberCounts)
    .filter((count) => count < k)
    .reduce((sum, count) => sum + count, 0);
  const smallScope: LabelScope = pooled >= k ? 'pool' : 'participant';
  return Object.fromEntries(
    Object.entries(memberCounts).map(([groupId, count]) => [groupId, count >= k ? 'group' : smallScope]),
  );
}

/** The less precise of two scopes: input keeps the scope it had when made unless it narrows since. */
export function stricterScope(a: LabelScope, b: LabelScope): LabelScope {
  return LABEL_SCOPES[Math.max(LABEL_SCOPES.indexOf(a), LABEL_SCOPES.indexOf(b))]!;
}

/** The words for a group at a scope: its name, or the pooled or single-participant label. */
export function groupLabel(scope: LabelScope, groupName: string): string {
  switch (scope) {
    case 'group':
      return groupName;
    case 'pool':
      return POOLED_GROUPS_LABEL;
    case 'participant':
      return PARTICIPANT_LABEL;
  }
}

/** Attribution modes from the most open to the most closed. */
const OPENNESS: readonly AttributionMode[] = ['named', 'chatham', 'anonymous'];

/** The more closed of two modes. */
export function stricterMode(a: AttributionMode, b: AttributionMode): AttributionMode {
  return OPENNESS[Math.max(OPENNESS.indexOf(a), OPENNESS.indexOf(b))]!;
}

/** Whether moving from `from` to `to` would let more people see names. */
export function isMoreOpenMode(from: AttributionMode, to: AttributionMode): boolean {
  return OPENNESS.indexOf(to) < OPENNESS.indexOf(from);
}

/**
 * Whether a viewer with `role` may see the name on input made under `recordedMode` while the
 * consultation is in `currentMode`: the more closed of the two decides, so a switch to a more
 * open mode never reveals earlier input, and a switch to a more closed one covers it at once.
 */
export function maySeeNameOn(
  recordedMode: AttributionMode,
  currentMode: AttributionMode,
  role: Role,
): boolean {
  return maySeeNames(stricterMode(recordedMode, currentMode), role);
}
