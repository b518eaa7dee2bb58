import { Injectable } from '@nestjs/common';
import type { GroupChangeRequest } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

interface RequestRow {
  id: string;
  member_id: string;
  name: string;
  from_group_id: string;
  group_id: string;
  created_at: Date;
}

function toRequest(row: RequestRow): GroupChangeRequest {
  return {
    id: row.id,
    memberId: row.member_id,
    name: row.name,
    fromGroupId: row.from_group_id,
    groupId: row.group_id,
    createdAt: row.created_at.toISOString(),
  };
}

const SELECT = `
  SELECT r.id, r.member_id, u.name, m.group_id AS from_group_id, r.group_id, r.created_at
  FROM group_change_requests r
  JOIN members m ON m.id = r.member_id
  JOIN users u ON u.id = m.user_id`;

/** All SQL of members' requests to change their stakeholder group. */
@Injectable()
export class GroupRequestsRepository {
  constructor(private readonly db: Database) {}

  /** The member's open request, asking for `groupId` now (a second request replaces the first). */
  async ask(consultationId: string, memberId: string, groupId: string): Promise<GroupChangeRequest> {
    const [row] = await this.db.sql<{ id: string }[]>`
      INSERT INTO group_change_requests (consultation_id, member_id, group_id)
      VALUES (${consultationId}, ${memberId}, ${groupId})
      ON CONFLICT (member_id) WHERE status = 'pending'
      DO UPDATE SET group_id = excluded.group_id, created_at = now()
      RETURNING id`;
    return (await this.find(consultationId, row!.id))!;
  }

  async find(
    consultationId: string,
    id: string,
    q: Queryable = this.db.sql,
  ): Promise<GroupChangeRequest | undefined> {
    const [row] = await q<RequestRow[]>`
      ${this.db.sql.unsafe(SELECT)}
      WHERE r.consultation_id = ${consultationId} AND r.id = ${id} AND r.status = 'pending'`;
    return row && toRequest(row);
  }

  /** The open request, row-locked until the transaction ends so it is decided once. */
  async findForDecision(consultationId: string, id: string, q: Queryable) {
    const [row] = await q<{ id: string }[]>`
      SELECT id FROM group_change_requests
      WHERE consultation_id = ${consultationId} AND id = ${id} AND status = 'pending'
      FOR UPDATE`;
    return row && this.find(consultationId, id, q);
  }

  async mine(consultationId: string, memberId: string): Promise<GroupChangeRequest | null> {
    const [row] = await this.db.sql<RequestRow[]>`
      ${this.db.sql.unsafe(SELECT)}
      WHERE r.consultation_id = ${consultationId} AND r.member_id = ${memberId} AND r.status = 'pending'`;
    return row ? toRequest(row) : null;
  }

  /** Oldest first: the order they are to be answered in. */
  async pending(consultationId: string): Promise<GroupChangeRequest[]> {
    const rows = await this.db.sql<RequestRow[]>`
      ${this.db.sql.unsafe(SELECT)}
      WHERE r.consultation_id = ${consultationId} AND r.status = 'pending'
      ORDER BY r.created_at, r.id`;
    return rows.map(toRequest);
  }

  async decide(id: string, status: 'approved' | 'declined', userId: string, q: Queryable): Promise<void> {
    await q`
      UPDATE group_change_requests SET status = ${status}, decided_at = now(), decided_by = ${userId}
      WHERE id = ${id}`;
  }
}
