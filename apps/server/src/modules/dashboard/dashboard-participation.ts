import type { DashboardData, Figure } from '@cw/shared';
import { figureOf, type TableCell } from '../statistics/index.js';

/** Head counts per row, in the rows' order. */
export interface ParticipationCounts {
  invited: readonly number[];
  joined: readonly number[];
}

/**
 * Participation per row. Active people are the day table's row totals, published as there. With
 * `k` (published figures) an invited or joined count from fewer than k people is withheld and the
 * total counts only the rows shown — a sum of publishable counts, so subtracting the shown rows
 * from it gives nothing away.
 */
export function participationView(
  counts: ParticipationCounts,
  active: { rows: readonly TableCell[]; total: TableCell },
  k: number | undefined,
): DashboardData['participation'] {
  const invited = column(counts.invited, k);
  const joined = column(counts.joined, k);
  return {
    rows: counts.invited.map((_, row) => ({
      invited: invited.rows[row]!,
      joined: joined.rows[row]!,
      active: figureOf(active.rows[row]!.figures.participants, active.rows[row]!.isPartial),
    })),
    total: {
      invited: invited.total,
      joined: joined.total,
      active: figureOf(active.total.figures.participants, active.total.isPartial),
    },
  };
}

function column(values: readonly number[], k: number | undefined): { rows: Figure[]; total: Figure } {
  const isShown = (value: number) => k === undefined || value === 0 || value >= k;
  const shown = values.filter(isShown).reduce((sum, value) => sum + value, 0);
  return {
    rows: values.map((value) => (isShown(value) ? value : { atLeast: 0 })),
    total: figureOf(shown, !values.every(isShown)),
  };
}
