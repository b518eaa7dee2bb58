import type { AnchorInput } from '@cw/shared';
import { Button } from '@radix-ui/themes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentForm } from './CommentForm';
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
  if (!isOpen)
    return (
      <div>
        <Button size="1" variant="soft" onClick={() => setIsOpen(true)}>
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
      onSubmit={(body) =>
        actions.create.mutateAsync({ questionId, anchor, body }).then(() => setIsOpen(false))
      }
      onCancel={() => setIsOpen(false)}
    />
  );
}
