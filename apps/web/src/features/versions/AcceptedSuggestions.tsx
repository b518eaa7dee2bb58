import type { AcceptedSuggestion } from '@cw/shared';
import { Flex, Heading, Text } from '@radix-ui/themes';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSuggestionDescription } from '../paper/useSuggestionDescription';

/** The suggestions accepted in a section between the two sides of a comparison. */
export function AcceptedSuggestions({ suggestions }: { suggestions: readonly AcceptedSuggestion[] }) {
  const { t } = useTranslation();
  const describe = useSuggestionDescription();
  const headingId = useId();
  if (suggestions.length === 0) return null;
  return (
    <Flex direction="column" gap="1" asChild>
      <section aria-labelledby={headingId}>
        <Heading as="h3" size="3" id={headingId}>
          {t('versions.compare.accepted', { count: suggestions.length })}
        </Heading>
        <ul className="accepted-suggestions">
          {suggestions.map((suggestion, index) => (
            <li key={index}>
              <Text as="p" size="2">
                {describe({ inserted: suggestion.insertedText, deleted: suggestion.deletedText })}
                {' — '}
                {suggestion.groupLabel}
              </Text>
              {suggestion.reason ? (
                <Text as="p" size="2" color="gray" highContrast className="preserve-lines">
                  {t('versions.compare.reason', { reason: suggestion.reason })}
                </Text>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </Flex>
  );
}
