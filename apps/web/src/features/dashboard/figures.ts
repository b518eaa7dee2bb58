import type { DashboardData, Figure, InputMetric, InputTable } from '@cw/shared';

/** An exact figure, or null where published figures left some of its input out. */
export const shownValue = (figure: Figure): number | null => (typeof figure === 'number' ? figure : null);

/**
 * What the k threshold kept out of a chart's figures: nothing; some (the chart shows the rest);
 * or everything there was to draw — no figure is both exact and above zero.
 */
export type Withholding = 'none' | 'some' | 'all';

export function withholdingOf(figures: readonly Figure[]): Withholding {
  if (figures.every((figure) => typeof figure === 'number')) return 'none';
  return figures.some((figure) => typeof figure === 'number' && figure > 0) ? 'some' : 'all';
}

/** How a figure with input left out reads: "at least 5", or "withheld" when none is left. */
export interface PartialWords {
  atLeast: (value: string) => string;
  withheld: string;
}

/** A figure as text: the number, or what is known of it in words. */
export function figureText(figure: Figure, words: PartialWords, locale?: string): string {
  if (typeof figure === 'number') return figure.toLocaleString(locale);
  return figure.atLeast === 0 ? words.withheld : words.atLeast(figure.atLeast.toLocaleString(locale));
}

/** One chart point per column with each row's value under its key; inexact figures are left out. */
export function chartRows(
  table: InputTable,
  columnLabels: readonly string[],
  rows: DashboardData['rows'],
  metric: InputMetric,
): Record<string, string | number | null>[] {
  return columnLabels.map((label, column) => ({
    label,
    ...Object.fromEntries(
      rows.map((row, index) => [row.key, shownValue(table.cells[index]![column]![metric])]),
    ),
  }));
}
