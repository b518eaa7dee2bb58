import { isConsultedRole, type Role } from '@cw/shared';

/** A role held in a group: a member's, or an open invitation's. */
export interface GroupSeat {
  groupId: string;
  role: Role;
}

/**
 * The groups that can give input: those with a seat in a consulted role. The organisers' own
 * group and a group of observers only cannot, so no gap is ever reported for them. Open
 * invitations count, so a group invited to speak and not yet joined shows as missing.
 */
export function consultedGroups(seats: readonly GroupSeat[]): Set<string> {
  return new Set(seats.filter((seat) => isConsultedRole(seat.role)).map((seat) => seat.groupId));
}
