import { Injectable } from '@nestjs/common';
import { type Phase, SCHEDULED_FROM, type ScheduledChange, type ScheduledPhase } from '@cw/shared';
import { Database, type Queryable, type TransactionSql } from '../../db/database.js';

/** A scheduled change claimed by this transaction, with the consultation's phase now. */
export interface ClaimedChange {
  consultationId: string;
  phase: ScheduledPhase;
  dueAt: Date;
  currentPhase: Phase;
}

interface ClaimedRow {
  consultation_id: string;
  phase: ScheduledPhase;
  due_at: Date;
  current_phase: Phase;
}

const toClaimed = (row: ClaimedRow): ClaimedChange => ({
  consultationId: row.consultation_id,
  phase: row.phase,
  dueAt: row.due_at,
  currentPhase: row.current_phase,
});

/**
 * All SQL of the phase schedule. A claim locks the schedule row and the consultation row
 * together and skips rows another transaction holds, so of several instances polling at once
 * exactly one takes each row, and none waits on a lock while holding one.
 */
@Injectable()
export class PhaseScheduleRepository {
  constructor(private readonly db: Database) {}

  /**
   * Stores the changes the consultation's dates schedule now, in the caller's transaction. A
   * change whose time is unchanged keeps its row, and with it whether it was done and told; one
   * with a new time starts again, unless that time has already passed (`now`): a date entered in
   * the past schedules nothing.
   */
  async replace(consultationId: string, changes: ScheduledChange[], now: Date, q: Queryable): Promise<void> {
    const sql = this.db.sql;
    const phases = changes.map((change) => change.phase);
    await q`
      DELETE FROM scheduled_phase_changes
      WHERE consultation_id = ${consultationId}
        ${phases.length > 0 ? sql`AND phase NOT IN ${sql(phases)}` : sql``}`;
    for (const change of changes) {
      if (new Date(change.at) > now) {
        await q`
          INSERT INTO scheduled_phase_changes (consultation_id, phase, due_at)
          VALUES (${consultationId}, ${change.phase}, ${change.at})
          ON CONFLICT (consultation_id, phase) DO UPDATE
            SET due_at = excluded.due_at, noticed_at = NULL, done_at = NULL, applied = NULL
            WHERE scheduled_phase_changes.due_at <> excluded.due_at`;
      } else {
        await q`
          DELETE FROM scheduled_phase_changes
          WHERE consultation_id = ${consultationId} AND phase = ${change.phase} AND due_at <> ${change.at}`;
      }
    }
  }

  /** The consultation's change to `phase` while it is still to be made. */
  async pending(consultationId: string, phase: ScheduledPhase): Promise<ScheduledChange | undefined> {
    const [row] = await this.db.sql<{ due_at: Date }[]>`
      SELECT due_at FROM scheduled_phase_changes
      WHERE consultation_id = ${consultationId} AND phase = ${phase} AND done_at IS NULL`;
    return row && { phase, at: row.due_at.toISOString() };
  }

  /** Claims the earliest change due by `now` that no one has made yet. */
  async claimDue(now: Date, tx: TransactionSql): Promise<ClaimedChange | undefined> {
    const [row] = await tx<ClaimedRow[]>`
      SELECT s.consultation_id, s.phase, s.due_at, c.phase AS current_phase
      FROM scheduled_phase_changes s JOIN consultations c ON c.id = s.consultation_id
      WHERE s.done_at IS NULL AND s.due_at <= ${now}
      ORDER BY s.due_at
      LIMIT 1
      FOR UPDATE OF s, c SKIP LOCKED`;
    return row && toClaimed(row);
  }

  async markDone(change: ClaimedChange, applied: boolean, now: Date, tx: TransactionSql): Promise<void> {
    await tx`
      UPDATE scheduled_phase_changes SET done_at = ${now}, applied = ${applied}
      WHERE consultation_id = ${change.consultationId} AND phase = ${change.phase}`;
  }

  /**
   * Claims the earliest change due after `now` and by `until` whose members have not been told,
   * once the consultation is in the phase it moves from (a close scheduled for the day a draft
   * opens is told once it has opened).
   */
  async claimNotice(now: Date, until: Date, tx: TransactionSql): Promise<ClaimedChange | undefined> {
    const [row] = await tx<ClaimedRow[]>`
      SELECT s.consultation_id, s.phase, s.due_at, c.phase AS current_phase
      FROM scheduled_phase_changes s JOIN consultations c ON c.id = s.consultation_id
      WHERE s.done_at IS NULL AND s.noticed_at IS NULL AND s.due_at > ${now} AND s.due_at <= ${until}
        AND c.phase = CASE s.phase WHEN 'open' THEN ${SCHEDULED_FROM.open} ELSE ${SCHEDULED_FROM.closed} END
      ORDER BY s.due_at
      LIMIT 1
      FOR UPDATE OF s, c SKIP LOCKED`;
    return row && toClaimed(row);
  }

  async markNoticed(change: ClaimedChange, now: Date, tx: TransactionSql): Promise<void> {
    await tx`
      UPDATE scheduled_phase_changes SET noticed_at = ${now}
      WHERE consultation_id = ${change.consultationId} AND phase = ${change.phase}`;
  }
}
