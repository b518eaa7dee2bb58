import type { Attribution } from '@cw/shared';
import { useTranslation } from 'react-i18next';
import { shownGroupLabel } from '../../lib/group-label';

/** Who made something, in words, exactly as the server presented it to this viewer. */
export function useAuthorName(): (author: Attribution) => string {
  const { t } = useTranslation();
  return (author) =>
    author.isYou
      ? t('threads.author.you')
      : author.name
        ? t('threads.author.named', { name: author.name, label: author.label })
        : shownGroupLabel(t, author.label);
}
