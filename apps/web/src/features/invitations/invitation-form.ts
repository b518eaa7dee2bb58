import { createInvitationBody, type ConsultationDetail, type Role } from '@cw/shared';
import { z } from 'zod';

/** The group choice that leaves the group for the invitee to pick. */
export const OPEN_GROUP = 'open';

/** The new-invitation form as its controls hold it. */
export interface InvitationValues {
  role: Role;
  /** A group id, or `OPEN_GROUP`. */
  groupId: string;
  /** Optional: an empty or blank control sends no email. */
  email: string;
  label: string;
  /** As typed into the number control. */
  expiresInDays: string;
}

/** A reviewer for the first group, for a week. */
export function invitationValues(consultation: Pick<ConsultationDetail, 'groups'>): InvitationValues {
  return {
    role: 'reviewer',
    groupId: consultation.groups[0]?.id ?? '',
    email: '',
    label: '',
    expiresInDays: '7',
  };
}

export function toInvitationBody(values: InvitationValues): z.input<typeof createInvitationBody> {
  const { email, expiresInDays, groupId, ...fields } = values;
  return {
    ...fields,
    groupId: groupId === OPEN_GROUP ? null : groupId,
    expiresInDays: Number(expiresInDays),
    ...(email.trim() ? { email: email.trim() } : {}),
  };
}

/** The form checked by the server's own schema; its issues keep the field names. */
export const invitationForm = z
  .custom<InvitationValues>()
  .transform(toInvitationBody)
  .pipe(createInvitationBody);
