import { member, type UpdateMemberBody } from '@cw/shared';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

export const fetchMembers = (consultationId: string) =>
  api.get(`${consultationPath(consultationId)}/members`, member.array());
export const updateMember = (consultationId: string, memberId: string, body: UpdateMemberBody) =>
  api.patch(`${consultationPath(consultationId)}/members/${memberId}`, body, member);
export const removeMember = (consultationId: string, memberId: string) =>
  api.delete(`${consultationPath(consultationId)}/members/${memberId}`);

export const memberKeys = { list: (consultationId: string) => ['members', consultationId] as const };
