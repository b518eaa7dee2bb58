import { Injectable } from '@nestjs/common';
import { INVITATION_RESENDS, type Invitation, type MailStatus, type Role } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

/** The status as of the database clock, so every check agrees on what "expired" means. */
const STATUS = `
  CASE WHEN i.revoked_at IS NOT NULL THEN 'revoked'
       WHEN i.used_at IS NOT NULL THEN 'used'
       WHEN i.expires_at <= now() THEN 'expired'
       ELSE 'pending' END`;

/** An invitation with the state of its latest mail. */
const SELECT = `
  SELECT i.*, ${STATUS} AS status,
         mo.status AS mail_status, mo.last_error AS mail_error, mo.sent_at AS mail_sent_at
  FROM invitations i LEFT JOIN mail_outbox mo ON mo.id = i.mail_id`;

interface InvitationRow {
  id: string;
  consultation_id: string;
  role: Role;
  group_id: string | null;
  email: string | null;
  label: string;
  status: Invitation['status'];
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  bound_to_email: boolean;
  opened_at: Date | null;
  resends: number;
  mail_status?: MailStatus | null;
  mail_error?: string | null;
  mail_sent_at?: Date | null;
}

interface PreviewRow extends InvitationRow {
  consultation_title: string;
  group_name: string | null;
}

/** An invitation as its link shows it, whatever its status. */
export interface InvitationByToken extends StoredInvitation {
  consultationTitle: string;
  groupName: string | null;
}

export interface StoredInvitation extends Invitation {
  consultationId: string;
}

function toInvitation(row: InvitationRow): StoredInvitation {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    role: row.role,
    groupId: row.group_id,
    email: row.email,
    label: row.label,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    usedAt: row.used_at?.toISOString() ?? null,
    emailed: row.bound_to_email,
    mailStatus: row.mail_status ?? null,
    mailError: row.mail_error ?? null,
    mailedAt: row.mail_sent_at?.toISOString() ?? null,
    openedAt: row.opened_at?.toISOString() ?? null,
    resendsLeft: row.bound_to_email ? Math.max(0, INVITATION_RESENDS - row.resends) : 0,
  };
}

export interface NewInvitation {
  consultationId: string;
  tokenHash: Buffer;
  role: Role;
  groupId: string | null;
  email: string | undefined;
  label: string;
  expiresInDays: number;
  createdBy: string;
  /** Mailed to `email`: only an account with that address may use it. */
  boundToEmail?: boolean;
}

@Injectable()
export class InvitationsRepository {
  constructor(private readonly db: Database) {}

  async create(input: NewInvitation, q: Queryable): Promise<StoredInvitation> {
    const [row] = await q<InvitationRow[]>`
      INSERT INTO invitations AS i
        (consultation_id, token_hash, role, group_id, email, label, expires_at, created_by, bound_to_email)
      VALUES (${input.consultationId}, ${input.tokenHash}, ${input.role}, ${input.groupId},
              ${input.email ?? null}, ${input.label},
              now() + make_interval(days => ${input.expiresInDays}), ${input.createdBy},
              ${input.boundToEmail ?? false})
      RETURNING i.*, ${this.db.sql.unsafe(STATUS)} AS status`;
    return toInvitation(row!);
  }

  async find(
    consultationId: string,
    id: string,
    q: Queryable = this.db.sql,
  ): Promise<StoredInvitation | undefined> {
    const [row] = await q<InvitationRow[]>`
      ${this.db.sql.unsafe(SELECT)} WHERE i.consultation_id = ${consultationId} AND i.id = ${id}`;
    return row && toInvitation(row);
  }

  /**
   * The consultation's title, its row locked until the transaction ends: invitations by mail
   * to one consultation are written one list at a time.
   */
  async lockConsultation(consultationId: string, q: Queryable): Promise<{ title: string }> {
    const [row] = await q<{ title: string }[]>`
      SELECT title FROM consultations WHERE id = ${consultationId} FOR NO KEY UPDATE`;
    return row!;
  }

  /** Of `emails`, those of the consultation's members. */
  async memberEmails(consultationId: string, emails: string[], q: Queryable): Promise<Set<string>> {
    const rows = await q<{ email: string }[]>`
      SELECT u.email FROM members m JOIN users u ON u.id = m.user_id
      WHERE m.consultation_id = ${consultationId} AND u.email = ANY(${emails}::text[])`;
    return new Set(rows.map((row) => row.email));
  }

  /** Records the invitation's latest mail, whose outbox status then is the invitation's delivery. */
  async setMail(id: string, mailId: string, q: Queryable): Promise<void> {
    await q`UPDATE invitations SET mail_id = ${mailId} WHERE id = ${id}`;
  }

  /** Of `emails`, those with an emailed invitation to the consultation that can still be used. */
  async pendingEmailed(consultationId: string, emails: string[], q: Queryable): Promise<Set<string>> {
    const rows = await q<{ email: string }[]>`
      SELECT DISTINCT email FROM invitations
      WHERE consultation_id = ${consultationId} AND bound_to_email AND email = ANY(${emails}::text[])
        AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()`;
    return new Set(rows.map((row) => row.email));
  }

  /**
   * Gives an emailed invitation, pending or expired, a new token (the old link stops working)
   * and `days` more to be used, counting a resend; undefined when it is used, revoked, not
   * emailed or was resent as often as allowed.
   */
  async resend(id: string, tokenHash: Buffer, days: number, q: Queryable) {
    const [row] = await q<{ id: string }[]>`
      UPDATE invitations SET token_hash = ${tokenHash}, resends = resends + 1,
             expires_at = now() + make_interval(days => ${days})
      WHERE id = ${id} AND bound_to_email AND used_at IS NULL AND revoked_at IS NULL
        AND resends < ${INVITATION_RESENDS}
      RETURNING id`;
    return row !== undefined;
  }

  /** The first time the link is looked at. */
  async markOpened(tokenHash: Buffer): Promise<void> {
    await this.db.sql`
      UPDATE invitations SET opened_at = now() WHERE token_hash = ${tokenHash} AND opened_at IS NULL`;
  }

  /** Gives a pending invitation a new token (the old one stops working); undefined otherwise. */
  async replaceToken(consultationId: string, id: string, tokenHash: Buffer) {
    const [row] = await this.db.sql<InvitationRow[]>`
      UPDATE invitations AS i SET token_hash = ${tokenHash}
      WHERE i.consultation_id = ${consultationId} AND i.id = ${id}
        AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
      RETURNING i.*, 'pending' AS status`;
    return row && toInvitation(row);
  }

  /** Newest first. */
  async list(consultationId: string): Promise<StoredInvitation[]> {
    const rows = await this.db.sql<InvitationRow[]>`
      ${this.db.sql.unsafe(SELECT)}
      WHERE i.consultation_id = ${consultationId}
      ORDER BY i.created_at DESC, i.id`;
    return rows.map(toInvitation);
  }

  /** Row-locked until the caller's transaction ends, so a concurrent accept waits for the revoke. */
  async findForUpdate(consultationId: string, id: string, q: Queryable) {
    const [row] = await q<InvitationRow[]>`
      SELECT i.*, ${this.db.sql.unsafe(STATUS)} AS status
      FROM invitations i
      WHERE i.consultation_id = ${consultationId} AND i.id = ${id}
      FOR UPDATE`;
    return row && toInvitation(row);
  }

  async revoke(id: string, q: Queryable): Promise<void> {
    await q`UPDATE invitations SET revoked_at = coalesce(revoked_at, now()) WHERE id = ${id}`;
  }

  /** The invitation behind a token with what an invitee is shown, whatever its status. */
  async findByToken(tokenHash: Buffer, q: Queryable = this.db.sql): Promise<InvitationByToken | undefined> {
    const [row] = await q<PreviewRow[]>`
      SELECT i.*, ${this.db.sql.unsafe(STATUS)} AS status,
             c.title AS consultation_title, g.name AS group_name
      FROM invitations i
      JOIN consultations c ON c.id = i.consultation_id
      LEFT JOIN stakeholder_groups g ON g.id = i.group_id
      WHERE i.token_hash = ${tokenHash}`;
    if (!row) return undefined;
    return { ...toInvitation(row), consultationTitle: row.consultation_title, groupName: row.group_name };
  }

  /** Whether `userId` used the invitation and is still a member of its consultation. */
  async isUsedByMember(tokenHash: Buffer, userId: string, q: Queryable): Promise<boolean> {
    const rows = await q`
      SELECT 1 FROM invitations i
      JOIN members m ON m.consultation_id = i.consultation_id AND m.user_id = i.used_by
      WHERE i.token_hash = ${tokenHash} AND i.used_by = ${userId}`;
    return rows.length > 0;
  }

  /**
   * Marks a pending invitation used by `userId`, atomically: of two concurrent claims the second
   * waits on the row lock, re-checks `used_at` and gets nothing back.
   */
  async claim(tokenHash: Buffer, userId: string, q: Queryable) {
    const [row] = await q<InvitationRow[]>`
      UPDATE invitations AS i SET used_at = now(), used_by = ${userId}
      WHERE i.token_hash = ${tokenHash}
        AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
      RETURNING i.*, 'used' AS status`;
    return row && toInvitation(row);
  }
}
