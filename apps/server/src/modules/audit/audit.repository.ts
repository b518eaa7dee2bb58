import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditState, AuditTarget, Role } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

/** An entry as written: who, what, on what, and the state before and after. */
export interface NewAuditEntry {
  consultationId: string;
  /** No user and no role for the consultation's schedule. */
  actor: { userId: string | null; name: string; role: Role | null };
  action: AuditAction;
  target: { type: AuditTarget; id: string | null; label: string };
  before: AuditState | null;
  after: AuditState | null;
}

export interface AuditRow {
  id: string;
  actor_id: string | null;
  actor_name: string;
  actor_role: Role | null;
  action: AuditAction;
  target_type: AuditTarget;
  target_id: string | null;
  target_label: string;
  before: AuditState | null;
  after: AuditState | null;
  created_at: Date;
}

/** What a reading of the log is narrowed to; instants are already in UTC. */
export interface AuditFilters {
  action?: AuditAction | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  /** Exclusive. */
  until?: string | undefined;
}

/**
 * All SQL of the audit log: INSERT and SELECT, nothing else. The table refuses UPDATE, DELETE and
 * TRUNCATE by itself (migration 0009).
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: Database) {}

  async insert(entry: NewAuditEntry, q: Queryable = this.db.sql): Promise<void> {
    const json = (state: AuditState | null) => (state === null ? null : this.db.sql.json(state as never));
    await q`
      INSERT INTO audit_log (consultation_id, actor_id, actor_name, actor_role, action, target_type, target_id,
        target_label, before, after)
      VALUES (${entry.consultationId}, ${entry.actor.userId}, ${entry.actor.name}, ${entry.actor.role},
        ${entry.action}, ${entry.target.type}, ${entry.target.id}, ${entry.target.label}, ${json(entry.before)},
        ${json(entry.after)})`;
  }

  /** The consultation's time zone, which the day filters are read in. */
  async timezone(consultationId: string): Promise<string> {
    const [row] = await this.db.sql<{ timezone: string }[]>`
      SELECT timezone FROM consultations WHERE id = ${consultationId}`;
    return row!.timezone;
  }

  /** Newest first, in the order written; `before` is the id of the last entry of the previous page. */
  async list(
    consultationId: string,
    filters: AuditFilters,
    page?: { before: string | undefined; limit: number },
  ): Promise<AuditRow[]> {
    const sql = this.db.sql;
    return sql<AuditRow[]>`
      SELECT id, actor_id, actor_name, actor_role, action, target_type, target_id, target_label, before, after,
        created_at
      FROM audit_log
      WHERE consultation_id = ${consultationId}
        ${filters.action ? sql`AND action = ${filters.action}` : sql``}
        ${filters.actorId ? sql`AND actor_id = ${filters.actorId}` : sql``}
        ${filters.from ? sql`AND created_at >= ${filters.from}` : sql``}
        ${filters.until ? sql`AND created_at < ${filters.until}` : sql``}
        ${
          page?.before
            ? sql`AND seq < (SELECT seq FROM audit_log
                    WHERE id = ${page.before} AND consultation_id = ${consultationId})`
            : sql``
        }
      ORDER BY seq DESC
      ${page ? sql`LIMIT ${page.limit}` : sql``}`;
  }
}
