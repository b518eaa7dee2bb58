import type { Phase, Role, TextChangeMode } from './roles.js';

/**
 * Every action a member can take in a consultation. The server guard checks these on every
 * consultation route and the web app uses the same table to decide which controls to show.
 * Actions on one thread or comment also depend on it: see `input-rules.ts`.
 */
export const ACTIONS = [
  'consultation.read',
  'consultation.update',
  'consultation.changePhase',
  'members.read',
  'members.manage',
  'invitations.manage',
  'groups.manage',
  'structure.manage',
  'checklist.update',
  'paper.read',
  'paper.edit',
  'suggestions.decide',
  'threads.read',
  'threads.create',
  'threads.reply',
  'threads.resolve',
  'threads.reopen',
  'comments.edit',
  'comments.delete',
  'comments.endorse',
  'comments.flag',
  'comments.moderate',
  'versions.create',
  'versions.restore',
  'exports.create',
  'rapporteurs.manage',
  'notes.draft',
  'notes.publish',
  'dashboard.read',
  'results.read',
  'audit.read',
  'live.run',
  'live.raiseHand',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Phases in which a role may perform an action; `any` means the phase does not matter. */
export type PhaseRule = readonly Phase[] | 'any';

const PREPARING: readonly Phase[] = ['draft', 'open', 'closed'];
const EVERYONE = ['observer', 'reviewer', 'editor', 'admin'] as const;

function rule(roles: readonly Role[], phases: PhaseRule): Partial<Record<Role, PhaseRule>> {
  return Object.fromEntries(roles.map((role) => [role, phases]));
}

/** Writing input: reviewers while the round is open; editors and admins from the draft on. */
const POSTING = { reviewer: ['open'], ...rule(['editor', 'admin'], ['draft', 'open']) } as const;
const RESOLVING = rule(['editor', 'admin'], ['open', 'closed']);

/**
 * The permission matrix (SPEC §1): for each action, the roles allowed and, per role, the phases
 * in which it is allowed. A role absent from an action's entry may never perform it.
 */
export const PERMISSIONS: Readonly<Record<Action, Partial<Record<Role, PhaseRule>>>> = {
  'consultation.read': rule(EVERYONE, 'any'),
  'consultation.update': rule(['admin'], PREPARING),
  'consultation.changePhase': rule(['admin'], 'any'),
  'members.read': rule(['editor', 'admin'], 'any'),
  'members.manage': rule(['admin'], 'any'),
  'invitations.manage': rule(['admin'], PREPARING),
  'groups.manage': rule(['admin'], PREPARING),
  'structure.manage': rule(['editor', 'admin'], PREPARING),
  'checklist.update': rule(['editor', 'admin'], PREPARING),
  'paper.read': rule(EVERYONE, 'any'),
  /** Reviewers write while the round is open; editors also prepare the draft and consolidate after. */
  'paper.edit': { reviewer: ['open'], ...rule(['editor', 'admin'], PREPARING) },
  /** Accepting or rejecting others' suggested changes is editing the paper as its editors. */
  'suggestions.decide': rule(['editor', 'admin'], PREPARING),
  'threads.read': rule(EVERYONE, 'any'),
  'threads.create': POSTING,
  /** Replying, and changing or deleting one's own comment, follow the posting rules. */
  'threads.reply': POSTING,
  'threads.resolve': RESOLVING,
  'threads.reopen': RESOLVING,
  'comments.edit': POSTING,
  'comments.delete': POSTING,
  'comments.endorse': rule(['reviewer', 'editor', 'admin'], ['open']),
  /** Any member may ask the organisers to look at a comment, at any time. */
  'comments.flag': rule(EVERYONE, 'any'),
  /** Hiding, redacting and restoring comments, and the flag queue: even after publication. */
  'comments.moderate': rule(['editor', 'admin'], 'any'),
  'versions.create': rule(['editor', 'admin'], PREPARING),
  /** Putting a version's text back is an edit by the editors, when they may edit. */
  'versions.restore': rule(['editor', 'admin'], PREPARING),
  'exports.create': rule(['editor', 'admin'], 'any'),
  /** Editors get only the published, thresholded figures; the service enforces it. */
  'dashboard.read': rule(['editor', 'admin'], 'any'),
  /** Naming the members who write an agenda session's notes. */
  'rapporteurs.manage': rule(['admin'], PREPARING),
  /**
   * Writing a session's notes while they are drafted: the organisers, and a reviewer only for the
   * sessions they are named rapporteur of (`notesAccess`). Observers never.
   */
  'notes.draft': rule(['reviewer', 'editor', 'admin'], 'any'),
  /** Publishing a session's notes to every member, again after edits; in any phase. */
  'notes.publish': rule(['editor', 'admin'], 'any'),
  /**
   * Every member once the results are published; the organisers preview them before. Before
   * that, the other members read only the session notes published so far (`resultsScope`).
   */
  'results.read': rule(EVERYONE, 'any'),
  /** The organisers' own record of their actions. */
  'audit.read': rule(['admin'], 'any'),
  /**
   * Facilitating a live session: starting an agenda item, moving the focus, extending, ending, and
   * the queue of raised hands. In any phase, so a session is never left running where nobody may
   * end it.
   */
  'live.run': rule(['editor', 'admin'], 'any'),
  /** Raising a hand asks for the floor: for those who may give input now. */
  'live.raiseHand': POSTING,
};

/** Why an action is refused: the role never may, or the phase does not allow it now. */
export type PermissionCheck = 'allowed' | 'forbiddenRole' | 'forbiddenPhase';

export function checkPermission(role: Role, action: Action, phase: Phase): PermissionCheck {
  const phases = PERMISSIONS[action][role];
  if (phases === undefined) return 'forbiddenRole';
  if (phases !== 'any' && !phases.includes(phase)) return 'forbiddenPhase';
  return 'allowed';
}

/** Whether a member with `role` may perform `action` while the consultation is in `phase`. */
export function can(role: Role, action: Action, phase: Phase): boolean {
  return checkPermission(role, action, phase) === 'allowed';
}

/** Every action allowed now, sent to the client with the consultation so the UI shows only those. */
export function allowedActions(role: Role, phase: Phase): Action[] {
  return ACTIONS.filter((action) => can(role, action, phase));
}

/**
 * Whether members with `role` are among those consulted, whose input the dashboard looks for:
 * they may post input while the round is open and do not run it. Editors and admins post too,
 * but as the organisers who resolve threads; observers never post.
 */
export function isConsultedRole(role: Role): boolean {
  return can(role, 'threads.create', 'open') && !can(role, 'threads.resolve', 'open');
}

/** How a member may change the paper's text now: edit it, only suggest changes, or only read it. */
export type PaperAccess = 'edit' | 'suggest' | 'read';

/**
 * The paper access of a member: the permission table decides whether the role may change the
 * text in this phase at all; for the members consulted (reviewers), the consultation's text
 * change mode decides whether they edit it, suggest changes or only comment on it. The server
 * applies it to every update on the socket; the web sets the editor to match.
 */
export function paperAccess(role: Role, phase: Phase, textChanges: TextChangeMode): PaperAccess {
  if (!can(role, 'paper.edit', phase)) return 'read';
  if (!isConsultedRole(role)) return 'edit';
  return textChanges === 'comment' ? 'read' : textChanges;
}

/**
 * How a member may use an agenda session's notes while they are drafted: the organisers and the
 * session's rapporteurs write them until the consultation is published, and read them after;
 * nobody else may open them (null) — the members read them once published, in the results.
 */
export function notesAccess(role: Role, phase: Phase, isRapporteur: boolean): 'edit' | 'read' | null {
  if (!can(role, 'notes.draft', phase)) return null;
  if (!isRapporteur && !can(role, 'notes.publish', phase)) return null;
  return PREPARING.includes(phase) ? 'edit' : 'read';
}

/** Whether a member with `role` may be named a session's rapporteur. */
export function mayBeRapporteur(role: Role): boolean {
  return PERMISSIONS['notes.draft'][role] !== undefined;
}

/** What of the published results a member reads: all of them, or only the session notes. */
export type ResultsScope = 'all' | 'sessionNotes';

/**
 * What of the results a member may read now: everything once the consultation is published, and
 * the organisers (who publish) before, as a preview; before that, the other members only the
 * session notes published so far — none published: nothing (null).
 */
export function resultsScope(role: Role, phase: Phase, hasPublishedNotes: boolean): ResultsScope | null {
  if (!can(role, 'results.read', phase)) return null;
  if (phase === 'published' || can(role, 'notes.publish', phase)) return 'all';
  return hasPublishedNotes ? 'sessionNotes' : null;
}
