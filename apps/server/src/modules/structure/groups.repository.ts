import { Injectable } from '@nestjs/common';
import type { StakeholderGroup } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

@Injectable()
export class GroupsRepository {
  constructor(private readonly db: Database) {}

  list(consultationId: string, q: Queryable = this.db.sql): Promise<StakeholderGroup[]> {
    return q<StakeholderGroup[]>`
      SELECT id, name, position, description FROM stakeholder_groups
      WHERE consultation_id = ${consultationId}
      ORDER BY position, name`;
  }

  async find(consultationId: string, id: string, q: Queryable = this.db.sql) {
    const [row] = await q<StakeholderGroup[]>`
      SELECT id, name, position, description FROM stakeholder_groups
      WHERE consultation_id = ${consultationId} AND id = ${id}`;
    return row;
  }

  /** Undefined when the consultation already has a group of that name. */
  async insert(
    consultationId: string,
    group: { name: string; description: string },
    position: number,
    q: Queryable = this.db.sql,
  ): Promise<StakeholderGroup | undefined> {
    const [row] = await q<StakeholderGroup[]>`
      INSERT INTO stakeholder_groups (consultation_id, name, position, description)
      VALUES (${consultationId}, ${group.name}, ${position}, ${group.description})
      ON CONFLICT (consultation_id, name) DO NOTHING
      RETURNING id, name, position, description`;
    return row;
  }

  async rename(consultationId: string, id: string, name: string, q: Queryable = this.db.sql) {
    await q`UPDATE stakeholder_groups SET name = ${name} WHERE consultation_id = ${consultationId} AND id = ${id}`;
  }

  async describe(consultationId: string, id: string, description: string, q: Queryable = this.db.sql) {
    await q`
      UPDATE stakeholder_groups SET description = ${description}
      WHERE consultation_id = ${consultationId} AND id = ${id}`;
  }

  /** Rewrites positions 0…n-1 in the given order (every id of the consultation). */
  async setOrder(consultationId: string, ids: string[], q: Queryable = this.db.sql) {
    await q`
      UPDATE stakeholder_groups g SET position = o.position - 1
      FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS o(id, position)
      WHERE g.id = o.id AND g.consultation_id = ${consultationId}`;
  }

  /** How many memberships and live invitations point at the group. */
  async usage(consultationId: string, id: string, q: Queryable = this.db.sql) {
    const [row] = await q<{ members: number; invitations: number }[]>`
      SELECT
        (SELECT count(*) FROM members WHERE consultation_id = ${consultationId} AND group_id = ${id}) AS members,
        (SELECT count(*) FROM invitations
          WHERE consultation_id = ${consultationId} AND group_id = ${id}
            AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()) AS invitations`;
    return row!;
  }

  async delete(consultationId: string, id: string, q: Queryable = this.db.sql) {
    await q`DELETE FROM stakeholder_groups WHERE consultation_id = ${consultationId} AND id = ${id}`;
  }
}
