import { z } from 'zod';
import { email, instant, NO_CHANGE, text, uuid } from './common.js';
import { signupBody } from './auth.js';
import { role } from './consultation.js';
import { mailStatus } from './mail.js';

export const member = z.object({
  /** The membership id (not the user id). */
  id: uuid,
  userId: uuid,
  name: z.string(),
  email: z.string(),
  role,
  groupId: uuid,
  /** The member picked the group when accepting an open invitation; no admin has confirmed it yet. */
  groupSelfIdentified: z.boolean(),
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
  /** `null` leaves the group open: the invitee picks one of the consultation's groups. */
  groupId: uuid.nullable(),
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
  /** `null`: the invitee picks the group. */
  groupId: uuid.nullable(),
  email: z.string().nullable(),
  label: z.string(),
  status: z.enum(INVITATION_STATUSES),
  createdAt: instant,
  expiresAt: instant,
  usedAt: instant.nullable(),
  /** Sent by mail and bound to `email`: only an account with that address may use it. */
  emailed: z.boolean(),
  /** The state of its latest mail in the outbox (`failed`: the mail server refused it for good). */
  mailStatus: mailStatus.nullable(),
  /** Why the latest mail failed, as the mail server said. */
  mailError: z.string().nullable(),
  /** When the latest mail was handed to the mail server. */
  mailedAt: instant.nullable(),
  /** When the link was first opened. */
  openedAt: instant.nullable(),
  /** How many more times it may be mailed again. */
  resendsLeft: z.int(),
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

/** A group an invitee may pick, with what it stands for. */
export const groupChoice = z.object({ id: uuid, name: z.string(), description: z.string() });
export type GroupChoice = z.infer<typeof groupChoice>;

/** What an invitee sees before joining. */
export const invitationPreview = z.object({
  consultationId: uuid,
  consultationTitle: z.string(),
  role,
  /** `null`: the invitee picks one of `groups`. */
  groupName: z.string().nullable(),
  /** The groups to pick from when the invitation leaves the group open; empty otherwise. */
  groups: z.array(groupChoice),
  /** The address an emailed invitation is bound to. */
  email: z.string().nullable(),
  expiresAt: instant,
  status: z.enum(INVITATION_STATUSES),
});
export type InvitationPreview = z.infer<typeof invitationPreview>;

/**
 * Accepting: the group the invitee picks, required when the invitation leaves it open. A request
 * without a body accepts an invitation whose group is set.
 */
export const acceptInvitationBody = z.object({ groupId: uuid.optional() }).optional();
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>;

export const acceptedInvitation = z.object({ consultationId: uuid });

/**
 * The answer to a sign-up through an invitation. It is the same whether or not the email already
 * had an account, so a link does not tell who has one: the person signs in next with that email
 * and password, and accepts the invitation if the account was not new.
 */
/** Signing up through an invitation: the account, and the group picked when the invitation leaves it open. */
export const invitationSignupBody = signupBody.extend({ groupId: uuid.optional() });
export type InvitationSignupBody = z.infer<typeof invitationSignupBody>;

export const invitationSignupAnswer = z.object({ next: z.literal('signIn') });
export type InvitationSignupAnswer = z.infer<typeof invitationSignupAnswer>;

/** How many rows one bulk invitation may hold. */
export const MAX_BULK_INVITATIONS = 500;
/** How many times an emailed invitation may be mailed again. */
export const INVITATION_RESENDS = 3;

/**
 * A row as pasted or uploaded, checked one by one (`checkInvitationRows`) so that a bad row is
 * reported and the good ones are still sent. `group` is a group's name; `null` leaves it open.
 */
export const bulkInvitationRow = z.strictObject({
  email: z.string().max(1000),
  role: z.string().max(100),
  group: z.string().max(200).nullable(),
});
export type BulkInvitationRow = z.infer<typeof bulkInvitationRow>;

export const bulkInvitationsBody = z.strictObject({
  rows: z
    .array(bulkInvitationRow)
    .min(1, 'must hold at least one row')
    .max(MAX_BULK_INVITATIONS, `must hold at most ${MAX_BULK_INVITATIONS} rows: send the list in parts`),
  expiresInDays: z.int().min(1).max(30).default(7),
});
export type BulkInvitationsBody = z.infer<typeof bulkInvitationsBody>;

/**
 * Why a row was refused: email, role or group not valid; the address is on an earlier row; it
 * belongs to a member already; it has an emailed invitation that is still pending.
 */
export const BULK_ROW_PROBLEMS = [
  'invalidEmail',
  'invalidRole',
  'unknownGroup',
  'duplicate',
  'alreadyMember',
  'alreadyInvited',
] as const;
export type BulkRowProblem = (typeof BULK_ROW_PROBLEMS)[number];

export const bulkInvitationOutcome = z.object({
  /** The row's position in the list, from 0. */
  row: z.int(),
  email: z.string(),
  invitationId: uuid.nullable(),
  problem: z.enum(BULK_ROW_PROBLEMS).nullable(),
});
export const bulkInvitationsAnswer = z.object({
  invited: z.int(),
  refused: z.int(),
  rows: z.array(bulkInvitationOutcome),
});
export type BulkInvitationsAnswer = z.infer<typeof bulkInvitationsAnswer>;

/** A row that passed `checkInvitationRows`. */
export interface CheckedInvitationRow {
  email: string;
  role: z.infer<typeof role>;
  /** `null`: the invitee picks. */
  groupId: string | null;
}

/**
 * Checks each row on its own, as the web app previews them and the server decides: the email,
 * the role, the group (by name, ignoring case; empty or "open" leaves it open), and an address
 * repeated from an earlier row. Members and pending invitations only the server knows.
 */
export function checkInvitationRows(
  rows: readonly BulkInvitationRow[],
  groups: readonly { id: string; name: string }[],
): ({ ok: true; row: CheckedInvitationRow } | { ok: false; problem: BulkRowProblem })[] {
  const seen = new Set<string>();
  return rows.map((input) => {
    const address = email.safeParse(input.email);
    if (!address.success) return { ok: false, problem: 'invalidEmail' };
    const parsedRole = role.safeParse(input.role.trim().toLowerCase());
    if (!parsedRole.success) return { ok: false, problem: 'invalidRole' };
    const groupName = input.group?.trim().toLowerCase() ?? '';
    let groupId: string | null = null;
    if (groupName !== '' && groupName !== 'open') {
      const group = groups.find((candidate) => candidate.name.trim().toLowerCase() === groupName);
      if (!group) return { ok: false, problem: 'unknownGroup' };
      groupId = group.id;
    }
    if (seen.has(address.data)) return { ok: false, problem: 'duplicate' };
    seen.add(address.data);
    return { ok: true, row: { email: address.data, role: parsedRole.data, groupId } };
  });
}

/** A member asks to move to another group. */
export const groupChangeRequestBody = z.strictObject({ groupId: uuid });
export type GroupChangeRequestBody = z.infer<typeof groupChangeRequestBody>;

export const groupChangeRequest = z.object({
  id: uuid,
  memberId: uuid,
  name: z.string(),
  fromGroupId: uuid,
  groupId: uuid,
  createdAt: instant,
});
export type GroupChangeRequest = z.infer<typeof groupChangeRequest>;

export const groupChangeDecisionBody = z.strictObject({ decision: z.enum(['approve', 'decline']) });
export type GroupChangeDecisionBody = z.infer<typeof groupChangeDecisionBody>;

/** The caller's own open request, if any. */
export const ownGroupChangeRequest = z.object({ request: groupChangeRequest.nullable() });
