import { describe, expect, it } from 'vitest';
import {
  groupLabel,
  isMoreOpenMode,
  labelScopes,
  maySeeNameOn,
  PARTICIPANT_LABEL,
  POOLED_GROUPS_LABEL,
  stricterMode,
  stricterScope,
} from './attribution.js';

describe('k-anonymous group labels', () => {
  it('names a group of at least k members and pools the smaller ones while the pool has k', () => {
    expect(labelScopes({ big: 5, one: 1, four: 4 }, 5)).toEqual({ big: 'group', one: 'pool', four: 'pool' });
  });

  it('shows the small groups as a participant when even their pool is below k', () => {
    expect(labelScopes({ big: 7, one: 1, three: 3 }, 5)).toEqual({
      big: 'group',
      one: 'participant',
      three: 'participant',
    });
    expect(labelScopes({ alone: 4 }, 5)).toEqual({ alone: 'participant' });
  });

  it('counts empty groups in no pool and follows k', () => {
    expect(labelScopes({ a: 2, b: 2, empty: 0 }, 4)).toEqual({ a: 'pool', b: 'pool', empty: 'pool' });
    expect(labelScopes({ a: 2, b: 2 }, 2)).toEqual({ a: 'group', b: 'group' });
  });

  it('words each scope, and keeps the less precise of two', () => {
    expect(groupLabel('group', 'Academia / research')).toBe('Academia / research');
    expect(groupLabel('pool', 'Academia / research')).toBe(POOLED_GROUPS_LABEL);
    expect(groupLabel('participant', 'Academia / research')).toBe(PARTICIPANT_LABEL);
    expect(stricterScope('group', 'pool')).toBe('pool');
    expect(stricterScope('participant', 'group')).toBe('participant');
    expect(stricterScope('group', 'group')).toBe('group');
  });
});

describe('attribution fixed when input is made', () => {
  it('orders modes from open to closed', () => {
    expect(isMoreOpenMode('chatham', 'named')).toBe(true);
    expect(isMoreOpenMode('anonymous', 'chatham')).toBe(true);
    expect(isMoreOpenMode('named', 'chatham')).toBe(false);
    expect(isMoreOpenMode('chatham', 'chatham')).toBe(false);
    expect(stricterMode('named', 'anonymous')).toBe('anonymous');
    expect(stricterMode('chatham', 'named')).toBe('chatham');
  });

  it('never reveals a name on input made under a more closed mode', () => {
    expect(maySeeNameOn('chatham', 'named', 'reviewer')).toBe(false);
    expect(maySeeNameOn('named', 'named', 'reviewer')).toBe(true);
    expect(maySeeNameOn('chatham', 'named', 'editor')).toBe(true);
    expect(maySeeNameOn('anonymous', 'named', 'admin')).toBe(false);
    expect(maySeeNameOn('named', 'anonymous', 'admin')).toBe(false);
  });
});
