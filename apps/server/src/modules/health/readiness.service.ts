import { Injectable, Logger } from '@nestjs/common';
import type { ReadinessStatus } from '@cw/shared';
import { ClusterBus } from '../../cluster/cluster-bus.js';
import { ShutdownState } from '../../common/shutdown-state.js';
import { Database } from '../../db/database.js';

/** A dependency the instance needs to serve: resolves when it is usable, rejects saying why not. */
interface Probe {
  name: string;
  check(): Promise<void>;
}

/** A dependency slower than this counts as down: a load balancer should route elsewhere. */
const PROBE_TIMEOUT_MS = 2_000;

/** A failure whose message is ours and safe to publish; any other error's detail is only logged. */
class ProbeFailure extends Error {}

/**
 * Readiness: whether this instance can serve requests now. Each dependency is one probe; all run
 * in parallel on every call, so the answer is never stale.
 */
@Injectable()
export class ReadinessService {
  private readonly probes: Probe[];
  private readonly logger = new Logger('Readiness');

  constructor(db: Database, shutdown: ShutdownState, cluster: ClusterBus) {
    this.probes = [
      { name: 'database', check: () => db.ping(PROBE_TIMEOUT_MS) },
      ...(cluster.isEnabled
        ? [
            {
              name: 'redis',
              check: async () => {
                if (!cluster.isConnected) throw new ProbeFailure('unreachable');
              },
            },
          ]
        : []),
      {
        name: 'shutdown',
        check: async () => {
          if (shutdown.isShuttingDown) throw new ProbeFailure('shutting down');
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
          // The answer is public: driver messages name internal hosts, so they go to the log only.
          if (!(error instanceof ProbeFailure))
            this.logger.warn(`${probe.name} not ready: ${error instanceof Error ? error.message : error}`);
          const reason = error instanceof ProbeFailure ? error.message : 'unreachable';
          return [probe.name, { ok: false, ms: elapsed(started), error: reason }] as const;
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
