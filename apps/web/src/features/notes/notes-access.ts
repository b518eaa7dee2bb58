import { type ConsultationDetail, notesAccess } from '@cw/shared';

/** How the member may use a session's notes now (the server's rule): write, read, or not at all. */
export function notesAccessOf(
  consultation: Pick<ConsultationDetail, 'role' | 'phase' | 'sessionNotes'>,
  sessionId: string,
): 'edit' | 'read' | null {
  const state = consultation.sessionNotes.find((entry) => entry.sessionId === sessionId);
  const isRapporteur = state?.rapporteurs.some((rapporteur) => rapporteur.isYou) ?? false;
  return notesAccess(consultation.role, consultation.phase, isRapporteur);
}
