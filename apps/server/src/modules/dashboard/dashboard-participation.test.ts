import { describe, expect, it } from 'vitest';
import { participationView } from './dashboard-participation.js';

const counts = { invited: [8, 6, 1], joined: [7, 5, 0], active: [6, 2, 0], activeTotal: 8 };

describe('participationView', () => {
  it('gives exact counts and totals without k', () => {
    const view = participationView(counts, undefined, undefined);
    expect(view.groups[0]).toEqual({ invited: 8, joined: 7, active: 6 });
    expect(view.total).toEqual({ invited: 15, joined: 12, active: 8 });
  });

  it('hides counts below k and one more, so the total does not give the small one away', () => {
    const activeMask = { cells: [true, true, false], total: false };
    const view = participationView(counts, activeMask, 5);
    // One invitation is too few; showing 8 and 6 with the total 15 would give it away.
    expect(view.groups.map((group) => group.invited)).toEqual([8, { fewerThan: 5 }, { fewerThan: 5 }]);
    expect(view.total.invited).toBe(15);
    // Zero stays shown; nothing else is below k.
    expect(view.groups.map((group) => group.joined)).toEqual([7, 5, 0]);
    // Active counts follow the mask they carry elsewhere.
    expect(view.groups.map((group) => group.active)).toEqual([{ fewerThan: 5 }, { fewerThan: 5 }, 0]);
  });
});
