import { z } from 'zod';

/** `GET /api/health`: the process is up (liveness). */
export const healthStatus = z.object({
  status: z.literal('ok'),
  /** Which database backend this process uses. */
  database: z.enum(['pglite', 'postgres']),
});
export type HealthStatus = z.infer<typeof healthStatus>;

/** One dependency's answer to the readiness check. */
export const readinessCheck = z.object({
  ok: z.boolean(),
  /** Time the check took, in ms. */
  ms: z.number(),
  /** Why it failed; absent when ok. */
  error: z.string().optional(),
});

/** `GET /api/ready`: 200 when every dependency answers, 503 naming the ones that do not. */
export const readinessStatus = z.object({
  status: z.enum(['ready', 'not ready']),
  /** One entry per dependency, e.g. `database`, `redis`, `shutdown`. */
  checks: z.record(z.string(), readinessCheck),
});
export type ReadinessStatus = z.infer<typeof readinessStatus>;
