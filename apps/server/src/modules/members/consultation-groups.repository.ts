import { Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../../db/database.js';

/** Read-only look-ups of stakeholder groups, for checking that a group id belongs to a consultation. */
@Injectable()
export class ConsultationGroupsRepository {
  constructor(private readonly db: Database) {}

  async belongsTo(consultationId: string, groupId: string, q: Queryable = this.db.sql): Promise<boolean> {
    const [row] = await q<{ id: string }[]>`
      SELECT id FROM stakeholder_groups WHERE id = ${groupId} AND consultation_id = ${consultationId}`;
    return row !== undefined;
  }
}
