import { Injectable } from '@nestjs/common';
import type { Phase } from '@cw/shared';
import type { Actor } from '../../common/request-context.js';
import type { TransactionSql } from '../../db/database.js';
import { AccessChanges } from '../access-changes/index.js';
import { GroupLabelsRepository, posterOf } from '../attribution/index.js';
import { AuditLog } from '../audit/index.js';
import { NotificationsService } from '../notifications/index.js';
import { ConsultationsRepository } from './consultations.repository.js';

/** Who moves the phase: a member through the API, or the consultation's dates at `dueAt`. */
export type PhaseMover = { actor: Actor } | { dueAt: Date };

/**
 * The one way a phase changes, whether an admin asks or the dates schedule it: the move, its
 * audit entry and the members' notices in one transaction, then the signal that refreshes rights
 * and open pages on every instance.
 */
@Injectable()
export class PhaseChanges {
  constructor(
    private readonly consultations: ConsultationsRepository,
    private readonly labels: GroupLabelsRepository,
    private readonly audit: AuditLog,
    private readonly notifications: NotificationsService,
    private readonly accessChanges: AccessChanges,
  ) {}

  /** Moves the phase only if it is still `from`, in `tx`; false when it no longer was. */
  async move(tx: TransactionSql, consultationId: string, from: Phase, to: Phase, by: PhaseMover) {
    if (!(await this.consultations.movePhase(consultationId, from, to, tx))) return false;
    const entry = {
      action: 'phase.changed' as const,
      target: { type: 'consultation' as const, id: consultationId, label: '' },
      before: { phase: from },
      after: { phase: to },
    };
    if ('actor' in by) {
      await this.audit.record(by.actor, entry, tx);
      const poster = posterOf(by.actor, await this.labels.scopes(consultationId, tx));
      await this.notifications.phaseChanged(consultationId, poster, { phase: to, dueAt: null }, tx);
    } else {
      const dueAt = by.dueAt.toISOString();
      await this.audit.recordScheduled(consultationId, { ...entry, after: { phase: to, dueAt } }, tx);
      await this.notifications.phaseChanged(consultationId, null, { phase: to, dueAt }, tx);
    }
    return true;
  }

  /** After the move committed: open sockets re-check rights and open pages read the consultation again. */
  announce(consultationId: string): void {
    this.accessChanges.consultationChanged(consultationId);
  }
}
