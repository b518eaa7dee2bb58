import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PHASE_NOTICE_HOURS, SCHEDULED_FROM } from '@cw/shared';
import { repeatEvery } from '../../common/periodic-task.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Database } from '../../db/database.js';
import { MetricsService } from '../metrics/index.js';
import { NotificationsService } from '../notifications/index.js';
import { PhaseChanges } from './phase-changes.js';
import { PhaseSchedule } from './phase-schedule.js';
import { PhaseScheduleRepository } from './phase-schedule.repository.js';

const NOTICE_MS = PHASE_NOTICE_HOURS * 3_600_000;

/**
 * Makes the phase changes that consultations' dates scheduled, and tells members a day before.
 * Every instance polls; each change and each notice is claimed in the transaction that makes it
 * (row locks, skipping rows another instance holds), and is marked done there too, so it happens
 * exactly once however many instances poll and however late one starts after its time.
 */
@Injectable()
export class PhaseScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PhaseSchedule');
  private stopPolling: (() => void) | undefined;
  /** The poll in progress: a slow one is not overlapped by the next. */
  private polling: Promise<void> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly schedule: PhaseSchedule,
    private readonly repository: PhaseScheduleRepository,
    private readonly phaseChanges: PhaseChanges,
    private readonly notifications: NotificationsService,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    this.stopPolling = repeatEvery(this.config.phaseSchedule.pollMs, () => this.poll(), this.logger);
    // What fell due while no instance ran is made now, not a poll interval later.
    this.poll().catch((error: unknown) =>
      this.logger.warn(`Phase schedule poll failed: ${(error as Error).message}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopPolling?.();
    await this.polling?.catch(() => undefined);
  }

  /** Makes every change and notice due now; resolves when done. */
  poll(): Promise<void> {
    this.polling ??= this.makeDue().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async makeDue(): Promise<void> {
    const now = this.schedule.now();
    while (await this.changeNext(now));
    while (await this.noticeNext(now));
    this.metrics.phaseSchedulePolls.inc();
  }

  /** Makes one due change, or marks it overtaken when the phase was changed by hand; false when none is due. */
  private async changeNext(now: Date): Promise<boolean> {
    const done = await this.db.sql.begin(async (tx) => {
      const change = await this.repository.claimDue(now, tx);
      if (!change) return undefined;
      const applied =
        change.currentPhase === SCHEDULED_FROM[change.phase] &&
        (await this.phaseChanges.move(tx, change.consultationId, change.currentPhase, change.phase, {
          dueAt: change.dueAt,
        }));
      await this.repository.markDone(change, applied, now, tx);
      return { change, applied };
    });
    if (!done) return false;
    const { change, applied } = done;
    this.metrics.scheduledPhaseChanges.inc({ outcome: applied ? 'applied' : 'skipped' });
    if (applied) {
      this.phaseChanges.announce(change.consultationId);
      this.logger.log(`Consultation ${change.consultationId} moved to ${change.phase} as scheduled`);
    } else {
      this.logger.log(
        `Consultation ${change.consultationId} was ${change.currentPhase}, so its scheduled move to ${change.phase} was skipped`,
      );
    }
    return true;
  }

  /** Tells members of one change due within the notice period; false when there is none to tell. */
  private async noticeNext(now: Date): Promise<boolean> {
    return this.db.sql.begin(async (tx) => {
      const change = await this.repository.claimNotice(now, new Date(now.getTime() + NOTICE_MS), tx);
      if (!change) return false;
      await this.notifications.phaseChangeDue(
        change.consultationId,
        { phase: change.phase, dueAt: change.dueAt.toISOString() },
        tx,
      );
      await this.repository.markNoticed(change, now, tx);
      return true;
    });
  }
}
