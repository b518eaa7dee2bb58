import type { LabelScope, Role } from '@cw/shared';
import type { Actor } from '../../common/request-context.js';

/**
 * Who gives input or acts: the member's user, role and group at this moment, and the scope the
 * group's label has now — recorded with the input, so a group that grows later keeps it (the
 * database adds the attribution mode in force).
 */
export interface Poster {
  userId: string;
  role: Role;
  groupId: string;
  labelScope: LabelScope;
}

export const posterOf = (
  { auth, member }: Actor,
  labelScopes: Readonly<Record<string, LabelScope>>,
): Poster => ({
  userId: auth.userId,
  role: member.role,
  groupId: member.groupId,
  labelScope: labelScopes[member.groupId] ?? 'participant',
});
