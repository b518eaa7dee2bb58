import {
  comment,
  notification,
  questionSummary,
  thread,
  type CreateThreadBody,
  type ResolveThreadBody,
  type ThreadListQuery,
} from '@cw/shared';
import { api, apiRequest } from '../../lib/api-client';
import { consultationPath } from '../consultations/api';

const threadsPath = (consultationId: string) => `${consultationPath(consultationId)}/threads`;
const threadPath = (consultationId: string, threadId: string) =>
  `${threadsPath(consultationId)}/${encodeURIComponent(threadId)}`;
const commentPath = (consultationId: string, commentId: string) =>
  `${consultationPath(consultationId)}/comments/${encodeURIComponent(commentId)}`;

/** The filters as a query string, leaving out the ones not set. */
function listQuery(filters: ThreadListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const fetchThreads = (consultationId: string, filters: ThreadListQuery) =>
  api.get(`${threadsPath(consultationId)}${listQuery(filters)}`, thread.array());

export const fetchQuestionSummary = (consultationId: string) =>
  api.get(`${consultationPath(consultationId)}/questions/summary`, questionSummary.array());

export const createThread = (consultationId: string, body: CreateThreadBody) =>
  api.post(threadsPath(consultationId), body, thread);

export const replyToThread = (consultationId: string, threadId: string, body: string) =>
  api.post(`${threadPath(consultationId, threadId)}/comments`, { body }, thread);

export const resolveThread = (consultationId: string, threadId: string, body: ResolveThreadBody) =>
  api.post(`${threadPath(consultationId, threadId)}/resolve`, body, thread);

export const reopenThread = (consultationId: string, threadId: string) =>
  api.post(`${threadPath(consultationId, threadId)}/reopen`, undefined, thread);

export const editComment = (consultationId: string, commentId: string, body: string) =>
  api.patch(commentPath(consultationId, commentId), { body }, comment);

export const deleteComment = (consultationId: string, commentId: string) =>
  api.delete(commentPath(consultationId, commentId));

export const endorseComment = (consultationId: string, commentId: string) =>
  api.put(`${commentPath(consultationId, commentId)}/endorsement`, undefined, comment);

export const withdrawEndorsement = (consultationId: string, commentId: string) =>
  apiRequest('DELETE', `${commentPath(consultationId, commentId)}/endorsement`, { schema: comment });

export const fetchNotifications = (consultationId: string) =>
  api.get(`${consultationPath(consultationId)}/notifications`, notification.array());

/** Marks these notifications read, or all of the caller's when `ids` is omitted. */
export const markNotificationsRead = (consultationId: string, ids?: string[]) =>
  api.post(`${consultationPath(consultationId)}/notifications/read`, ids ? { ids } : {});
