import type { Attribution } from '@cw/shared';
import { Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { formatTimeOf } from '../../lib/time-format';
import { useAuthorName } from './useAuthorName';

/** Who wrote something and when, exactly as the server presented it to this viewer, no more precisely. */
export function AuthorLine({
  author,
  at,
  isEdited,
}: {
  author: Attribution;
  at: string;
  isEdited?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const who = useAuthorName()(author);
  return (
    <Text as="p" size="1" color="gray" highContrast>
      <Text weight="bold">{who}</Text>
      {' · '}
      <time dateTime={at}>{formatTimeOf(at, author.timePrecision, i18n.language)}</time>
      {isEdited ? ` · ${t('threads.comment.edited')}` : null}
    </Text>
  );
}
