import { describe, expect, it } from 'vitest';
import {
  type ExactFigures,
  type FigureRow,
  layOut,
  maskOf,
  publishedView,
  questionCharsFromSections,
  withCharsEdited,
} from './dashboard-tables.js';

const figures = (participants: number, charsEdited = 0): ExactFigures => ({
  threads: participants,
  comments: participants * 2,
  endorsements: 0,
  charsEdited,
  participants,
});

describe('layOut', () => {
  it('places cells and totals by group and column, zeros where nothing was given', () => {
    const rows: FigureRow[] = [
      { groupId: 'g1', columnKey: 'c2', figures: figures(3) },
      { groupId: 'g1', columnKey: null, figures: figures(3) },
      { groupId: null, columnKey: 'c2', figures: figures(3) },
      { groupId: null, columnKey: null, figures: figures(3) },
    ];
    const table = layOut(rows, ['g1', 'g2'], ['c1', 'c2']);
    expect(table.cells[0]).toEqual([figures(0), figures(3)]);
    expect(table.cells[1]).toEqual([figures(0), figures(0)]);
    expect(table.rowTotals).toEqual([figures(3), figures(0)]);
    expect(table.columnTotals).toEqual([figures(0), figures(3)]);
    expect(table.grandTotal).toEqual(figures(3));
  });
});

describe('publishedView', () => {
  it('hides every metric of a cell from fewer than k people, and its complement', () => {
    // Column c1: 6 and 1 people; the 1 is hidden, and 6 with it, or the total would tell.
    const table = layOut(
      [
        { groupId: 'g1', columnKey: 'c1', figures: figures(6) },
        { groupId: 'g2', columnKey: 'c1', figures: figures(1) },
        { groupId: 'g1', columnKey: null, figures: figures(6) },
        { groupId: 'g2', columnKey: null, figures: figures(1) },
        { groupId: null, columnKey: 'c1', figures: figures(7) },
        { groupId: null, columnKey: null, figures: figures(7) },
      ],
      ['g1', 'g2'],
      ['c1'],
    );
    const shown = publishedView(table, maskOf(table, 5), 5);
    const hidden = { fewerThan: 5 };
    expect(shown.cells[1]![0]).toEqual({
      threads: hidden,
      comments: hidden,
      endorsements: hidden,
      charsEdited: hidden,
      participants: hidden,
    });
    expect(shown.cells[0]![0]!.comments).toEqual(hidden);
    expect(shown.columnTotals[0]!.comments).toBe(14);
  });
});

describe('questionCharsFromSections', () => {
  // Two groups × three sections; question 0 covers sections 0 and 1, question 1 section 2.
  const sections = layOut(
    [
      { groupId: 'g1', columnKey: 's0', figures: figures(5, 10) },
      { groupId: 'g1', columnKey: 's1', figures: figures(5, 20) },
      { groupId: 'g1', columnKey: 's2', figures: figures(1, 40) },
      { groupId: 'g2', columnKey: 's0', figures: figures(5, 1) },
      { groupId: null, columnKey: 's0', figures: figures(10, 11) },
      { groupId: null, columnKey: 's1', figures: figures(5, 20) },
      { groupId: null, columnKey: 's2', figures: figures(1, 40) },
    ],
    ['g1', 'g2'],
    ['s0', 's1', 's2'],
  );
  const sectionsOf = [[0, 1], [2]];

  it('adds up the linked sections exactly when nothing is hidden', () => {
    const chars = questionCharsFromSections(sections, sectionsOf);
    expect(chars.cells).toEqual([
      [30, 40],
      [1, 0],
    ]);
    expect(chars.rowTotals).toEqual([70, 1]);
    expect(chars.columnTotals).toEqual([31, 40]);
    expect(chars.grandTotal).toBe(71);
  });

  it('hides a question figure that adds up a hidden section figure', () => {
    const mask = {
      cells: [
        [false, false, true],
        [false, false, false],
      ],
      rowTotals: [false, false],
      columnTotals: [false, false, true],
      grandTotal: false,
    };
    const chars = questionCharsFromSections(sections, sectionsOf, mask);
    expect(chars.cells).toEqual([
      [30, null],
      [1, 0],
    ]);
    expect(chars.rowTotals).toEqual([null, 1]);
    expect(chars.columnTotals).toEqual([31, null]);
    expect(chars.grandTotal).toBeNull();
  });

  it('keeps a figure hidden that the question table itself hides', () => {
    const hidden = { fewerThan: 5 };
    const table = {
      cells: [[{ ...figures(5), participants: hidden }]],
      rowTotals: [figures(5)],
      columnTotals: [figures(5)],
      grandTotal: figures(5),
    };
    const derived = { cells: [[12]], rowTotals: [null], columnTotals: [12], grandTotal: 12 };
    const result = withCharsEdited(table, derived, 5);
    expect(result.cells[0]![0]!.charsEdited).toEqual(hidden);
    expect(result.rowTotals[0]!.charsEdited).toEqual(hidden);
    expect(result.columnTotals[0]!.charsEdited).toBe(12);
  });
});
