import type { Comment } from '@cw/shared';
import { Button, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonForm } from './ReasonForm';
import { useFlagComment } from './useModeration';

/** Asks the organisers to look at a comment; who flagged is never shown to anyone. */
export function FlagControl({ consultationId, comment }: { consultationId: string; comment: Comment }) {
  const { t } = useTranslation();
  const flag = useFlagComment(consultationId);
  const [state, setState] = useState<'closed' | 'open' | 'sent'>('closed');
  if (state === 'sent') {
    return (
      <Text size="1" color="gray" highContrast role="status">
        {t('moderation.flag.sent')}
      </Text>
    );
  }
  if (state === 'open') {
    return (
      <ReasonForm
        label={t('moderation.flag.reason')}
        hint={t('moderation.flag.hint')}
        submitLabel={t('moderation.flag.submit')}
        isPending={flag.isPending}
        error={flag.error}
        onSubmit={(reason) =>
          flag.mutateAsync({ commentId: comment.id, reason }).then(() => setState('sent'))
        }
        onCancel={() => setState('closed')}
      />
    );
  }
  return (
    <Button size="1" variant="ghost" color="gray" onClick={() => setState('open')}>
      {t('moderation.flag.open')}
    </Button>
  );
}
