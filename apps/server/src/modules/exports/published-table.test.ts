import { describe, expect, it } from 'vitest';
import type { CountCell } from './exports.repository.js';
import { publishedTable } from './published-table.js';

const rows = [
  { key: 'q1', label: 'Question 1' },
  { key: 'q2', label: 'Question 2' },
];
const columns = [
  { key: 'civil', label: 'Civil society' },
  { key: 'company', label: 'Company' },
  { key: 'state', label: 'State' },
];

/** Cells as the repository returns them, with totals computed as sums (people add up too here). */
function counted(figures: Record<string, [count: number, people: number]>): CountCell[] {
  const cells: CountCell[] = [];
  const add = (rowKey: string | null, columnKey: string | null, count: number, people: number) => {
    const existing = cells.find((cell) => cell.rowKey === rowKey && cell.columnKey === columnKey);
    if (existing) {
      existing.count += count;
      existing.people += people;
    } else cells.push({ rowKey, columnKey, count, people });
  };
  for (const [key, [count, people]] of Object.entries(figures)) {
    const [rowKey, columnKey] = key.split('|') as [string, string];
    add(rowKey, columnKey, count, people);
    add(rowKey, null, count, people);
    add(null, columnKey, count, people);
    add(null, null, count, people);
  }
  return cells;
}

const build = (cells: CountCell[], k = 5) =>
  publishedTable({ heading: 'Input', caption: 'Comments', corner: 'Question', rows, columns, cells, k });

describe('publishedTable', () => {
  it('shows every figure, zeros included, when all come from at least k people', () => {
    const table = build(counted({ 'q1|civil': [12, 6], 'q2|company': [7, 5] }));
    expect(table.header).toEqual(['Question', 'Civil society', 'Company', 'State', 'Total']);
    expect(table.rows).toEqual([
      ['Question 1', '12', '0', '0', '12'],
      ['Question 2', '0', '7', '0', '7'],
      ['Total', '12', '7', '0', '19'],
    ]);
    expect(table.footnote).toBeNull();
  });

  it('shows a small cell as "fewer than k" and withholds a partner so it cannot be subtracted out', () => {
    const table = build(
      counted({ 'q1|civil': [12, 6], 'q1|company': [2, 1], 'q2|civil': [9, 7], 'q2|company': [8, 6] }),
    );
    const [q1, q2, total] = table.rows;
    expect(q1![2]).toBe('fewer than 5');
    expect(q1!.slice(1).some((cell) => cell === 'withheld')).toBe(true);
    // No line of the table, totals included, has exactly one figure hidden.
    const isHidden = (cell: string) => !/^\d+$/.test(cell);
    for (const line of [q1!, q2!, total!]) expect(line.slice(1).filter(isHidden).length).not.toBe(1);
    for (let column = 1; column < table.header.length; column += 1) {
      expect([q1!, q2!, total!].filter((line) => isHidden(line[column]!)).length).not.toBe(1);
    }
    expect(table.footnote).toContain('"fewer than 5": the figure comes from fewer than 5 people');
    expect(table.footnote).toContain('"withheld"');
  });

  it('explains only the kinds of hidden figure the table shows', () => {
    // One small cell in a line whose total is itself small: nothing needs withholding.
    const table = build(counted({ 'q1|company': [2, 1] }));
    expect(table.rows[0]).toEqual(['Question 1', '0', 'fewer than 5', '0', 'fewer than 5']);
    expect(table.footnote).toContain('fewer than 5');
    expect(table.footnote).not.toContain('withheld');
  });

  it('uses the consultation’s k', () => {
    const table = build(counted({ 'q1|civil': [3, 2], 'q2|civil': [4, 2] }), 2);
    expect(table.rows[0]).toEqual(['Question 1', '3', '0', '0', '3']);
  });
});
