import { can, type CollabDocument, notesAccess, type PaperAccess, paperAccess, type Role } from '@cw/shared';
import type { ConsultationState } from './participants.repository.js';

/** How a member may be on a document now, or why they may not be on it at all. */
export type DocumentAccess = { access: PaperAccess } | { refusal: string };

/**
 * The one rule for admitting a socket and for re-checking it: the paper follows the permission
 * matrix and the consultation's text change mode (`paperAccess`); a session's notes are open only
 * to the organisers and the session's rapporteurs (`notesAccess`), so anyone else is refused as a
 * non-member would be. `seat` is the member's place on the notes: absent when the session is not
 * one of the consultation's (any more).
 */
export function documentAccess(
  document: CollabDocument,
  role: Role,
  state: ConsultationState,
  seat?: { isRapporteur: boolean },
): DocumentAccess {
  if (document.kind === 'paper') {
    return can(role, 'paper.read', state.phase)
      ? { access: paperAccess(role, state.phase, state.textChanges) }
      : { refusal: 'Not allowed to read this paper' };
  }
  if (!seat) return { refusal: 'Agenda session not found' };
  const access = notesAccess(role, state.phase, seat.isRapporteur);
  return access
    ? { access }
    : { refusal: "Only the organisers and the session's rapporteurs may open its notes" };
}
