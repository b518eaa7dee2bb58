import { Injectable } from '@nestjs/common';
import type { ReadinessStatus } from '@cw/shared';
import { ShutdownState } from '../../common/shutdown-state.js';
import { Database } from '../../db/database.js';

/** A dependency the instance needs to serve: resolves when it is usable, rejects saying why not. */
interface Probe {
  name: string;
  check(): Promise<void>;
}

/** A dependency slower than this counts as down: a load balancer should route elsewhere. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Readiness: whether this instance can serve requests now. Each dependency is one probe; all run
 * in parallel on every call, so the answer is never stale.
 */
@Injectable()
export class ReadinessService {
  private readonly probes: Probe[];

  constructor(db: Database, shutdown: ShutdownState) {
    this.probes = [
      { name: 'database', check: () => db.ping(PROBE_TIMEOUT_MS) },
      {
        name: 'shutdown',
        check: async () => {
          if (shutdown.isShuttingDown) throw new Error('shutting down');
        },
      },
    ];
  }

  async check(): Promise<ReadinessStatus> {
    const results = await Promise.all(
      this.probes.map(async (probe) => {
        const started = performance.now();
        try {
          await probe.check();
          return [probe.name, { ok: true, ms: elapsed(started) }] as const;
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return [probe.name, { ok: false, ms: elapsed(started), error: reason || 'unreachable' }] as const;
        }
      }),
    );
    return {
      status: results.every(([, result]) => result.ok) ? 'ready' : 'not ready',
      checks: Object.fromEntries(results),
    };
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
