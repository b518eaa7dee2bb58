import { useTranslation } from 'react-i18next';

/** Longest stretch of suggested text quoted. */
const QUOTE_LENGTH = 80;

const quoted = (text: string) => (text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH)}…` : text);

/** What a suggestion changes, in words: "Replace “should” with “must”". */
export function useSuggestionDescription() {
  const { t } = useTranslation();
  return ({ inserted, deleted }: { inserted: string; deleted: string }) => {
    if (inserted && deleted)
      return t('paper.suggestions.replace', { deleted: quoted(deleted), inserted: quoted(inserted) });
    if (inserted) return t('paper.suggestions.insert', { text: quoted(inserted) });
    if (deleted) return t('paper.suggestions.delete', { text: quoted(deleted) });
    return t('paper.suggestions.paragraphBreak');
  };
}
