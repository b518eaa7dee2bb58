import type { AnchorInput } from '@cw/shared';
import { Button } from '@radix-ui/themes';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusWhenShown } from '../../ui/focus';
import { CommentForm } from './CommentForm';
import { addedComment, commentId } from './thread-focus';
import type { useThreadActions } from './useThreads';

/** Starts a thread on a guiding question (or general input), opened by a button to keep lists calm. */
export function NewThreadForm({
  questionId,
  actions,
  anchor = null,
}: {
  questionId: string | null;
  actions: ReturnType<typeof useThreadActions>;
  anchor?: AnchorInput | null;
}) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  // Left without posting, the form gives the focus back to the button that opened it.
  const shouldRefocus = useRef(false);
  const refocus = (button: HTMLButtonElement | null) => {
    if (!button || !shouldRefocus.current) return;
    shouldRefocus.current = false;
    button.focus();
  };
  if (!isOpen)
    return (
      <div>
        <Button size="1" variant="soft" ref={refocus} onClick={() => setIsOpen(true)}>
          {t('threads.new.open')}
        </Button>
      </div>
    );
  return (
    <CommentForm
      label={t('threads.new.label')}
      submitLabel={t('threads.new.submit')}
      cancelLabel={t('common.cancel')}
      isPending={actions.create.isPending}
      error={actions.create.error}
      autoFocus
      onSubmit={(body) =>
        actions.create.mutateAsync({ questionId, anchor, body }).then((thread) => {
          setIsOpen(false);
          const added = addedComment(null, thread);
          if (added) focusWhenShown(commentId(added));
        })
      }
      onCancel={() => {
        shouldRefocus.current = true;
        setIsOpen(false);
      }}
    />
  );
}
