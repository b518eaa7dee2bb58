import { describe, expect, it } from 'vitest';
import { readOnlyReason } from './paper-access';

describe('readOnlyReason', () => {
  it('lets reviewers edit an open consultation', () => {
    expect(readOnlyReason({ role: 'reviewer', phase: 'open' }, null)).toBeNull();
    expect(readOnlyReason({ role: 'reviewer', phase: 'open' }, true)).toBeNull();
  });

  it('keeps observers read-only by role, whatever the phase', () => {
    expect(readOnlyReason({ role: 'observer', phase: 'open' }, null)).toBe('role');
    expect(readOnlyReason({ role: 'observer', phase: 'draft' }, false)).toBe('role');
  });

  it('makes reviewers read-only once the round has closed', () => {
    expect(readOnlyReason({ role: 'reviewer', phase: 'closed' }, null)).toBe('phase');
    expect(readOnlyReason({ role: 'editor', phase: 'published' }, false)).toBe('phase');
  });

  it('follows the server when it withdraws write access the page did not know about', () => {
    expect(readOnlyReason({ role: 'reviewer', phase: 'open' }, false)).toBe('server');
  });

  it('follows the server when it grants write access the page did not know about', () => {
    expect(readOnlyReason({ role: 'reviewer', phase: 'closed' }, true)).toBeNull();
  });
});
