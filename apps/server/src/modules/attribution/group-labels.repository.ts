import { Injectable } from '@nestjs/common';
import { labelScopes, type LabelScope } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

/** What the k-anonymous label rule needs of a consultation: its groups' member counts and k. */
@Injectable()
export class GroupLabelsRepository {
  constructor(private readonly db: Database) {}

  /** Each group's label scope now, by the shared rule (`labelScopes`). */
  async scopes(consultationId: string, q: Queryable = this.db.sql): Promise<Record<string, LabelScope>> {
    const rows = await q<{ group_id: string; members: number; k_threshold: number }[]>`
      SELECT g.id AS group_id, count(m.id)::int AS members, c.k_threshold
      FROM stakeholder_groups g
      JOIN consultations c ON c.id = g.consultation_id
      LEFT JOIN members m ON m.group_id = g.id
      WHERE g.consultation_id = ${consultationId}
      GROUP BY g.id, c.k_threshold`;
    if (rows.length === 0) return {};
    const counts = Object.fromEntries(rows.map((row) => [row.group_id, row.members]));
    return labelScopes(counts, rows[0]!.k_threshold);
  }
}
