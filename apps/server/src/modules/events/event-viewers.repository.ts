import { Injectable } from '@nestjs/common';
import type { AttributionMode, Phase, Role } from '@cw/shared';
import { Database } from '../../db/database.js';

export interface ViewerRow {
  user_id: string;
  role: Role;
  phase: Phase;
  attribution_mode: AttributionMode;
}

/** Who may receive a consultation's events right now, and what they may see of them. */
@Injectable()
export class EventViewersRepository {
  constructor(private readonly db: Database) {}

  /** Current memberships of these users, with the consultation's phase and attribution mode. */
  async members(consultationId: string, userIds: string[]): Promise<ViewerRow[]> {
    if (userIds.length === 0) return [];
    return this.db.sql<ViewerRow[]>`
      SELECT m.user_id, m.role, c.phase, c.attribution_mode
      FROM members m JOIN consultations c ON c.id = m.consultation_id
      WHERE m.consultation_id = ${consultationId} AND m.user_id IN ${this.db.sql(userIds)}`;
  }
}
