import { z } from 'zod';
import { instant, localDate, uuid } from './common.js';
import { role } from './consultation.js';

/**
 * What the organisers did, each recorded in the audit log with who, when and the state before
 * and after. The log is append-only: no route changes or removes an entry, and the database
 * refuses to.
 */
export const AUDIT_ACTIONS = [
  'consultation.updated',
  'attributionMode.changed',
  'kThreshold.changed',
  'phase.changed',
  'group.created',
  'group.updated',
  'group.deleted',
  'member.updated',
  'member.removed',
  'member.groupChangeApproved',
  'member.groupChangeDeclined',
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'export.created',
  'comment.hidden',
  'comment.redacted',
  'comment.restored',
  'flags.dismissed',
  'thread.resolved',
  'thread.reopened',
  'version.created',
  'version.restored',
  'suggestions.decided',
  'live.started',
  'live.focused',
  'live.extended',
  'live.ended',
  'live.handLowered',
  'live.handsCleared',
  'rapporteurs.changed',
  'notes.published',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry is about. */
export const AUDIT_TARGETS = [
  'consultation',
  'group',
  'member',
  'invitation',
  'export',
  'comment',
  'thread',
  'version',
  'section',
  'agendaSession',
] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

/** A state as recorded: the fields that matter for the action, e.g. `{ attributionMode: "chatham" }`. */
export const auditState = z.record(z.string(), z.unknown());
export type AuditState = z.infer<typeof auditState>;

export const auditEntry = z.object({
  id: uuid,
  action: z.enum(AUDIT_ACTIONS),
  /**
   * Always named: organisers answer for their own actions. Name and role as they were. A change
   * the consultation's dates made (`phase.changed` at its scheduled time) has no user and no role.
   */
  actor: z.object({ userId: uuid.nullable(), name: z.string(), role: role.nullable() }),
  target: z.object({ type: z.enum(AUDIT_TARGETS), id: uuid.nullable(), label: z.string() }),
  before: auditState.nullable(),
  after: auditState.nullable(),
  createdAt: instant,
});
export type AuditEntry = z.infer<typeof auditEntry>;

const filters = {
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** Entries by this person (a user id from an entry's actor). */
  actorId: uuid.optional(),
  /** From this day on, in the consultation's time zone. */
  from: localDate.optional(),
  /** Up to and including this day, in the consultation's time zone. */
  to: localDate.optional(),
};

/** Newest first, a page at a time: `before` is the last entry of the previous page. */
export const auditQuery = z.strictObject({
  ...filters,
  before: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** The same filters for the CSV, which holds every matching entry. */
export const auditCsvQuery = z.strictObject(filters);
export type AuditCsvQuery = z.infer<typeof auditCsvQuery>;
