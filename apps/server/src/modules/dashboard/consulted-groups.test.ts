import { describe, expect, it } from 'vitest';
import { consultedGroups } from './consulted-groups.js';

describe('consultedGroups', () => {
  it('keeps groups with a reviewer, whatever else sits in them', () => {
    const groups = consultedGroups([
      { groupId: 'organisers', role: 'admin' },
      { groupId: 'organisers', role: 'editor' },
      { groupId: 'observers', role: 'observer' },
      { groupId: 'mixed', role: 'editor' },
      { groupId: 'mixed', role: 'reviewer' },
      { groupId: 'civil', role: 'reviewer' },
    ]);
    expect([...groups].sort()).toEqual(['civil', 'mixed']);
  });

  it('keeps none when nobody can be consulted', () => {
    expect(consultedGroups([{ groupId: 'organisers', role: 'admin' }]).size).toBe(0);
  });
});
