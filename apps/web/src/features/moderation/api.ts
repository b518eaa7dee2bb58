import {
  comment,
  moderationItem,
  type FlagCommentBody,
  type HideCommentBody,
  type ModerationQueueQuery,
  type RedactCommentBody,
} from '@cw/shared';
import { api } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

const commentPath = (consultationId: string, commentId: string) =>
  `${consultationPath(consultationId)}/comments/${encodeURIComponent(commentId)}`;

export const flagComment = (consultationId: string, commentId: string, body: FlagCommentBody) =>
  api.post(`${commentPath(consultationId, commentId)}/flags`, body);

export const hideComment = (consultationId: string, commentId: string, body: HideCommentBody) =>
  api.post(`${commentPath(consultationId, commentId)}/hide`, body, comment);

export const redactComment = (consultationId: string, commentId: string, body: RedactCommentBody) =>
  api.post(`${commentPath(consultationId, commentId)}/redact`, body, comment);

export const restoreComment = (consultationId: string, commentId: string) =>
  api.post(`${commentPath(consultationId, commentId)}/restore`, undefined, comment);

export const dismissFlags = (consultationId: string, commentId: string) =>
  api.post(`${commentPath(consultationId, commentId)}/flags/dismiss`);

export const fetchModerationQueue = (consultationId: string, queue: ModerationQueueQuery['queue']) =>
  api.get(`${consultationPath(consultationId)}/moderation?queue=${queue}`, moderationItem.array());
