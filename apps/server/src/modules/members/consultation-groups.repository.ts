import { Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../../db/database.js';

/** Read-only look-ups of stakeholder groups, for checking that a group id belongs to a consultation. */
@Injectable()
export class ConsultationGroupsRepository {
  constructor(private readonly db: Database) {}

  /** The group's name, for records a person reads (undefined for a group of another consultation). */
  async name(
    consultationId: string,
    groupId: string,
    q: Queryable = this.db.sql,
  ): Promise<string | undefined> {
    const [row] = await q<{ name: string }[]>`
      SELECT name FROM stakeholder_groups WHERE id = ${groupId} AND consultation_id = ${consultationId}`;
    return row?.name;
  }

  async belongsTo(consultationId: string, groupId: string, q: Queryable = this.db.sql): Promise<boolean> {
    const [row] = await q<{ id: string }[]>`
      SELECT id FROM stakeholder_groups WHERE id = ${groupId} AND consultation_id = ${consultationId}`;
    return row !== undefined;
  }

  /** The groups an invitee may pick, in the consultation's order, with what each stands for. */
  async choices(consultationId: string, q: Queryable = this.db.sql) {
    return q<{ id: string; name: string; description: string }[]>`
      SELECT id, name, description FROM stakeholder_groups
      WHERE consultation_id = ${consultationId} ORDER BY position, name`;
  }
}
