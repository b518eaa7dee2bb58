import {
  type Comment,
  type CommentAction,
  commentRefusal,
  type ConsultationDetail,
  type Thread,
  type ThreadAction,
  threadRefusal,
} from '@cw/shared';
import { canDo } from '../consultations/useConsultations';

type Allowed = Pick<ConsultationDetail, 'allowedActions'>;

/**
 * Whether the member may take the action on this thread now: the role and phase (the actions the
 * server allows), then the thread's own rule, as the server applies them.
 */
export function mayOnThread(consultation: Allowed, action: ThreadAction, thread: Pick<Thread, 'status'>) {
  return canDo(consultation, action) && threadRefusal(action, thread) === null;
}

/** Whether the member may take the action on this comment now, as the server decides it. */
export function mayOnComment(consultation: Allowed, action: CommentAction, comment: Comment) {
  const facts = {
    isYours: comment.author.isYou,
    isDeleted: comment.isDeleted,
    isModerated: comment.moderation !== null,
  };
  return canDo(consultation, action) && commentRefusal(action, facts) === null;
}
