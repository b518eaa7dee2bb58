import {
  notesCheck,
  publishedNotes,
  sessionNotesState,
  type PublishNotesBody,
  type SetRapporteursBody,
} from '@cw/shared';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

const sessionPath = (consultationId: string, sessionId: string) =>
  `${consultationPath(consultationId)}/sessions/${encodeURIComponent(sessionId)}`;

export const setRapporteurs = (consultationId: string, sessionId: string, body: SetRapporteursBody) =>
  api.put(`${sessionPath(consultationId, sessionId)}/rapporteurs`, body, sessionNotesState);
export const checkNotes = (consultationId: string, sessionId: string) =>
  api.get(`${sessionPath(consultationId, sessionId)}/notes/check`, notesCheck);
export const publishNotes = (consultationId: string, sessionId: string, body: PublishNotesBody) =>
  api.post(`${sessionPath(consultationId, sessionId)}/notes/publish`, body, publishedNotes);

export const notesKeys = {
  check: (consultationId: string, sessionId: string) => ['notes-check', consultationId, sessionId] as const,
};
