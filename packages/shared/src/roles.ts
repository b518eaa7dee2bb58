/** A member's role in one consultation (SPEC §1). Ordered from least to most capable. */
export const ROLES = ['observer', 'reviewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Life cycle of a consultation (SPEC §2). */
export const PHASES = ['draft', 'open', 'closed', 'published'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Allowed phase moves. Forward one step, or back one step while nothing is published
 * (an admin who opened too early can return to draft; a closed round can be reopened).
 * A published consultation is final.
 */
export const PHASE_TRANSITIONS: Readonly<Record<Phase, readonly Phase[]>> = {
  draft: ['open'],
  open: ['closed', 'draft'],
  closed: ['published', 'open'],
  published: [],
};

export function canTransition(from: Phase, to: Phase): boolean {
  return PHASE_TRANSITIONS[from].includes(to);
}

/** Who sees whose name (SPEC §3). */
export const ATTRIBUTION_MODES = ['named', 'chatham', 'anonymous'] as const;
export type AttributionMode = (typeof ATTRIBUTION_MODES)[number];
export const DEFAULT_ATTRIBUTION_MODE: AttributionMode = 'chatham';

/**
 * Whether a viewer with `role` may see other participants' names under `mode` (SPEC §3):
 * named — everyone; Chatham House — editors and admins; anonymous — nobody. Everyone always
 * sees their own authorship; that is decided where the data is shaped.
 */
export function maySeeNames(mode: AttributionMode, role: Role): boolean {
  switch (mode) {
    case 'named':
      return true;
    case 'chatham':
      return role === 'editor' || role === 'admin';
    case 'anonymous':
      return false;
  }
}

/**
 * Whether an export may carry participants' names (SPEC §3): only in `named` mode, and only for
 * an admin who explicitly asks; every other export shows stakeholder groups only.
 */
export function mayExportNames(mode: AttributionMode, role: Role): boolean {
  return mode === 'named' && role === 'admin';
}

/**
 * How reviewers may change the paper's text (SPEC §2): propose changes the editors accept or
 * reject, edit it directly, or only comment on it while the editors change it. Editors and
 * admins always edit directly (and may choose to suggest).
 */
export const TEXT_CHANGE_MODES = ['suggest', 'edit', 'comment'] as const;
export type TextChangeMode = (typeof TEXT_CHANGE_MODES)[number];
export const DEFAULT_TEXT_CHANGE_MODE: TextChangeMode = 'suggest';

/**
 * The language the consultation's input is mostly written in (the six UN languages); search
 * stems words by its rules where the database has them.
 */
export const CONSULTATION_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type ConsultationLanguage = (typeof CONSULTATION_LANGUAGES)[number];
export const DEFAULT_CONSULTATION_LANGUAGE: ConsultationLanguage = 'en';
