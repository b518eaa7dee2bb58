import type { Comment, ConsultationDetail } from '@cw/shared';
import { Button, Flex, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { canDo } from '../consultations/useConsultations';
import { FlagControl } from '../moderation/FlagControl';
import { AuthorLine } from './AuthorLine';
import { CommentBody } from './CommentBody';
import { CommentForm } from './CommentForm';
import { EndorseControl } from './EndorseControl';
import { mayOnComment } from './input-actions';
import { commentId } from './thread-focus';
import { useAuthorName } from './useAuthorName';
import type { useThreadActions } from './useThreads';

interface CommentItemProps {
  consultation: Pick<ConsultationDetail, 'id' | 'allowedActions'>;
  comment: Comment;
  actions: ReturnType<typeof useThreadActions>;
}

/**
 * One comment: author, time, text (or its tombstone, or what the organisers left of it),
 * endorsements, edit/delete on one's own, and a flag for the organisers.
 */
export function CommentItem({ consultation, comment, actions }: CommentItemProps) {
  const { t } = useTranslation();
  const [isEditing, setIsEditing] = useState(false);
  const mayEdit = mayOnComment(consultation, 'comments.edit', comment);
  const mayDelete = mayOnComment(consultation, 'comments.delete', comment);
  const canFlag = canDo(consultation, 'comments.flag');
  const moderation = comment.isDeleted ? null : comment.moderation;
  const author = useAuthorName()(comment.author);
  return (
    // Focusable by script only: the focus lands here once the comment is posted.
    <li
      className="thread-comment"
      id={commentId(comment.id)}
      tabIndex={-1}
      aria-label={t('threads.comment.label', { author })}
    >
      <AuthorLine author={comment.author} at={comment.createdAt} isEdited={comment.isEdited} />
      {moderation ? (
        <Text as="p" size="1" color="orange" highContrast className="thread-comment__moderation">
          {moderation.reason
            ? t(`moderation.shown.${moderation.state}Why`, { reason: moderation.reason })
            : t(`moderation.shown.${moderation.state}`)}
        </Text>
      ) : null}
      {comment.body === null ? (
        comment.isDeleted ? (
          <Text as="p" size="2" color="gray" className="thread-comment__tombstone">
            {t('threads.comment.deleted')}
          </Text>
        ) : null
      ) : isEditing ? (
        <CommentForm
          label={t('threads.comment.editLabel')}
          submitLabel={t('threads.comment.save')}
          cancelLabel={t('common.cancel')}
          initialBody={comment.body}
          isPending={actions.edit.isPending}
          error={actions.edit.error}
          onSubmit={(body) =>
            actions.edit.mutateAsync({ commentId: comment.id, body }).then(() => setIsEditing(false))
          }
          onCancel={() => setIsEditing(false)}
        />
      ) : (
        <CommentBody body={comment.body} />
      )}
      <Flex gap="2" align="center" wrap="wrap">
        <EndorseControl
          comment={comment}
          mayToggle={mayOnComment(consultation, 'comments.endorse', comment)}
          isPending={actions.endorse.isPending && actions.endorse.variables?.commentId === comment.id}
          onToggle={(endorse) => actions.endorse.mutate({ commentId: comment.id, endorse })}
        />
        {canFlag && comment.body !== null && !isEditing ? (
          <FlagControl consultationId={consultation.id} comment={comment} />
        ) : null}
        {mayEdit && !isEditing ? (
          <Button size="1" variant="ghost" onClick={() => setIsEditing(true)}>
            {t('threads.comment.edit')}
          </Button>
        ) : null}
        {mayDelete && !isEditing ? (
          <ConfirmDialog
            trigger={
              <Button size="1" variant="ghost" color="red">
                {t('threads.comment.delete')}
              </Button>
            }
            title={t('threads.comment.deleteTitle')}
            description={t('threads.comment.deleteDescription')}
            confirmLabel={t('threads.comment.delete')}
            isDestructive
            onConfirm={() => actions.remove.mutate(comment.id)}
          />
        ) : null}
      </Flex>
    </li>
  );
}
