import { Injectable } from '@nestjs/common';
import type { Invitation, InvitationPreview, Role } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

/** The status as of the database clock, so every check agrees on what "expired" means. */
const STATUS = `
  CASE WHEN i.revoked_at IS NOT NULL THEN 'revoked'
       WHEN i.used_at IS NOT NULL THEN 'used'
       WHEN i.expires_at <= now() THEN 'expired'
       ELSE 'pending' END`;

interface InvitationRow {
  id: string;
  consultation_id: string;
  role: Role;
  group_id: string;
  email: string | null;
  label: string;
  status: Invitation['status'];
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

interface PreviewRow extends InvitationRow {
  consultation_title: string;
  group_name: string;
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
  };
}

export interface NewInvitation {
  consultationId: string;
  tokenHash: Buffer;
  role: Role;
  groupId: string;
  email: string | undefined;
  label: string;
  expiresInDays: number;
  createdBy: string;
}

@Injectable()
export class InvitationsRepository {
  constructor(private readonly db: Database) {}

  async create(input: NewInvitation, q: Queryable): Promise<StoredInvitation> {
    const [row] = await q<InvitationRow[]>`
      INSERT INTO invitations AS i
        (consultation_id, token_hash, role, group_id, email, label, expires_at, created_by)
      VALUES (${input.consultationId}, ${input.tokenHash}, ${input.role}, ${input.groupId},
              ${input.email ?? null}, ${input.label},
              now() + make_interval(days => ${input.expiresInDays}), ${input.createdBy})
      RETURNING i.*, ${this.db.sql.unsafe(STATUS)} AS status`;
    return toInvitation(row!);
  }

  async find(consultationId: string, id: string): Promise<StoredInvitation | undefined> {
    const [row] = await this.db.sql<InvitationRow[]>`
      SELECT i.*, ${this.db.sql.unsafe(STATUS)} AS status
      FROM invitations i WHERE i.consultation_id = ${consultationId} AND i.id = ${id}`;
    return row && toInvitation(row);
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
      SELECT i.*, ${this.db.sql.unsafe(STATUS)} AS status
      FROM invitations i
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
  async findByToken(
    tokenHash: Buffer,
    q: Queryable = this.db.sql,
  ): Promise<(StoredInvitation & InvitationPreview) | undefined> {
    const [row] = await q<PreviewRow[]>`
      SELECT i.*, ${this.db.sql.unsafe(STATUS)} AS status,
             c.title AS consultation_title, g.name AS group_name
      FROM invitations i
      JOIN consultations c ON c.id = i.consultation_id
      JOIN stakeholder_groups g ON g.id = i.group_id
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
