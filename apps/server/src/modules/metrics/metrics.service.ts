import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Open WebSockets per path (`/collab`, `/events`), read at scrape time. */
export type SocketCounter = () => Array<{ path: string; count: number }>;

/**
 * The Prometheus metrics of this process, in a registry of its own (several app instances may
 * share a process in tests). Gauges read their value when scraped; the rest are updated where
 * the event happens.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  /** HTTP answers by method, route template (never the raw URL) and status code. */
  readonly httpDuration = new Histogram({
    name: 'cw_http_request_duration_seconds',
    help: 'HTTP request duration by route template',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  /** Paper updates accepted from clients; its rate is updates per second. */
  readonly paperUpdates = new Counter({
    name: 'cw_paper_updates_total',
    help: 'Paper updates accepted from clients',
    registers: [this.registry],
  });

  /** How long writing one group-committed batch of paper updates took, and whether it worked. */
  readonly paperStoreDuration = new Histogram({
    name: 'cw_paper_store_duration_seconds',
    help: 'Duration of storing one batch of paper updates',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  /** Polls of the phase schedule this instance completed. */
  readonly phaseSchedulePolls = new Counter({
    name: 'cw_phase_schedule_polls_total',
    help: 'Polls of the phase schedule completed',
    registers: [this.registry],
  });

  /** Scheduled phase changes this instance made, or skipped because the phase had been changed by hand. */
  readonly scheduledPhaseChanges = new Counter({
    name: 'cw_scheduled_phase_changes_total',
    help: 'Scheduled phase changes made (applied) or overtaken by a change by hand (skipped)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** Polls of the mail outbox this instance completed (only with SMTP_URL). */
  readonly mailPolls = new Counter({
    name: 'cw_mail_polls_total',
    help: 'Polls of the mail outbox completed',
    registers: [this.registry],
  });

  /** Attempts to hand a mail to the mail server: sent, to be retried, or given up (failed). */
  readonly mailAttempts = new Counter({
    name: 'cw_mail_attempts_total',
    help: 'Attempts to send a mail from the outbox, by outcome (sent, retry, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private countPapers: () => number = () => 0;
  private countSockets: SocketCounter = () => [];

  constructor() {
    // The event-loop lag histogram samples with a timer; prom-client's default of every 10 ms
    // wakes an idle server 100 times a second (half a percent of a core on a small VM). Every
    // 100 ms still catches the stalls worth an alert; the figures count the interval in.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 100 });
    const countPapers = () => this.countPapers();
    const countSockets = () => this.countSockets();
    new Gauge({
      name: 'cw_papers_loaded',
      help: 'Papers held in memory',
      registers: [this.registry],
      collect() {
        this.set(countPapers());
      },
    });
    new Gauge({
      name: 'cw_websocket_connections',
      help: 'Open WebSockets by path',
      labelNames: ['path'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const { path, count } of countSockets()) this.set({ path }, count);
      },
    });
  }

  /** Where `cw_papers_loaded` reads its value. */
  countPapersWith(counter: () => number): void {
    this.countPapers = counter;
  }

  /** Where `cw_websocket_connections` reads its values. */
  countSocketsWith(counter: SocketCounter): void {
    this.countSockets = counter;
  }
}
