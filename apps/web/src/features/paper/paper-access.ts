import { checkPermission, type ConsultationDetail } from '@cw/shared';

/** Why the paper is read-only for this member, or null when they may edit it. */
export type ReadOnlyReason = 'role' | 'phase' | 'server' | null;

/**
 * The server's word on the open socket wins over the consultation detail, which may be older
 * (a phase change or a new role reaches the socket at once).
 */
export function readOnlyReason(
  consultation: Pick<ConsultationDetail, 'role' | 'phase'>,
  serverWriteAccess: boolean | null,
): ReadOnlyReason {
  if (serverWriteAccess === true) return null;
  const check = checkPermission(consultation.role, 'paper.edit', consultation.phase);
  if (check === 'forbiddenRole') return 'role';
  if (check === 'forbiddenPhase') return 'phase';
  return serverWriteAccess === false ? 'server' : null;
}
