import { describe, expect, it } from 'vitest';
import { type FigureRow } from '../statistics/index.js';
import { exportText } from './export-text.js';
import { publishedTable } from './published-table.js';

const rows = [
  { key: 'q1', label: 'Question 1' },
  { key: 'q2', label: 'Question 2' },
];
const columns = [
  { key: 'civil', label: 'Civil society' },
  { key: 'pool', label: 'Other stakeholders' },
];

/** Figure rows as the statistics module publishes them: comments, partial where input was left out. */
function published(figures: Record<string, [comments: number, isPartial?: boolean]>): FigureRow[] {
  return Object.entries(figures).map(([key, [comments, isPartial = false]]) => {
    const [rowKey, columnKey] = key.split('|').map((part) => (part === '*' ? null : part)) as [
      string | null,
      string | null,
    ];
    return {
      table: 'byLabel',
      rowKey,
      columnKey,
      figures: { threads: 0, comments, endorsements: 0, suggestions: 0, charsEdited: 0, participants: 0 },
      isPartial,
    };
  });
}

const build = (cells: FigureRow[], k = 5) =>
  publishedTable(
    {
      heading: 'Input',
      caption: 'Comments',
      corner: 'Question',
      rows,
      columns,
      cells,
      k,
      metric: 'comments',
    },
    exportText('en'),
  );

describe('publishedTable', () => {
  it('shows every figure, zeros included, when none had input left out', () => {
    const table = build(
      published({
        'q1|civil': [12],
        'q2|pool': [7],
        'q1|*': [12],
        'q2|*': [7],
        '*|civil': [12],
        '*|pool': [7],
        '*|*': [19],
      }),
    );
    expect(table.header).toEqual(['Question', 'Civil society', 'Other stakeholders', 'Total']);
    expect(table.rows).toEqual([
      ['Question 1', '12', '0', '12'],
      ['Question 2', '0', '7', '7'],
      ['Total', '12', '7', '19'],
    ]);
    expect(table.footnote).toBeNull();
  });

  it('reads "at least n" where input was left out, "withheld" where all of it was, and says why', () => {
    const table = build(
      published({
        'q1|civil': [12],
        'q1|pool': [0, true],
        'q1|*': [12, true],
        '*|civil': [12],
        '*|pool': [0, true],
        '*|*': [12, true],
      }),
      4,
    );
    expect(table.rows[0]).toEqual(['Question 1', '12', 'withheld', 'at least 12']);
    expect(table.rows[2]).toEqual(['Total', '12', 'withheld', 'at least 12']);
    expect(table.footnote).toContain('“at least n” and “withheld”: input from a cell of fewer than 4 people');
  });
});
