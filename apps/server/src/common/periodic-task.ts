import type { Logger } from '@nestjs/common';

/**
 * Runs `task` every `intervalMs` without keeping the process alive. A failed run (the database
 * away) is logged as a warning; the next run simply tries again. Returns the function that stops it.
 */
export function repeatEvery(intervalMs: number, task: () => Promise<unknown>, logger: Logger): () => void {
  const timer = setInterval(() => {
    task().catch((error: unknown) => logger.warn(`Periodic task failed: ${(error as Error).message}`));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
