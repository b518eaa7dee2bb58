import { Injectable } from '@nestjs/common';
import type { AttributionMode, Language, ConsultationSummary, Phase, Role, TextChangeMode } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

interface SummaryRow {
  id: string;
  title: string;
  phase: Phase;
  attribution_mode: AttributionMode;
  timezone: string;
  opens_on: string | null;
  closes_on: string | null;
  role: Role;
  group_id: string;
  group_name: string;
  description: string;
  k_threshold: number;
  text_changes: TextChangeMode;
  language: Language;
}

export interface ConsultationRecord extends ConsultationSummary {
  description: string;
  kThreshold: number;
  textChanges: TextChangeMode;
  language: Language;
}

const toRecord = (row: SummaryRow): ConsultationRecord => ({
  id: row.id,
  title: row.title,
  phase: row.phase,
  attributionMode: row.attribution_mode,
  timezone: row.timezone,
  opensOn: row.opens_on,
  closesOn: row.closes_on,
  role: row.role,
  groupId: row.group_id,
  groupName: row.group_name,
  description: row.description,
  kThreshold: row.k_threshold,
  textChanges: row.text_changes,
  language: row.language,
});

/** The settings a consultation is created with or changed to. */
export interface ConsultationSettings {
  title: string;
  description: string;
  timezone: string;
  attributionMode: AttributionMode;
  opensOn: string | null;
  closesOn: string | null;
  kThreshold: number;
  textChanges: TextChangeMode;
  language: Language;
}

@Injectable()
export class ConsultationsRepository {
  constructor(private readonly db: Database) {}

  /** The user's consultations with their membership, newest first. */
  async listForUser(userId: string): Promise<ConsultationRecord[]> {
    const rows = await this.db.sql<SummaryRow[]>`
      SELECT c.id, c.title, c.phase, c.attribution_mode, c.timezone, c.opens_on::text, c.closes_on::text,
             c.description, c.k_threshold, c.text_changes, c.language, m.role, m.group_id, g.name AS group_name
      FROM members m
      JOIN consultations c ON c.id = m.consultation_id
      JOIN stakeholder_groups g ON g.id = m.group_id
      WHERE m.user_id = ${userId}
      ORDER BY c.created_at DESC, c.id`;
    return rows.map(toRecord);
  }

  /**
   * One consultation with the user's membership; undefined for non-members. With `lock` (in a
   * transaction) the consultation row stays locked until it ends.
   */
  async findForUser(consultationId: string, userId: string, q: Queryable = this.db.sql, lock = false) {
    const [row] = await q<SummaryRow[]>`
      SELECT c.id, c.title, c.phase, c.attribution_mode, c.timezone, c.opens_on::text, c.closes_on::text,
             c.description, c.k_threshold, c.text_changes, c.language, m.role, m.group_id, g.name AS group_name
      FROM members m
      JOIN consultations c ON c.id = m.consultation_id
      JOIN stakeholder_groups g ON g.id = m.group_id
      WHERE m.consultation_id = ${consultationId} AND m.user_id = ${userId}
      ${lock ? this.db.sql`FOR UPDATE OF c` : this.db.sql``}`;
    return row && toRecord(row);
  }

  async insert(
    input: ConsultationSettings & { templateId: string | null; createdBy: string },
    q: Queryable = this.db.sql,
  ): Promise<string> {
    const [row] = await q<{ id: string }[]>`
      INSERT INTO consultations
        (title, description, timezone, attribution_mode, text_changes, language, opens_on, closes_on,
         k_threshold, template_id, created_by)
      VALUES (${input.title}, ${input.description}, ${input.timezone}, ${input.attributionMode},
              ${input.textChanges}, ${input.language}, ${input.opensOn}, ${input.closesOn}, ${input.kThreshold},
              ${input.templateId}, ${input.createdBy})
      RETURNING id`;
    return row!.id;
  }

  async update(consultationId: string, settings: ConsultationSettings, q: Queryable = this.db.sql) {
    await q`
      UPDATE consultations
      SET title = ${settings.title}, description = ${settings.description}, timezone = ${settings.timezone},
          attribution_mode = ${settings.attributionMode}, text_changes = ${settings.textChanges},
          language = ${settings.language}, opens_on = ${settings.opensOn},
          closes_on = ${settings.closesOn}, k_threshold = ${settings.kThreshold}, updated_at = now()
      WHERE id = ${consultationId}`;
  }

  /** Moves the phase only if it is still `from`; false when someone changed it meanwhile. */
  async movePhase(consultationId: string, from: Phase, to: Phase, q: Queryable = this.db.sql) {
    const rows = await q`
      UPDATE consultations SET phase = ${to}, updated_at = now()
      WHERE id = ${consultationId} AND phase = ${from}
      RETURNING id`;
    return rows.length === 1;
  }

  async addMember(
    input: { consultationId: string; userId: string; role: Role; groupId: string },
    q: Queryable = this.db.sql,
  ) {
    await q`
      INSERT INTO members (consultation_id, user_id, role, group_id)
      VALUES (${input.consultationId}, ${input.userId}, ${input.role}, ${input.groupId})`;
  }
}
