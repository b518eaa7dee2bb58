import {
  consultationDetail,
  consultationSummary,
  stakeholderGroup,
  template,
  type ChangePhaseBody,
  type CreateConsultationBody,
  type UpdateConsultationBody,
} from '@cw/shared';
import { api } from '../../lib/api-client';

export const consultationPath = (id: string) => `/api/consultations/${encodeURIComponent(id)}`;

export const fetchConsultations = () => api.get('/api/consultations', consultationSummary.array());
export const fetchConsultation = (id: string) => api.get(consultationPath(id), consultationDetail);
export const fetchTemplates = () => api.get('/api/templates', template.array());

export const createConsultation = (body: CreateConsultationBody) =>
  api.post('/api/consultations', body, consultationDetail);
export const updateConsultation = (id: string, body: UpdateConsultationBody) =>
  api.patch(consultationPath(id), body, consultationDetail);
export const changePhase = (id: string, body: ChangePhaseBody) =>
  api.post(`${consultationPath(id)}/phase`, body, consultationDetail);

export const addGroup = (id: string, name: string) =>
  api.post(`${consultationPath(id)}/groups`, { name }, stakeholderGroup);
export const renameGroup = (id: string, groupId: string, name: string) =>
  api.patch(`${consultationPath(id)}/groups/${groupId}`, { name }, stakeholderGroup);
export const describeGroup = (id: string, groupId: string, description: string) =>
  api.patch(`${consultationPath(id)}/groups/${groupId}`, { description }, stakeholderGroup);
export const removeGroup = (id: string, groupId: string) =>
  api.delete(`${consultationPath(id)}/groups/${groupId}`);
