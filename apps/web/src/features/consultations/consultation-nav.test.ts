import { allowedActions, type Phase, type Role } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { visibleNavItems } from './consultation-nav';

const SESSION = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

const navFor = (role: Role, phase: Phase, publishedAt: string | null = null) =>
  visibleNavItems({
    allowedActions: allowedActions(role, phase),
    role,
    phase,
    sessionNotes: [{ sessionId: SESSION, rapporteurs: [], publishedAt }],
  }).map((item) => item.labelKey);

describe('visibleNavItems', () => {
  it('gives admins every page while the consultation is open', () => {
    expect(navFor('admin', 'open')).toEqual([
      'nav.overview',
      'nav.paper',
      'nav.questions',
      'nav.triage',
      'nav.moderation',
      'nav.dashboard',
      'nav.results',
      'nav.versions',
      'nav.structure',
      'nav.exports',
      'nav.members',
      'nav.audit',
      'nav.settings',
    ]);
  });

  it('gives editors triage, moderation, structure, exports and the member list but not settings', () => {
    expect(navFor('editor', 'open')).toEqual([
      'nav.overview',
      'nav.paper',
      'nav.questions',
      'nav.triage',
      'nav.moderation',
      'nav.dashboard',
      'nav.results',
      'nav.versions',
      'nav.structure',
      'nav.exports',
      'nav.members',
    ]);
  });

  it('gives reviewers and observers the overview, the paper, the questions and the versions', () => {
    const readerPages = ['nav.overview', 'nav.paper', 'nav.questions', 'nav.versions'];
    expect(navFor('reviewer', 'open')).toEqual(readerPages);
    expect(navFor('observer', 'draft')).toEqual(readerPages);
  });

  it('hides structure once the consultation is published, as the matrix forbids changing it', () => {
    expect(navFor('editor', 'published')).toEqual([
      'nav.overview',
      'nav.paper',
      'nav.questions',
      'nav.moderation',
      'nav.dashboard',
      'nav.results',
      'nav.versions',
      'nav.exports',
      'nav.members',
    ]);
    expect(navFor('admin', 'published')).toContain('nav.settings');
  });

  it('gives reviewers and observers the results once the consultation is published', () => {
    expect(navFor('reviewer', 'published')).toContain('nav.results');
    expect(navFor('observer', 'published')).toContain('nav.results');
    expect(navFor('reviewer', 'closed')).not.toContain('nav.results');
  });

  it('gives every member the results as soon as a session’s notes are published', () => {
    expect(navFor('reviewer', 'open', '2026-05-04T16:00:00.000Z')).toContain('nav.results');
    expect(navFor('observer', 'closed', '2026-05-04T16:00:00.000Z')).toContain('nav.results');
  });

  it('shows nothing for an empty permission list', () => {
    expect(visibleNavItems({ allowedActions: [], role: 'admin', phase: 'open', sessionNotes: [] })).toEqual(
      [],
    );
  });
});
