import { describe, expect, it } from 'vitest';
import { openingConsequences } from './opening-consequences';

const groups = [
  { id: 'state', name: 'State' },
  { id: 'civil', name: 'Civil society' },
  { id: 'academia', name: 'Academia' },
];
const counts = { state: 6, civil: 3, academia: 1 };

describe('openingConsequences', () => {
  it('names who starts seeing names when the mode opens', () => {
    const consequences = openingConsequences(
      { attributionMode: 'chatham', kThreshold: 5 },
      { attributionMode: 'named', kThreshold: 5 },
      groups,
      counts,
    );
    expect(consequences).toEqual({
      mode: { from: 'chatham', to: 'named', newlySeeing: ['observer', 'reviewer'] },
      k: null,
    });
  });

  it('names the groups a lower k starts naming, by the shared label rule', () => {
    const consequences = openingConsequences(
      { attributionMode: 'chatham', kThreshold: 5 },
      { attributionMode: 'chatham', kThreshold: 3 },
      groups,
      counts,
    );
    expect(consequences?.k).toEqual({ from: 5, to: 3, newlyNamed: ['Civil society'] });
  });

  it('asks nothing of a change that opens nothing', () => {
    const closing = openingConsequences(
      { attributionMode: 'named', kThreshold: 3 },
      { attributionMode: 'anonymous', kThreshold: 7 },
      groups,
      counts,
    );
    expect(closing).toBeNull();
  });
});
