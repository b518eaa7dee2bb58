import { Injectable } from '@nestjs/common';
import {
  type AttributionMode,
  groupLabel,
  labelScopes,
  type Phase,
  type Role,
  type TextChangeMode,
} from '@cw/shared';
import { Database } from '../../db/database.js';
import type { Participant } from './paper-connection.js';

/** A member of a consultation, as a paper socket presents them. */
export interface MembershipRow {
  consultation_id: string;
  user_id: string;
  member_id: string;
  name: string;
  role: Role;
  group_id: string;
  group_name: string;
  /** Members per group of the consultation, and its k: what the group label rule needs. */
  member_counts: Record<string, number>;
  k_threshold: number;
}

/** What a socket's participant takes from the membership (the rest comes from the session). */
export function membershipFields(
  row: MembershipRow,
): Pick<Participant, 'memberId' | 'name' | 'role' | 'groupId' | 'groupName' | 'groupLabel' | 'labelScope'> {
  const scope = labelScopes(row.member_counts, row.k_threshold)[row.group_id] ?? 'participant';
  return {
    memberId: row.member_id,
    name: row.name,
    role: row.role,
    groupId: row.group_id,
    groupName: row.group_name,
    groupLabel: groupLabel(scope, row.group_name),
    labelScope: scope,
  };
}

export interface ConsultationState {
  phase: Phase;
  attributionMode: AttributionMode;
  textChanges: TextChangeMode;
}

/** A member asked about on an agenda session's notes. */
export interface NotesSeat {
  consultationId: string;
  sessionId: string;
  userId: string;
}

/** One member on one session's notes, as a map key. */
export const notesSeatKey = ({ sessionId, userId }: Pick<NotesSeat, 'sessionId' | 'userId'>) =>
  `${sessionId}|${userId}`;

/** Who may be on a paper or a session's notes, and the consultation state that decides what they may do. */
@Injectable()
export class ParticipantsRepository {
  constructor(private readonly db: Database) {}

  /** Phase, attribution mode and text change mode of each of these consultations that still exists. */
  async consultations(consultationIds: string[]): Promise<Map<string, ConsultationState>> {
    if (consultationIds.length === 0) return new Map();
    const rows = await this.db.sql<
      { id: string; phase: Phase; attribution_mode: AttributionMode; text_changes: TextChangeMode }[]
    >`
      SELECT id, phase, attribution_mode, text_changes FROM consultations
      WHERE id IN ${this.db.sql(consultationIds)}`;
    return new Map(
      rows.map((row) => [
        row.id,
        { phase: row.phase, attributionMode: row.attribution_mode, textChanges: row.text_changes },
      ]),
    );
  }

  /** Current memberships of these users in these consultations, each pair asked for once. */
  async memberships(pairs: Array<{ consultationId: string; userId: string }>): Promise<MembershipRow[]> {
    if (pairs.length === 0) return [];
    const sql = this.db.sql;
    return sql<MembershipRow[]>`
      SELECT m.consultation_id, m.user_id, m.id AS member_id, u.name, m.role, m.group_id, g.name AS group_name,
        c.k_threshold, (SELECT json_object_agg(sg.id, (SELECT count(*) FROM members sm WHERE sm.group_id = sg.id))
                        FROM stakeholder_groups sg WHERE sg.consultation_id = m.consultation_id) AS member_counts
      FROM unnest(${sql.array(pairs.map((pair) => pair.consultationId))}::uuid[],
                  ${sql.array(pairs.map((pair) => pair.userId))}::uuid[]) AS asked(consultation_id, user_id)
      JOIN members m ON m.consultation_id = asked.consultation_id AND m.user_id = asked.user_id
      JOIN users u ON u.id = m.user_id
      JOIN stakeholder_groups g ON g.id = m.group_id
      JOIN consultations c ON c.id = m.consultation_id`;
  }

  /** The consultation's section ids: the roots its paper may have. */
  async sectionIds(consultationId: string): Promise<string[]> {
    const rows = await this.db.sql<{ id: string }[]>`
      SELECT id FROM sections WHERE consultation_id = ${consultationId}`;
    return rows.map((row) => row.id);
  }

  /** The guiding questions of an agenda session: the roots of its notes besides the general notes. */
  async sessionQuestionIds(sessionId: string): Promise<string[]> {
    const rows = await this.db.sql<{ id: string }[]>`
      SELECT id FROM guiding_questions WHERE session_id = ${sessionId}`;
    return rows.map((row) => row.id);
  }

  /**
   * Of these members on sessions' notes, those whose session is an agenda session of the
   * consultation, each with whether the member is named its rapporteur: keyed by `notesSeatKey`.
   */
  async notesSeats(seats: NotesSeat[]): Promise<Map<string, { isRapporteur: boolean }>> {
    if (seats.length === 0) return new Map();
    const sql = this.db.sql;
    const rows = await sql<{ session_id: string; user_id: string; is_rapporteur: boolean }[]>`
      SELECT a.id AS session_id, asked.user_id,
        EXISTS (SELECT 1 FROM session_rapporteurs r JOIN members m ON m.id = r.member_id
                WHERE r.session_id = a.id AND m.user_id = asked.user_id) AS is_rapporteur
      FROM unnest(${sql.array(seats.map((seat) => seat.consultationId))}::uuid[],
                  ${sql.array(seats.map((seat) => seat.sessionId))}::uuid[],
                  ${sql.array(seats.map((seat) => seat.userId))}::uuid[])
        AS asked(consultation_id, session_id, user_id)
      JOIN agenda_sessions a ON a.id = asked.session_id AND a.consultation_id = asked.consultation_id`;
    return new Map(
      rows.map((row) => [
        notesSeatKey({ sessionId: row.session_id, userId: row.user_id }),
        { isRapporteur: row.is_rapporteur },
      ]),
    );
  }

  /** Section ids with their starting text, for the first state of a new paper. */
  async sectionBodies(consultationId: string): Promise<Array<{ id: string; body: string }>> {
    return this.db.sql<{ id: string; body: string }[]>`
      SELECT id, initial_body AS body FROM sections WHERE consultation_id = ${consultationId} ORDER BY position`;
  }
}
