export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * The `fraction` percentile (nearest rank) of `count` measurements of which only those at or
 * above `threshold` were reported (`reported`): below it the value is known only to be smaller,
 * and is given as "< threshold".
 */
export function percentileAbove(reported, count, fraction, threshold) {
  const rank = Math.max(1, Math.ceil(fraction * count));
  const unreported = count - reported.length;
  if (rank <= unreported) return `< ${threshold}`;
  return String([...reported].sort((a, b) => a - b)[rank - unreported - 1]);
}
