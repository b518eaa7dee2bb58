import { z } from 'zod';
import { instant, NO_CHANGE, text, uuid } from './common.js';
import { role } from './consultation.js';

export const member = z.object({
  /** The membership id (not the user id). */
  id: uuid,
  userId: uuid,
  name: z.string(),
  email: z.string(),
  role,
  groupId: uuid,
  joinedAt: instant,
});
export type Member = z.infer<typeof member>;

export const updateMemberBody = z
  .strictObject({ role, groupId: uuid })
  .partial()
  .refine((body) => Object.keys(body).length > 0, NO_CHANGE);
export type UpdateMemberBody = z.infer<typeof updateMemberBody>;

export const INVITATION_STATUSES = ['pending', 'used', 'expired', 'revoked'] as const;

export const createInvitationBody = z.strictObject({
  role,
  groupId: uuid,
  /** Optional note of who it is meant for; anyone holding the link can use it once. */
  email: z.email('must be an email address').max(320).optional(),
  /** Link lifetime in days (1–30, default 7). */
  expiresInDays: z.int().min(1).max(30).default(7),
  label: text({ min: 0, max: 120 }).default(''),
});
export type CreateInvitationBody = z.infer<typeof createInvitationBody>;

export const invitation = z.object({
  id: uuid,
  role,
  groupId: uuid,
  email: z.string().nullable(),
  label: z.string(),
  status: z.enum(INVITATION_STATUSES),
  createdAt: instant,
  expiresAt: instant,
  usedAt: instant.nullable(),
});
export type Invitation = z.infer<typeof invitation>;

/** Returned once, at creation: the token is stored only as a hash. */
export const createdInvitation = invitation.extend({ token: z.string(), url: z.string() });
export type CreatedInvitation = z.infer<typeof createdInvitation>;

export const invitationTokenParams = z.strictObject({
  token: z
    .string()
    .max(100, { message: 'must be an invitation token', abort: true })
    .regex(/^[A-Za-z0-9_-]{20,100}$/, 'must be an invitation token'),
});

/** What an invitee sees before joining. */
export const invitationPreview = z.object({
  consultationId: uuid,
  consultationTitle: z.string(),
  role,
  groupName: z.string(),
  expiresAt: instant,
  status: z.enum(INVITATION_STATUSES),
});
export type InvitationPreview = z.infer<typeof invitationPreview>;

export const acceptedInvitation = z.object({ consultationId: uuid });

/**
 * The answer to a sign-up through an invitation. It is the same whether or not the email already
 * had an account, so a link does not tell who has one: the person signs in next with that email
 * and password, and accepts the invitation if the account was not new.
 */
export const invitationSignupAnswer = z.object({ next: z.literal('signIn') });
export type InvitationSignupAnswer = z.infer<typeof invitationSignupAnswer>;
