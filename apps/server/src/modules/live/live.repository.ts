import { Injectable } from '@nestjs/common';
import type { AgendaItemKind, AttributionMode, LabelScope, LiveFocus, LiveSession, Role } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';
import type { PersonRecord, Poster } from '../attribution/index.js';

/** A raised hand as stored, with the person behind it (never sent as such: see `presentLive`). */
export interface HandRecord {
  id: string;
  questionId: string | null;
  person: PersonRecord;
}

/** A consultation's live state as stored. */
export interface LiveRecord {
  /** 0 when the consultation never ran anything live. */
  revision: number;
  session: LiveSession | null;
  /** In queue order. */
  hands: HandRecord[];
}

/** The agenda item a run is about, as the live rules need it. */
export interface AgendaItem {
  id: string;
  kind: AgendaItemKind;
  title: string;
  startsAt: string;
  endsAt: string;
}

/** The running row, locked by `lockRunning` until the transaction ends. */
export interface RunningRow {
  agendaSessionId: string;
  title: string;
  endsAt: string;
  focus: LiveFocus | null;
}

interface LiveRow {
  agenda_session_id: string | null;
  started_at: Date;
  ends_at: Date;
  ended_at: Date | null;
  focus_question_id: string | null;
  focus_section_id: string | null;
  revision: number;
}

interface HandRow {
  id: string;
  question_id: string | null;
  user_id: string;
  name: string;
  role: Role;
  group_id: string;
  group_name: string;
  attribution_mode: AttributionMode;
  label_scope: LabelScope;
}

const focusOf = (row: Pick<LiveRow, 'focus_question_id' | 'focus_section_id'>): LiveFocus | null =>
  row.focus_question_id
    ? { kind: 'question', id: row.focus_question_id }
    : row.focus_section_id
      ? { kind: 'section', id: row.focus_section_id }
      : null;

const questionIdOf = (focus: LiveFocus | null) => (focus?.kind === 'question' ? focus.id : null);
const sectionIdOf = (focus: LiveFocus | null) => (focus?.kind === 'section' ? focus.id : null);

/**
 * The live state of each consultation: one row per consultation (the item running, or the last
 * one run) and the hands raised during the run. Every change renumbers the row from one sequence
 * under its row lock, so revisions follow the order changes commit in.
 */
@Injectable()
export class LiveRepository {
  constructor(private readonly db: Database) {}

  async read(consultationId: string, q: Queryable = this.db.sql): Promise<LiveRecord> {
    const [row] = await q<LiveRow[]>`
      SELECT agenda_session_id, started_at, ends_at, ended_at, focus_question_id, focus_section_id, revision
      FROM live_sessions WHERE consultation_id = ${consultationId}`;
    if (!row) return { revision: 0, session: null, hands: [] };
    const isRunning = row.ended_at === null && row.agenda_session_id !== null;
    if (!isRunning) return { revision: row.revision, session: null, hands: [] };
    // Hands of people who have since left the consultation are not shown.
    const hands = await q<HandRow[]>`
      SELECT h.id, h.question_id, h.user_id, u.name, h.role, h.group_id, g.name AS group_name,
             h.attribution_mode, h.label_scope
      FROM live_hands h
      JOIN users u ON u.id = h.user_id
      JOIN stakeholder_groups g ON g.id = h.group_id
      JOIN members m ON m.consultation_id = h.consultation_id AND m.user_id = h.user_id
      WHERE h.consultation_id = ${consultationId}
      ORDER BY h.seq`;
    return {
      revision: row.revision,
      session: {
        sessionId: row.agenda_session_id!,
        startedAt: row.started_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        focus: focusOf(row),
      },
      hands: hands.map((hand) => ({
        id: hand.id,
        questionId: hand.question_id,
        person: {
          userId: hand.user_id,
          name: hand.name,
          role: hand.role,
          groupId: hand.group_id,
          groupName: hand.group_name,
          attributionMode: hand.attribution_mode,
          labelScope: hand.label_scope,
        },
      })),
    };
  }

  async agendaItem(consultationId: string, id: string, q: Queryable): Promise<AgendaItem | undefined> {
    const [row] = await q<
      { id: string; kind: AgendaItemKind; title: string; starts_at: Date; ends_at: Date }[]
    >`
      SELECT id, kind, title, starts_at, ends_at FROM agenda_sessions
      WHERE consultation_id = ${consultationId} AND id = ${id}`;
    return (
      row && {
        id: row.id,
        kind: row.kind,
        title: row.title,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
      }
    );
  }

  /** The item's first guiding question by number, or null. */
  async firstQuestion(agendaSessionId: string, q: Queryable): Promise<string | null> {
    const [row] = await q<{ id: string }[]>`
      SELECT id FROM guiding_questions WHERE session_id = ${agendaSessionId} ORDER BY number LIMIT 1`;
    return row?.id ?? null;
  }

  /**
   * Starts a run unless one is running: replaces the row of a run that ended (or whose item was
   * deleted). Returns false when another run holds the row; a start racing this one waits for its
   * commit and then finds it running.
   */
  async start(
    consultationId: string,
    run: { agendaSessionId: string; startedAt: string; endsAt: string; focus: LiveFocus | null },
    q: Queryable,
  ): Promise<boolean> {
    const rows = await q`
      INSERT INTO live_sessions AS l
        (consultation_id, agenda_session_id, started_at, ends_at, focus_question_id, focus_section_id)
      VALUES (${consultationId}, ${run.agendaSessionId}, ${run.startedAt}, ${run.endsAt},
              ${questionIdOf(run.focus)}, ${sectionIdOf(run.focus)})
      ON CONFLICT (consultation_id) DO UPDATE
        SET agenda_session_id = EXCLUDED.agenda_session_id, started_at = EXCLUDED.started_at,
            ends_at = EXCLUDED.ends_at, ended_at = NULL,
            focus_question_id = EXCLUDED.focus_question_id, focus_section_id = EXCLUDED.focus_section_id,
            revision = nextval('live_session_revisions')
        WHERE l.ended_at IS NOT NULL OR l.agenda_session_id IS NULL
      RETURNING 1`;
    if (rows.length === 0) return false;
    await q`DELETE FROM live_hands WHERE consultation_id = ${consultationId}`;
    return true;
  }

  /** The running row, locked until the transaction ends; undefined when nothing runs. */
  async lockRunning(consultationId: string, q: Queryable): Promise<RunningRow | undefined> {
    const [row] = await q<
      (Pick<LiveRow, 'focus_question_id' | 'focus_section_id' | 'ends_at'> & {
        agenda_session_id: string;
        title: string;
      })[]
    >`
      SELECT l.agenda_session_id, a.title, l.ends_at, l.focus_question_id, l.focus_section_id
      FROM live_sessions l JOIN agenda_sessions a ON a.id = l.agenda_session_id
      WHERE l.consultation_id = ${consultationId} AND l.ended_at IS NULL
      FOR UPDATE OF l`;
    return (
      row && {
        agendaSessionId: row.agenda_session_id,
        title: row.title,
        endsAt: row.ends_at.toISOString(),
        focus: focusOf(row),
      }
    );
  }

  /**
   * Whether the room may discuss this in the item: one of its guiding questions, or a section
   * linked to it or to one of its questions.
   */
  async isFocusOf(agendaSessionId: string, focus: LiveFocus, q: Queryable): Promise<boolean> {
    const rows =
      focus.kind === 'question'
        ? await q`SELECT 1 FROM guiding_questions WHERE id = ${focus.id} AND session_id = ${agendaSessionId}`
        : await q`
            SELECT 1 FROM agenda_session_sections
            WHERE session_id = ${agendaSessionId} AND section_id = ${focus.id}
            UNION ALL
            SELECT 1 FROM guiding_question_sections l
            JOIN guiding_questions g ON g.id = l.question_id
            WHERE g.session_id = ${agendaSessionId} AND l.section_id = ${focus.id}`;
    return rows.length > 0;
  }

  /** How the audit log names a focus: "Question 2", "Section 1.2 Title". */
  async focusLabel(focus: LiveFocus | null, q: Queryable): Promise<string | null> {
    if (!focus) return null;
    if (focus.kind === 'question') {
      const [row] = await q<
        { number: number }[]
      >`SELECT number FROM guiding_questions WHERE id = ${focus.id}`;
      return row ? `Question ${row.number}` : null;
    }
    const [row] = await q<{ number: string; title: string }[]>`
      SELECT number, title FROM sections WHERE id = ${focus.id}`;
    return row ? `Section ${row.number} ${row.title}` : null;
  }

  /** Renumbers the running row, with the changes given; call after `lockRunning`. */
  async update(
    consultationId: string,
    change: { focus?: LiveFocus | null; endsAt?: string; endedAt?: string },
    q: Queryable,
  ): Promise<void> {
    const setsFocus = change.focus !== undefined;
    const focus = change.focus ?? null;
    await q`
      UPDATE live_sessions SET
        revision = nextval('live_session_revisions'),
        focus_question_id = CASE WHEN ${setsFocus} THEN ${questionIdOf(focus)}::uuid ELSE focus_question_id END,
        focus_section_id = CASE WHEN ${setsFocus} THEN ${sectionIdOf(focus)}::uuid ELSE focus_section_id END,
        ends_at = coalesce(${change.endsAt ?? null}::timestamptz, ends_at),
        ended_at = coalesce(${change.endedAt ?? null}::timestamptz, ended_at)
      WHERE consultation_id = ${consultationId}`;
  }

  /** False when the member's hand is already up (it keeps its place). */
  async raiseHand(
    consultationId: string,
    poster: Poster,
    questionId: string | null,
    q: Queryable,
  ): Promise<boolean> {
    const rows = await q`
      INSERT INTO live_hands (consultation_id, user_id, role, group_id, label_scope, question_id)
      VALUES (${consultationId}, ${poster.userId}, ${poster.role}, ${poster.groupId}, ${poster.labelScope},
              ${questionId})
      ON CONFLICT (consultation_id, user_id) DO NOTHING
      RETURNING 1`;
    return rows.length > 0;
  }

  /** The member's own hand; false when it was not up. */
  async lowerOwnHand(consultationId: string, userId: string, q: Queryable): Promise<boolean> {
    const rows = await q`
      DELETE FROM live_hands WHERE consultation_id = ${consultationId} AND user_id = ${userId} RETURNING 1`;
    return rows.length > 0;
  }

  /** One hand by its id; false when it is no longer up. */
  async lowerHand(consultationId: string, handId: string, q: Queryable): Promise<boolean> {
    const rows = await q`
      DELETE FROM live_hands WHERE consultation_id = ${consultationId} AND id = ${handId} RETURNING 1`;
    return rows.length > 0;
  }

  /** Every hand; returns how many were up. */
  async clearHands(consultationId: string, q: Queryable): Promise<number> {
    const rows = await q`DELETE FROM live_hands WHERE consultation_id = ${consultationId} RETURNING 1`;
    return rows.length;
  }
}
