import {
  type AttributionMode,
  isMoreOpenMode,
  labelScopes,
  maySeeNames,
  ROLES,
  type Role,
  type StakeholderGroup,
} from '@cw/shared';

/** What a settings change opens, for the admin to see before confirming it. */
export interface OpeningConsequences {
  /** The mode moves to a more open one: who may see names on input given from now on. */
  mode: { from: AttributionMode; to: AttributionMode; newlySeeing: Role[] } | null;
  /** k is lowered: the groups it names from now on. */
  k: { from: number; to: number; newlyNamed: string[] } | null;
}

/**
 * The consequences of moving from `current` to `next`, worked out with the same rules the server
 * applies (`maySeeNames`, `labelScopes`); null when the change opens nothing and needs no
 * confirmation. `memberCounts` are the members per group now.
 */
export function openingConsequences(
  current: { attributionMode: AttributionMode; kThreshold: number },
  next: { attributionMode: AttributionMode; kThreshold: number },
  groups: readonly Pick<StakeholderGroup, 'id' | 'name'>[],
  memberCounts: Readonly<Record<string, number>>,
): OpeningConsequences | null {
  const opensMode = isMoreOpenMode(current.attributionMode, next.attributionMode);
  const lowersK = next.kThreshold < current.kThreshold;
  if (!opensMode && !lowersK) return null;
  const counts = Object.fromEntries(groups.map((group) => [group.id, memberCounts[group.id] ?? 0]));
  const before = labelScopes(counts, current.kThreshold);
  const after = labelScopes(counts, next.kThreshold);
  return {
    mode: opensMode
      ? {
          from: current.attributionMode,
          to: next.attributionMode,
          newlySeeing: ROLES.filter(
            (role) => maySeeNames(next.attributionMode, role) && !maySeeNames(current.attributionMode, role),
          ),
        }
      : null,
    k: lowersK
      ? {
          from: current.kThreshold,
          to: next.kThreshold,
          newlyNamed: groups
            .filter((group) => after[group.id] === 'group' && before[group.id] !== 'group')
            .map((group) => group.name),
        }
      : null,
  };
}
