import type { DashboardData, Figure } from '@cw/shared';
import { suppressSmallCells } from '../../common/statistics/suppression.js';

/** Head counts per group, in the groups' order. */
export interface ParticipationCounts {
  invited: readonly number[];
  joined: readonly number[];
  active: readonly number[];
  /** Distinct active people in all (a person counts once even if they changed group). */
  activeTotal: number;
}

interface ColumnMask {
  cells: readonly boolean[];
  total: boolean;
}

/**
 * Participation per group. With `k` (the published view) every count from fewer than k people
 * is hidden, with complementary suppression down each column; `activeMask` is the mask the
 * active counts already carry where they are published elsewhere.
 */
export function participationView(
  counts: ParticipationCounts,
  activeMask: ColumnMask | undefined,
  k: number | undefined,
): DashboardData['participation'] {
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const maskOf = (values: readonly number[]) => (k === undefined ? undefined : columnMask(values, k));
  const invited = column(counts.invited, sum(counts.invited), maskOf(counts.invited), k);
  const joined = column(counts.joined, sum(counts.joined), maskOf(counts.joined), k);
  const active = column(counts.active, counts.activeTotal, k === undefined ? undefined : activeMask, k);
  return {
    groups: counts.invited.map((_, row) => ({
      invited: invited.groups[row]!,
      joined: joined.groups[row]!,
      active: active.groups[row]!,
    })),
    total: { invited: invited.total, joined: joined.total, active: active.total },
  };
}

function column(
  values: readonly number[],
  total: number,
  mask: ColumnMask | undefined,
  k: number | undefined,
): { groups: Figure[]; total: Figure } {
  const figure = (value: number, isHidden = false): Figure =>
    isHidden && k !== undefined ? { fewerThan: k } : value;
  return {
    groups: values.map((value, row) => figure(value, mask?.cells[row])),
    total: figure(total, mask?.total),
  };
}

/** A one-column table of head counts: each count is its own number of people. */
function columnMask(values: readonly number[], k: number): ColumnMask {
  const total = values.reduce((sum, value) => sum + value, 0);
  const mask = suppressSmallCells(
    { cells: values.map((value) => [value]), rowTotals: values, columnTotals: [total], grandTotal: total },
    k,
  );
  return { cells: mask.cells.map(([isHidden]) => isHidden!), total: mask.grandTotal };
}
