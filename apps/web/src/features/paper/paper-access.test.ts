import { describe, expect, it } from 'vitest';
import { readOnlyReason } from './paper-access';

describe('readOnlyReason', () => {
  it('lets reviewers edit an open consultation', () => {
    expect(readOnlyReason({ role: 'reviewer', phase: 'open', textChanges: 'edit' }, null)).toBeNull();
    expect(readOnlyReason({ role: 'reviewer', phase: 'open', textChanges: 'edit' }, 'edit')).toBeNull();
  });

  it('keeps observers read-only by role, whatever the phase', () => {
    expect(readOnlyReason({ role: 'observer', phase: 'open', textChanges: 'edit' }, null)).toBe('role');
    expect(readOnlyReason({ role: 'observer', phase: 'draft', textChanges: 'edit' }, 'read')).toBe('role');
  });

  it('makes reviewers read-only once the round has closed', () => {
    expect(readOnlyReason({ role: 'reviewer', phase: 'closed', textChanges: 'edit' }, null)).toBe('phase');
    expect(readOnlyReason({ role: 'editor', phase: 'published', textChanges: 'edit' }, 'read')).toBe('phase');
  });

  it('follows the server when it withdraws write access the page did not know about', () => {
    expect(readOnlyReason({ role: 'reviewer', phase: 'open', textChanges: 'edit' }, 'read')).toBe('server');
  });

  it('follows the server when it grants write access the page did not know about', () => {
    expect(readOnlyReason({ role: 'reviewer', phase: 'closed', textChanges: 'edit' }, 'edit')).toBeNull();
  });

  it('keeps reviewers to comments where the consultation says so, and lets its editors edit', () => {
    expect(readOnlyReason({ role: 'reviewer', phase: 'open', textChanges: 'comment' }, null)).toBe('comment');
    expect(readOnlyReason({ role: 'reviewer', phase: 'open', textChanges: 'comment' }, 'read')).toBe(
      'comment',
    );
    expect(readOnlyReason({ role: 'editor', phase: 'open', textChanges: 'comment' }, null)).toBeNull();
  });
});
