import type { Action } from '@cw/shared';

export interface ConsultationNavItem {
  /** Path below `/consultations/:id`; empty for the consultation home. */
  path: string;
  labelKey:
    | 'nav.overview'
    | 'nav.paper'
    | 'nav.questions'
    | 'nav.triage'
    | 'nav.moderation'
    | 'nav.dashboard'
    | 'nav.results'
    | 'nav.versions'
    | 'nav.structure'
    | 'nav.exports'
    | 'nav.members'
    | 'nav.audit'
    | 'nav.settings';
  /** Shown when the member may do any of these now. */
  anyOf: readonly Action[];
}

const ITEMS: readonly ConsultationNavItem[] = [
  { path: '', labelKey: 'nav.overview', anyOf: ['consultation.read'] },
  { path: 'paper', labelKey: 'nav.paper', anyOf: ['paper.read'] },
  { path: 'questions', labelKey: 'nav.questions', anyOf: ['threads.read'] },
  { path: 'triage', labelKey: 'nav.triage', anyOf: ['threads.resolve'] },
  { path: 'moderation', labelKey: 'nav.moderation', anyOf: ['comments.moderate'] },
  { path: 'dashboard', labelKey: 'nav.dashboard', anyOf: ['dashboard.read'] },
  { path: 'results', labelKey: 'nav.results', anyOf: ['results.read'] },
  { path: 'versions', labelKey: 'nav.versions', anyOf: ['paper.read'] },
  { path: 'structure', labelKey: 'nav.structure', anyOf: ['structure.manage'] },
  { path: 'exports', labelKey: 'nav.exports', anyOf: ['exports.create'] },
  { path: 'members', labelKey: 'nav.members', anyOf: ['members.read'] },
  { path: 'audit', labelKey: 'nav.audit', anyOf: ['audit.read'] },
  {
    path: 'settings',
    labelKey: 'nav.settings',
    anyOf: ['consultation.update', 'consultation.changePhase', 'groups.manage'],
  },
];

/** The pages a member may use, decided by the shared permission matrix's answer, not by role names. */
export function visibleNavItems(allowedActions: readonly Action[]): ConsultationNavItem[] {
  return ITEMS.filter((item) => item.anyOf.some((action) => allowedActions.includes(action)));
}
