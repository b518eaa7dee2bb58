import { redactText, type ModerationItem, type TextRange } from '@cw/shared';
import { Badge, Button, Card, Flex, Link, Text, TextArea } from '@radix-ui/themes';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatInstant } from '../../lib/time-format';
import { FormAlert } from '../../ui/ErrorCallout';
import { AuthorLine } from '../threads/AuthorLine';
import { ReasonForm } from './ReasonForm';
import type { useModerationActions } from './useModeration';

interface ModerationCardProps {
  consultationId: string;
  item: ModerationItem;
  actions: ReturnType<typeof useModerationActions>;
}

/**
 * One comment in the queue: the text as written (only organisers see it here), the flags' reasons,
 * and hide, redact, restore or dismiss.
 */
export function ModerationCard({ consultationId, item, actions }: ModerationCardProps) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<'hide' | 'redact' | null>(null);
  const [selection, setSelection] = useState<TextRange | null>(null);
  const [ranges, setRanges] = useState<TextRange[]>([]);
  const textId = useId();
  const commentId = item.comment.id;
  const text = item.originalText ?? '';
  const isBusy = (mutation: { isPending: boolean; variables?: unknown }) =>
    mutation.isPending &&
    (mutation.variables === commentId ||
      (mutation.variables as { commentId?: string })?.commentId === commentId);
  const overlaps = (range: TextRange) =>
    ranges.some((taken) => range.start < taken.end && taken.start < range.end);
  return (
    <Card asChild>
      <article aria-labelledby={`${textId}-label`} data-comment-id={commentId}>
        <Flex direction="column" gap="2">
          <Flex gap="2" align="center" wrap="wrap">
            <AuthorLine author={item.comment.author} at={item.comment.createdAt} />
            {item.state ? <Badge color="orange">{t(`moderation.states.${item.state}`)}</Badge> : null}
          </Flex>
          <Text as="label" id={`${textId}-label`} htmlFor={textId} size="2" weight="medium">
            {t('moderation.card.original')}
          </Text>
          <TextArea
            id={textId}
            readOnly
            rows={3}
            value={text}
            onSelect={(event) => {
              const { selectionStart: start, selectionEnd: end } = event.currentTarget;
              setSelection(end > start ? { start, end } : null);
            }}
          />
          {item.flags.length > 0 ? (
            <ul className="plain-list" aria-label={t('moderation.card.flags')}>
              {item.flags.map((flag) => (
                <li key={flag.id}>
                  <Text size="2">
                    {t('moderation.card.flag', {
                      reason: flag.reason,
                      at: formatInstant(flag.createdAt, i18n.language),
                    })}
                    {flag.closedAt ? ` · ${t('moderation.card.closed')}` : ''}
                  </Text>
                </li>
              ))}
            </ul>
          ) : null}
          {form === 'hide' ? (
            <ReasonForm
              label={t('moderation.hide.reason')}
              hint={t('moderation.hide.hint')}
              submitLabel={t('moderation.hide.submit')}
              isPending={isBusy(actions.hide)}
              error={actions.hide.error}
              onSubmit={(reason) => actions.hide.mutateAsync({ commentId, reason }).then(() => setForm(null))}
              onCancel={() => setForm(null)}
            />
          ) : form === 'redact' ? (
            <Flex direction="column" gap="2">
              <Text size="2">{t('moderation.redact.howTo')}</Text>
              <Flex gap="2">
                <Button
                  size="1"
                  variant="soft"
                  disabled={!selection || overlaps(selection)}
                  onClick={() => selection && setRanges([...ranges, selection])}
                >
                  {t('moderation.redact.add')}
                </Button>
                <Button
                  size="1"
                  variant="soft"
                  color="gray"
                  disabled={ranges.length === 0}
                  onClick={() => setRanges([])}
                >
                  {t('moderation.redact.clear')}
                </Button>
              </Flex>
              <Text as="p" size="2" className="preserve-lines" aria-live="polite">
                {t('moderation.redact.preview', { text: redactText(text, ranges) })}
              </Text>
              {ranges.length > 0 ? (
                <ReasonForm
                  label={t('moderation.redact.reason')}
                  hint={t('moderation.hide.hint')}
                  submitLabel={t('moderation.redact.submit')}
                  isPending={isBusy(actions.redact)}
                  error={actions.redact.error}
                  onSubmit={(reason) =>
                    actions.redact.mutateAsync({ commentId, ranges, reason }).then(() => {
                      setRanges([]);
                      setForm(null);
                    })
                  }
                  onCancel={() => setForm(null)}
                />
              ) : null}
            </Flex>
          ) : (
            <Flex gap="2" wrap="wrap" align="center">
              {item.state !== 'hidden' ? (
                <Button size="1" color="red" variant="soft" onClick={() => setForm('hide')}>
                  {t('moderation.hide.open')}
                </Button>
              ) : null}
              <Button size="1" variant="soft" onClick={() => setForm('redact')}>
                {t('moderation.redact.open')}
              </Button>
              {item.state ? (
                <Button
                  size="1"
                  variant="soft"
                  loading={isBusy(actions.restore)}
                  onClick={() => actions.restore.mutate(commentId)}
                >
                  {t('moderation.restore')}
                </Button>
              ) : null}
              {item.flags.some((flag) => !flag.closedAt) ? (
                <Button
                  size="1"
                  variant="soft"
                  color="gray"
                  loading={isBusy(actions.dismiss)}
                  onClick={() => actions.dismiss.mutate(commentId)}
                >
                  {t('moderation.dismiss')}
                </Button>
              ) : null}
              <Link asChild size="2">
                <RouterLink to={`/consultations/${consultationId}/questions#thread-${item.comment.threadId}`}>
                  {t('moderation.card.thread')}
                </RouterLink>
              </Link>
            </Flex>
          )}
          <FormAlert error={actions.restore.variables === commentId ? actions.restore.error : null} />
        </Flex>
      </article>
    </Card>
  );
}
