import { describe, expect, it } from 'vitest';
import { type TableCell } from '../statistics/index.js';
import { participationView } from './dashboard-participation.js';

const people = (participants: number, isPartial = false): TableCell => ({
  figures: { threads: 0, comments: 0, endorsements: 0, suggestions: 0, charsEdited: 0, participants },
  isPartial,
});
const counts = { invited: [8, 6, 1], joined: [7, 5, 0] };
const active = { rows: [people(6), people(0, true), people(0)], total: people(6, true) };

describe('participationView', () => {
  it('gives exact counts and totals without k', () => {
    const view = participationView(
      counts,
      { rows: [people(6), people(2), people(0)], total: people(8) },
      undefined,
    );
    expect(view.rows[0]).toEqual({ invited: 8, joined: 7, active: 6 });
    expect(view.total).toEqual({ invited: 15, joined: 12, active: 8 });
  });

  it('withholds head counts below k and totals only what is shown, so no subtraction finds them', () => {
    const view = participationView(counts, active, 5);
    expect(view.rows.map((row) => row.invited)).toEqual([8, 6, { atLeast: 0 }]);
    expect(view.total.invited).toEqual({ atLeast: 14 });
    // Zero stays shown; nothing else is below k.
    expect(view.rows.map((row) => row.joined)).toEqual([7, 5, 0]);
    expect(view.total.joined).toBe(12);
    // Active people are published as the day table publishes them.
    expect(view.rows.map((row) => row.active)).toEqual([6, { atLeast: 0 }, 0]);
    expect(view.total.active).toEqual({ atLeast: 6 });
  });
});
