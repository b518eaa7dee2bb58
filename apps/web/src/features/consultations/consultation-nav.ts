import type { Action, ConsultationDetail } from '@cw/shared';
import { resultsScopeOf } from '../results/results-scope';

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
  /** And, where the matrix alone does not decide, when this says so. */
  when?: (consultation: NavConsultation) => boolean;
}

/** What of the consultation decides the pages shown. */
export type NavConsultation = Pick<ConsultationDetail, 'allowedActions' | 'role' | 'phase' | 'sessionNotes'>;

const ITEMS: readonly ConsultationNavItem[] = [
  { path: '', labelKey: 'nav.overview', anyOf: ['consultation.read'] },
  { path: 'paper', labelKey: 'nav.paper', anyOf: ['paper.read'] },
  { path: 'questions', labelKey: 'nav.questions', anyOf: ['threads.read'] },
  { path: 'triage', labelKey: 'nav.triage', anyOf: ['threads.resolve'] },
  { path: 'moderation', labelKey: 'nav.moderation', anyOf: ['comments.moderate'] },
  { path: 'dashboard', labelKey: 'nav.dashboard', anyOf: ['dashboard.read'] },
  {
    path: 'results',
    labelKey: 'nav.results',
    anyOf: ['results.read'],
    // Members see the results page once there is something published to read.
    when: (consultation) => resultsScopeOf(consultation) !== null,
  },
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

/** The pages a member may use, decided by the shared permission rules' answer, not by role names. */
export function visibleNavItems(consultation: NavConsultation): ConsultationNavItem[] {
  return ITEMS.filter(
    (item) =>
      item.anyOf.some((action) => consultation.allowedActions.includes(action)) &&
      (item.when?.(consultation) ?? true),
  );
}
