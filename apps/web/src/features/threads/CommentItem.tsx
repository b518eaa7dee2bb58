import type { Comment } from '@cw/shared';
import { Button, Flex, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { AuthorLine } from './AuthorLine';
import { CommentBody } from './CommentBody';
import { CommentForm } from './CommentForm';
import { EndorseControl } from './EndorseControl';
import type { useThreadActions } from './useThreads';

interface CommentItemProps {
  comment: Comment;
  actions: ReturnType<typeof useThreadActions>;
  canWrite: boolean;
  canEndorse: boolean;
}

/** One comment: author, time, text (or its tombstone), endorsements, and edit/delete on one's own. */
export function CommentItem({ comment, actions, canWrite, canEndorse }: CommentItemProps) {
  const { t } = useTranslation();
  const [isEditing, setIsEditing] = useState(false);
  const isOwn = comment.author.isYou && canWrite && !comment.isDeleted;
  return (
    <li className="thread-comment">
      <AuthorLine author={comment.author} at={comment.createdAt} isEdited={comment.isEdited} />
      {comment.body === null ? (
        <Text as="p" size="2" color="gray" className="thread-comment__tombstone">
          {t('threads.comment.deleted')}
        </Text>
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
          canEndorse={canEndorse}
          isPending={actions.endorse.isPending && actions.endorse.variables?.commentId === comment.id}
          onToggle={(endorse) => actions.endorse.mutate({ commentId: comment.id, endorse })}
        />
        {isOwn && !isEditing ? (
          <>
            <Button size="1" variant="ghost" onClick={() => setIsEditing(true)}>
              {t('threads.comment.edit')}
            </Button>
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
          </>
        ) : null}
      </Flex>
    </li>
  );
}
