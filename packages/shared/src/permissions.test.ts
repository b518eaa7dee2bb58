import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  allowedActions,
  can,
  checkPermission,
  isConsultedRole,
  mayBeRapporteur,
  notesAccess,
  PERMISSIONS,
  resultsScope,
} from './permissions.js';
import { ATTRIBUTION_MODES, canTransition, mayExportNames, maySeeNames, PHASES, ROLES } from './roles.js';

describe('permission matrix', () => {
  it('gives every action an entry for at least one role', () => {
    for (const action of ACTIONS) expect(Object.keys(PERMISSIONS[action]).length).toBeGreaterThan(0);
  });

  it('lets observers read but never write', () => {
    for (const phase of PHASES) {
      expect(can('observer', 'paper.read', phase)).toBe(true);
      expect(can('observer', 'paper.edit', phase)).toBe(false);
      expect(can('observer', 'threads.create', phase)).toBe(false);
    }
  });

  it('lets reviewers edit and comment only while the consultation is open', () => {
    expect(can('reviewer', 'paper.edit', 'open')).toBe(true);
    expect(checkPermission('reviewer', 'paper.edit', 'closed')).toBe('forbiddenPhase');
    expect(checkPermission('reviewer', 'paper.edit', 'draft')).toBe('forbiddenPhase');
    expect(can('reviewer', 'threads.create', 'open')).toBe(true);
    expect(checkPermission('reviewer', 'threads.resolve', 'open')).toBe('forbiddenRole');
  });

  it('lets only editors and admins decide on suggested changes, when they may edit', () => {
    for (const role of ['editor', 'admin'] as const) {
      expect(can(role, 'suggestions.decide', 'open')).toBe(true);
      expect(checkPermission(role, 'suggestions.decide', 'published')).toBe('forbiddenPhase');
    }
    for (const role of ['observer', 'reviewer'] as const)
      expect(checkPermission(role, 'suggestions.decide', 'open')).toBe('forbiddenRole');
  });

  it('lets reviewers, editors and admins endorse only while the consultation is open', () => {
    for (const role of ['reviewer', 'editor', 'admin'] as const) {
      expect(can(role, 'comments.endorse', 'open')).toBe(true);
      expect(checkPermission(role, 'comments.endorse', 'closed')).toBe('forbiddenPhase');
    }
    expect(checkPermission('observer', 'comments.endorse', 'open')).toBe('forbiddenRole');
  });

  it('lets editors prepare and consolidate the paper but not publish-time edit', () => {
    expect(can('editor', 'paper.edit', 'draft')).toBe(true);
    expect(can('editor', 'paper.edit', 'closed')).toBe(true);
    expect(can('editor', 'paper.edit', 'published')).toBe(false);
    expect(checkPermission('editor', 'members.manage', 'open')).toBe('forbiddenRole');
  });

  it('keeps members, invitations and phases to admins', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      for (const action of ['members.manage', 'invitations.manage', 'consultation.changePhase'] as const) {
        expect(checkPermission(role, action, 'open')).toBe('forbiddenRole');
      }
    }
    expect(allowedActions('admin', 'open')).toContain('members.manage');
  });

  it('shows the dashboard to editors and admins in every phase, never to reviewers or observers', () => {
    for (const phase of PHASES) {
      expect(can('admin', 'dashboard.read', phase)).toBe(true);
      expect(can('editor', 'dashboard.read', phase)).toBe(true);
      expect(checkPermission('reviewer', 'dashboard.read', phase)).toBe('forbiddenRole');
      expect(checkPermission('observer', 'dashboard.read', phase)).toBe('forbiddenRole');
    }
  });

  it('lets editors and admins facilitate live sessions in any phase, and those who may post raise hands', () => {
    for (const phase of PHASES) {
      expect(can('editor', 'live.run', phase)).toBe(true);
      expect(can('admin', 'live.run', phase)).toBe(true);
      expect(checkPermission('reviewer', 'live.run', phase)).toBe('forbiddenRole');
      expect(checkPermission('observer', 'live.run', phase)).toBe('forbiddenRole');
      expect(checkPermission('observer', 'live.raiseHand', phase)).toBe('forbiddenRole');
    }
    expect(can('reviewer', 'live.raiseHand', 'open')).toBe(true);
    expect(checkPermission('reviewer', 'live.raiseHand', 'closed')).toBe('forbiddenPhase');
  });

  it('shows the results to every member once published, and to the organisers before, as a preview', () => {
    for (const phase of PHASES) {
      expect(resultsScope('admin', phase, false)).toBe('all');
      expect(resultsScope('editor', phase, false)).toBe('all');
      for (const role of ['reviewer', 'observer'] as const) {
        expect(resultsScope(role, phase, false)).toBe(phase === 'published' ? 'all' : null);
        // Published session notes are for every member at once; the rest waits for publication.
        expect(resultsScope(role, phase, true)).toBe(phase === 'published' ? 'all' : 'sessionNotes');
      }
    }
  });

  it('lets the organisers and named rapporteurs write session notes until publication, nobody else', () => {
    for (const phase of PHASES) {
      const writes = phase === 'published' ? 'read' : 'edit';
      for (const role of ['editor', 'admin'] as const) {
        expect(notesAccess(role, phase, false)).toBe(writes);
        expect(notesAccess(role, phase, true)).toBe(writes);
      }
      expect(notesAccess('reviewer', phase, true)).toBe(writes);
      expect(notesAccess('reviewer', phase, false)).toBeNull();
      expect(notesAccess('observer', phase, true)).toBeNull();
      expect(checkPermission('reviewer', 'notes.publish', phase)).toBe('forbiddenRole');
      expect(checkPermission('editor', 'rapporteurs.manage', phase)).toBe('forbiddenRole');
    }
    expect(ROLES.filter(mayBeRapporteur)).toEqual(['reviewer', 'editor', 'admin']);
  });

  it('makes a published consultation read-only for content', () => {
    for (const role of ROLES) {
      expect(can(role, 'paper.edit', 'published')).toBe(false);
      expect(can(role, 'threads.create', 'published')).toBe(false);
      expect(can(role, 'structure.manage', 'published')).toBe(false);
    }
  });
});

describe('consulted roles', () => {
  it('are the reviewers: organisers post as the ones who resolve, observers never post', () => {
    expect(ROLES.filter(isConsultedRole)).toEqual(['reviewer']);
  });
});

describe('phase transitions', () => {
  it('allows only the documented moves', () => {
    expect(canTransition('draft', 'open')).toBe(true);
    expect(canTransition('open', 'closed')).toBe(true);
    expect(canTransition('closed', 'published')).toBe(true);
    expect(canTransition('draft', 'published')).toBe(false);
    expect(canTransition('published', 'open')).toBe(false);
    expect(canTransition('open', 'open')).toBe(false);
  });
});

describe('who may see names (SPEC §3)', () => {
  it('follows the attribution mode and the viewer role', () => {
    for (const role of ROLES) expect(maySeeNames('named', role)).toBe(true);
    for (const role of ROLES) expect(maySeeNames('anonymous', role)).toBe(false);
    expect(ROLES.filter((role) => maySeeNames('chatham', role))).toEqual(['editor', 'admin']);
  });

  it('lets names into exports only for an admin of a named consultation', () => {
    const allowed = ATTRIBUTION_MODES.flatMap((mode) =>
      ROLES.filter((role) => mayExportNames(mode, role)).map((role) => `${mode}/${role}`),
    );
    expect(allowed).toEqual(['named/admin']);
  });
});
