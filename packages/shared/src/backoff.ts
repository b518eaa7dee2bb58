/**
 * The wait before retry number `attempt` (0 for the first): `firstMs`, doubling with each
 * further attempt, at most `maxMs`. One rule for every retry loop, server and web alike.
 */
export function backoffDelay(attempt: number, firstMs: number, maxMs: number): number {
  return Math.min(maxMs, firstMs * 2 ** attempt);
}
