import type { DashboardData, Figure, InputMetric, InputTable } from '@cw/shared';

/** A shown figure, or null where the published view hides it. */
export const shownValue = (figure: Figure): number | null => (typeof figure === 'number' ? figure : null);

/** A figure as text: the number, or the hidden marker in words ("fewer than 5"). */
export function figureText(figure: Figure, fewerThan: (k: number) => string, locale?: string): string {
  return typeof figure === 'number' ? figure.toLocaleString(locale) : fewerThan(figure.fewerThan);
}

/** One chart point per column with each group's value under its id; hidden figures are left out. */
export function chartRows(
  table: InputTable,
  columnLabels: readonly string[],
  groups: DashboardData['groups'],
  metric: InputMetric,
): Record<string, string | number | null>[] {
  return columnLabels.map((label, column) => ({
    label,
    ...Object.fromEntries(
      groups.map((group, row) => [group.id, shownValue(table.cells[row]![column]![metric])]),
    ),
  }));
}
