import { Injectable } from '@nestjs/common';
import type { AttributionMode, Phase, Role } from '@cw/shared';
import { Database } from '../../db/database.js';
import type { MembershipContext } from '../../common/request-context.js';

interface Row {
  member_id: string;
  role: Role;
  group_id: string;
  phase: Phase;
  attribution_mode: AttributionMode;
}

@Injectable()
export class MembershipRepository {
  constructor(private readonly db: Database) {}

  /** The user's membership with the consultation's phase, or undefined for non-members. */
  async find(consultationId: string, userId: string): Promise<MembershipContext | undefined> {
    const [row] = await this.db.sql<Row[]>`
      SELECT m.id AS member_id, m.role, m.group_id, c.phase, c.attribution_mode
      FROM members m JOIN consultations c ON c.id = m.consultation_id
      WHERE m.consultation_id = ${consultationId} AND m.user_id = ${userId}`;
    if (!row) return undefined;
    return {
      consultationId,
      memberId: row.member_id,
      role: row.role,
      groupId: row.group_id,
      phase: row.phase,
      attributionMode: row.attribution_mode,
    };
  }
}
