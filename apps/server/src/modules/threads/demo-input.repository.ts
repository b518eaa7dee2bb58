import { Injectable } from '@nestjs/common';
import type { Role } from '@cw/shared';
import type { Queryable } from '../../db/database.js';

export interface DemoMemberRow {
  user_id: string;
  role: Role;
  group_id: string;
  group_name: string;
}

/** The SQL the demo input needs beyond the threads repository: who is there, and where. */
@Injectable()
export class DemoInputRepository {
  /** Locks the consultation and tells whether it holds any thread yet. */
  async lockAndHasThreads(consultationId: string, q: Queryable): Promise<boolean> {
    await q`SELECT 1 FROM consultations WHERE id = ${consultationId} FOR UPDATE`;
    const [existing] = await q`SELECT 1 FROM threads WHERE consultation_id = ${consultationId} LIMIT 1`;
    return existing !== undefined;
  }

  async members(consultationId: string, q: Queryable): Promise<DemoMemberRow[]> {
    return q<DemoMemberRow[]>`
      SELECT m.user_id, m.role, m.group_id, g.name AS group_name
      FROM members m JOIN stakeholder_groups g ON g.id = m.group_id
      WHERE m.consultation_id = ${consultationId}`;
  }

  async questions(consultationId: string, q: Queryable) {
    return q<{ id: string; number: number }[]>`
      SELECT id, number FROM guiding_questions WHERE consultation_id = ${consultationId}`;
  }

  /** Section ids in paper order. */
  async sections(consultationId: string, q: Queryable) {
    return q<{ id: string }[]>`
      SELECT id FROM sections WHERE consultation_id = ${consultationId} ORDER BY position`;
  }
}
