import { Injectable } from '@nestjs/common';
import { type AuditCsvQuery, type AuditEntry, type AuditQuery, zonedToInstant } from '@cw/shared';
import type { Actor, AuthContext, MembershipContext } from '../../common/request-context.js';
import type { Queryable } from '../../db/database.js';
import { type AuditFilters, AuditRepository, type AuditRow, type NewAuditEntry } from './audit.repository.js';
import { auditCsv } from './audit-csv.js';

/** How the audit log names a change that the consultation's dates made, not a person. */
export const SCHEDULE_ACTOR_NAME = 'Consultation schedule';

/** What one organiser action records, besides who did it and where. */
export type AuditRecord = Omit<NewAuditEntry, 'consultationId' | 'actor'>;

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  action: row.action,
  actor: { userId: row.actor_id, name: row.actor_name, role: row.actor_role },
  target: { type: row.target_type, id: row.target_id, label: row.target_label },
  before: row.before,
  after: row.after,
  createdAt: row.created_at.toISOString(),
});

/**
 * The organisers' own record (SPEC §3): every action is written in the transaction of the change
 * it records, so neither exists without the other; admins read it, nobody changes it.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly audit: AuditRepository) {}

  /**
   * Records one or more entries of `actor`'s action, in the transaction `tx` of the action when it
   * writes anything; always named, whatever the attribution mode.
   */
  async record(actor: Actor, entries: AuditRecord | AuditRecord[], tx?: Queryable): Promise<void> {
    for (const entry of [entries].flat()) {
      await this.audit.insert(
        { ...entry, consultationId: actor.member.consultationId, actor: actorOf(actor) },
        tx,
      );
    }
  }

  /** Records what the consultation's schedule did, in the transaction `tx` of the change. */
  async recordScheduled(consultationId: string, entry: AuditRecord, tx: Queryable): Promise<void> {
    await this.audit.insert(
      { ...entry, consultationId, actor: { userId: null, name: SCHEDULE_ACTOR_NAME, role: null } },
      tx,
    );
  }

  async list(member: MembershipContext, query: AuditQuery): Promise<AuditEntry[]> {
    const timezone = await this.audit.timezone(member.consultationId);
    const rows = await this.audit.list(member.consultationId, filtersOf(query, timezone), {
      before: query.before,
      limit: query.limit,
    });
    return rows.map(toEntry);
  }

  /** Every matching entry as CSV. */
  async csv(member: MembershipContext, query: AuditCsvQuery): Promise<string> {
    const timezone = await this.audit.timezone(member.consultationId);
    const rows = await this.audit.list(member.consultationId, filtersOf(query, timezone));
    return auditCsv(rows.map(toEntry));
  }
}

function actorOf({ auth, member }: { auth: AuthContext; member: MembershipContext }) {
  return { userId: auth.userId, name: auth.name, role: member.role };
}

/** Days are the consultation's: `to` includes the whole of its day. */
function filtersOf(query: AuditCsvQuery, timezone: string): AuditFilters {
  const midnight = (day: string) => zonedToInstant(`${day}T00:00`, timezone);
  const dayAfter = (day: string) => {
    const next = new Date(`${day}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return midnight(next.toISOString().slice(0, 10));
  };
  return {
    action: query.action,
    actorId: query.actorId,
    from: query.from && midnight(query.from),
    until: query.to && dayAfter(query.to),
  };
}
