import { checkPermission, paperAccess, type ConsultationDetail, type PaperAccess } from '@cw/shared';

/** Why the paper is read-only for this member, or null when they may edit it. */
export type ReadOnlyReason = 'role' | 'phase' | 'comment' | 'server' | null;

/**
 * The server's word on the open socket wins over the consultation detail, which may be older
 * (a phase change, a new role or a new text change mode reaches the socket at once).
 */
export function readOnlyReason(
  consultation: Pick<ConsultationDetail, 'role' | 'phase' | 'textChanges'>,
  serverAccess: PaperAccess | null,
): ReadOnlyReason {
  if (serverAccess === 'edit' || serverAccess === 'suggest') return null;
  const check = checkPermission(consultation.role, 'paper.edit', consultation.phase);
  if (check === 'forbiddenRole') return 'role';
  if (check === 'forbiddenPhase') return 'phase';
  if (paperAccess(consultation.role, consultation.phase, consultation.textChanges) === 'read')
    return 'comment';
  return serverAccess === 'read' ? 'server' : null;
}
