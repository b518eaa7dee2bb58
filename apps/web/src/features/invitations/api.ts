import {
  acceptedInvitation,
  createdInvitation,
  invitation,
  invitationPreview,
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
export const revokeInvitation = (consultationId: string, invitationId: string) =>
  api.delete(`${invitationsPath(consultationId)}/${invitationId}`);

export const fetchInvitationPreview = (token: string) => api.get(tokenPath(token), invitationPreview);
export const acceptInvitation = (token: string) =>
  api.post(`${tokenPath(token)}/accept`, undefined, acceptedInvitation);

export const invitationKeys = {
  list: (consultationId: string) => ['invitations', consultationId] as const,
  preview: (token: string) => ['invitation', token] as const,
};
