import { agendaSession, guidingQuestion, section, type QuestionBody, type SessionBody } from '@cw/shared';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

const path = (consultationId: string, resource: string) => `${consultationPath(consultationId)}/${resource}`;

export const createSection = (
  consultationId: string,
  body: { title: string; number?: string; afterSectionId?: string | null },
) => api.post(path(consultationId, 'sections'), body, section);
export const updateSection = (
  consultationId: string,
  sectionId: string,
  body: { title?: string; number?: string },
) => api.patch(path(consultationId, `sections/${sectionId}`), body, section);
export const reorderSections = (consultationId: string, order: string[]) =>
  api.put(path(consultationId, 'sections/order'), { order }, section.array());
export const deleteSection = (consultationId: string, sectionId: string) =>
  api.delete(path(consultationId, `sections/${sectionId}`));

export const createSession = (consultationId: string, body: SessionBody) =>
  api.post(path(consultationId, 'sessions'), body, agendaSession);
export const replaceSession = (consultationId: string, sessionId: string, body: SessionBody) =>
  api.put(path(consultationId, `sessions/${sessionId}`), body, agendaSession);
export const deleteSession = (consultationId: string, sessionId: string) =>
  api.delete(path(consultationId, `sessions/${sessionId}`));

export const createQuestion = (consultationId: string, body: QuestionBody) =>
  api.post(path(consultationId, 'questions'), body, guidingQuestion);
export const replaceQuestion = (consultationId: string, questionId: string, body: QuestionBody) =>
  api.put(path(consultationId, `questions/${questionId}`), body, guidingQuestion);
export const deleteQuestion = (consultationId: string, questionId: string) =>
  api.delete(path(consultationId, `questions/${questionId}`));
