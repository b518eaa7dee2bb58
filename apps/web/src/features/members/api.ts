import { groupChangeRequest, member, ownGroupChangeRequest, type UpdateMemberBody } from '@cw/shared';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

export const fetchMembers = (consultationId: string) =>
  api.get(`${consultationPath(consultationId)}/members`, member.array());
export const updateMember = (consultationId: string, memberId: string, body: UpdateMemberBody) =>
  api.patch(`${consultationPath(consultationId)}/members/${memberId}`, body, member);
export const removeMember = (consultationId: string, memberId: string) =>
  api.delete(`${consultationPath(consultationId)}/members/${memberId}`);

export const memberKeys = { list: (consultationId: string) => ['members', consultationId] as const };

const requestsPath = (consultationId: string) => `${consultationPath(consultationId)}/group-requests`;

export const askGroupChange = (consultationId: string, groupId: string) =>
  api.post(requestsPath(consultationId), { groupId }, groupChangeRequest);
export const fetchOwnGroupRequest = (consultationId: string) =>
  api.get(`${requestsPath(consultationId)}/mine`, ownGroupChangeRequest);
export const fetchGroupRequests = (consultationId: string) =>
  api.get(requestsPath(consultationId), groupChangeRequest.array());
export const decideGroupRequest = (
  consultationId: string,
  requestId: string,
  decision: 'approve' | 'decline',
) => api.post(`${requestsPath(consultationId)}/${requestId}/decision`, { decision });

export const groupRequestKeys = {
  mine: (consultationId: string) => ['group-requests', consultationId, 'mine'] as const,
  list: (consultationId: string) => ['group-requests', consultationId] as const,
};
