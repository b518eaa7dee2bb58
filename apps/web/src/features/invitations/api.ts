import {
  acceptedInvitation,
  bulkInvitationsAnswer,
  createdInvitation,
  invitation,
  invitationPreview,
  type BulkInvitationsBody,
  type CreateInvitationBody,
} from '@cw/shared';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

const invitationsPath = (consultationId: string) => `${consultationPath(consultationId)}/invitations`;
const tokenPath = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;

export const fetchInvitations = (consultationId: string) =>
  api.get(invitationsPath(consultationId), invitation.array());
export const createInvitation = (consultationId: string, body: CreateInvitationBody) =>
  api.post(invitationsPath(consultationId), body, createdInvitation);
export const inviteByMail = (consultationId: string, body: BulkInvitationsBody) =>
  api.post(`${invitationsPath(consultationId)}/bulk`, body, bulkInvitationsAnswer);
export const resendInvitation = (consultationId: string, invitationId: string) =>
  api.post(`${invitationsPath(consultationId)}/${invitationId}/resend`, undefined, invitation);
export const revokeInvitation = (consultationId: string, invitationId: string) =>
  api.delete(`${invitationsPath(consultationId)}/${invitationId}`);

export const fetchInvitationPreview = (token: string) => api.get(tokenPath(token), invitationPreview);
/** `groupId`: the group picked, when the invitation leaves it open. */
export const acceptInvitation = (token: string, groupId?: string) =>
  api.post(`${tokenPath(token)}/accept`, groupId ? { groupId } : undefined, acceptedInvitation);

export const invitationKeys = {
  list: (consultationId: string) => ['invitations', consultationId] as const,
  preview: (token: string) => ['invitation', token] as const,
};
