import { describe, expect, it } from 'vitest';
import { type FigureRow, layOut, type TableCell } from '../statistics/index.js';
import { questionCharsFromSections, toInputTable, withCharsEdited } from './dashboard-tables.js';

const figures = (participants: number, charsEdited = 0) => ({
  threads: participants,
  comments: participants * 2,
  endorsements: 0,
  suggestions: 0,
  charsEdited,
  participants,
});
const row = (
  rowKey: string | null,
  columnKey: string | null,
  participants: number,
  charsEdited = 0,
  isPartial = false,
): FigureRow => ({ table: 't', rowKey, columnKey, figures: figures(participants, charsEdited), isPartial });

describe('toInputTable', () => {
  it('shows exact figures as numbers and every metric of a cell with input left out as at least', () => {
    const table = layOut(
      [row('g1', 'c1', 6), row('g1', null, 6, 0, true), row(null, null, 6, 0, true)],
      ['g1'],
      ['c1'],
    );
    const shown = toInputTable(table);
    expect(shown.cells[0]![0]).toEqual(figures(6));
    expect(shown.rowTotals[0]).toEqual({
      threads: { atLeast: 6 },
      comments: { atLeast: 12 },
      endorsements: { atLeast: 0 },
      suggestions: { atLeast: 0 },
      charsEdited: { atLeast: 0 },
      participants: { atLeast: 6 },
    });
    expect(shown.columnTotals[0]).toEqual(figures(0));
  });
});

describe('questionCharsFromSections', () => {
  // Two rows × three sections; question 0 covers sections 0 and 1, question 1 section 2.
  const sections = layOut(
    [
      row('g1', 's0', 5, 10),
      row('g1', 's1', 5, 20),
      row('g1', 's2', 0, 40, true),
      row('g2', 's0', 5, 1),
      row(null, 's0', 10, 11),
      row(null, 's1', 5, 20),
      row(null, 's2', 0, 40, true),
    ],
    ['g1', 'g2'],
    ['s0', 's1', 's2'],
  );
  const value = ({ value, isPartial }: { value: number; isPartial: boolean }) =>
    isPartial ? `≥${value}` : value;

  it('adds up the linked sections as published, partial where one of them is', () => {
    const chars = questionCharsFromSections(sections, [[0, 1], [2]]);
    expect(chars.cells.map((cells) => cells.map(value))).toEqual([
      [30, '≥40'],
      [1, 0],
    ]);
    expect(chars.rowTotals.map(value)).toEqual(['≥70', 1]);
    expect(chars.columnTotals.map(value)).toEqual([31, '≥40']);
    expect(value(chars.grandTotal)).toBe('≥71');
  });

  it('puts derived figures into a table', () => {
    const cell: TableCell = { figures: figures(5), isPartial: false };
    const table = toInputTable({
      cells: [[cell]],
      rowTotals: [cell],
      columnTotals: [cell],
      grandTotal: cell,
    });
    const derived = {
      cells: [[{ value: 12, isPartial: true }]],
      rowTotals: [{ value: 12, isPartial: false }],
      columnTotals: [{ value: 12, isPartial: false }],
      grandTotal: { value: 12, isPartial: false },
    };
    const result = withCharsEdited(table, derived);
    expect(result.cells[0]![0]!.charsEdited).toEqual({ atLeast: 12 });
    expect(result.cells[0]![0]!.comments).toBe(10);
    expect(result.rowTotals[0]!.charsEdited).toBe(12);
  });
});
