import { Injectable } from '@nestjs/common';
import type { Member, Role } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

interface MemberRow {
  id: string;
  user_id: string;
  name: string;
  email: string;
  role: Role;
  group_id: string;
  group_self_identified: boolean;
  joined_at: Date;
}

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    groupId: row.group_id,
    groupSelfIdentified: row.group_self_identified,
    joinedAt: row.joined_at.toISOString(),
  };
}

@Injectable()
export class MembersRepository {
  constructor(private readonly db: Database) {}

  /** Everyone in the consultation, ordered as the groups are, then by name. */
  async list(consultationId: string): Promise<Member[]> {
    const rows = await this.db.sql<MemberRow[]>`
      SELECT m.id, m.user_id, u.name, u.email, m.role, m.group_id, m.group_self_identified, m.joined_at
      FROM members m
      JOIN users u ON u.id = m.user_id
      JOIN stakeholder_groups g ON g.id = m.group_id
      WHERE m.consultation_id = ${consultationId}
      ORDER BY g.position, lower(u.name), u.email`;
    return rows.map(toMember);
  }

  async find(consultationId: string, memberId: string, q: Queryable = this.db.sql) {
    const [row] = await q<MemberRow[]>`
      SELECT m.id, m.user_id, u.name, u.email, m.role, m.group_id, m.group_self_identified, m.joined_at
      FROM members m JOIN users u ON u.id = m.user_id
      WHERE m.consultation_id = ${consultationId} AND m.id = ${memberId}`;
    return row && toMember(row);
  }

  /**
   * Ids of the consultation's admins, row-locked (in id order, so two callers cannot deadlock) until the
   * transaction ends: two concurrent demotions cannot both see "another admin remains".
   */
  async lockAdmins(consultationId: string, q: Queryable): Promise<string[]> {
    const rows = await q<{ id: string }[]>`
      SELECT id FROM members
      WHERE consultation_id = ${consultationId} AND role = 'admin'
      ORDER BY id
      FOR UPDATE`;
    return rows.map((row) => row.id);
  }

  /** An admin setting the group, even to the same one, confirms it: it is no longer self-identified. */
  async update(memberId: string, changes: { role?: Role; groupId?: string }, q: Queryable): Promise<void> {
    await q`
      UPDATE members
      SET role = coalesce(${changes.role ?? null}, role),
          group_id = coalesce(${changes.groupId ?? null}::uuid, group_id),
          group_self_identified = group_self_identified AND ${changes.groupId === undefined}
      WHERE id = ${memberId}`;
  }

  async delete(memberId: string, q: Queryable): Promise<void> {
    await q`DELETE FROM members WHERE id = ${memberId}`;
  }

  /** Inserts a membership; undefined when the user is already a member. */
  async add(
    input: {
      consultationId: string;
      userId: string;
      role: Role;
      groupId: string;
      groupSelfIdentified?: boolean;
    },
    q: Queryable,
  ): Promise<string | undefined> {
    const [row] = await q<{ id: string }[]>`
      INSERT INTO members (consultation_id, user_id, role, group_id, group_self_identified)
      VALUES (${input.consultationId}, ${input.userId}, ${input.role}, ${input.groupId},
              ${input.groupSelfIdentified ?? false})
      ON CONFLICT (consultation_id, user_id) DO NOTHING
      RETURNING id`;
    return row?.id;
  }
}
