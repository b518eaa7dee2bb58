import { describe, expect, it } from 'vitest';
import { invitationForm, invitationValues, OPEN_GROUP } from './invitation-form';

const groupId = '00000000-0000-4000-8000-000000000030';
const defaults = invitationValues({
  groups: [{ id: groupId, name: 'State', position: 0, description: '', labelScope: 'group' }],
});

describe('invitationForm', () => {
  it('invites a reviewer of the first group for a week, with no email when none is given', () => {
    expect(invitationForm.parse({ ...defaults, email: '  ' })).toEqual({
      role: 'reviewer',
      groupId,
      expiresInDays: 7,
      label: '',
    });
  });

  it('sends the email trimmed and the lifetime as a number', () => {
    const values = { ...defaults, email: ' ada@example.org ', expiresInDays: '30', label: 'Ada' };
    expect(invitationForm.parse(values)).toMatchObject({
      email: 'ada@example.org',
      expiresInDays: 30,
      label: 'Ada',
    });
  });

  it('refuses what the server refuses, each on its own field', () => {
    const result = invitationForm.safeParse({ ...defaults, email: 'not an email', expiresInDays: '31' });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'email',
      'expiresInDays',
    ]);
    expect(invitationForm.safeParse({ ...defaults, groupId: '' }).error?.issues[0]?.path).toEqual([
      'groupId',
    ]);
  });

  it('leaves the group open for the invitee to pick', () => {
    expect(invitationForm.parse({ ...defaults, groupId: OPEN_GROUP })).toMatchObject({ groupId: null });
  });
});
