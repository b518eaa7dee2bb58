import { Inject, Injectable } from '@nestjs/common';
import {
  type Phase,
  SCHEDULED_FROM,
  SCHEDULED_PHASES,
  type ScheduledChange,
  scheduledChanges,
} from '@cw/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { Queryable } from '../../db/database.js';
import { PhaseScheduleRepository } from './phase-schedule.repository.js';

/** The phase changes consultations' dates schedule, and the clock they are read by. */
@Injectable()
export class PhaseSchedule {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly schedule: PhaseScheduleRepository,
  ) {}

  /** The real clock, shifted by PHASE_SCHEDULE_OFFSET_MS (tests move it; production does not). */
  now(): Date {
    return new Date(Date.now() + this.config.phaseSchedule.clockOffsetMs);
  }

  /** Stores what the dates schedule, in the transaction that sets them. */
  async plan(
    consultationId: string,
    dates: { opensOn: string | null; closesOn: string | null; timezone: string },
    tx: Queryable,
  ): Promise<void> {
    await this.schedule.replace(consultationId, scheduledChanges(dates), this.now(), tx);
  }

  /** The change still to be made from the consultation's `phase`, if its dates schedule one. */
  async next(consultationId: string, phase: Phase): Promise<ScheduledChange | null> {
    const to = SCHEDULED_PHASES.find((scheduled) => SCHEDULED_FROM[scheduled] === phase);
    return (to && (await this.schedule.pending(consultationId, to))) ?? null;
  }
}
