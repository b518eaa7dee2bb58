import { Badge, Flex, Heading, Link as ThemeLink, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { AcceptedSuggestions } from '../features/versions/AcceptedSuggestions';
import { TextChanges } from '../features/versions/TextChanges';
import { useVersionComparison } from '../features/versions/useVersions';
import { ErrorCallout } from '../ui/ErrorCallout';
import { LoadingState } from '../ui/LoadingState';
import { usePageTitle } from '../ui/usePageTitle';
import '../features/versions/versions.css';

const STATUS_COLOUR = { unchanged: 'gray', changed: 'amber', added: 'green', removed: 'red' } as const;

/**
 * Two versions (or a version and the paper now), section by section, with words added and removed
 * and the suggestions accepted in between.
 */
export function VersionCompareRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const comparison = useVersionComparison(consultation.id, from, to);
  usePageTitle(t('versions.compare.pageTitle'));

  return (
    <Flex direction="column" gap="4">
      <Flex direction="column" gap="1">
        <Heading as="h1">{t('versions.compare.pageTitle')}</Heading>
        {comparison.data ? (
          <Text as="p" size="2" color="gray" highContrast>
            {t('versions.compare.sides', {
              from: comparison.data.from.name,
              to: comparison.data.to?.name ?? t('versions.compare.currentPaper'),
            })}
          </Text>
        ) : null}
        <ThemeLink asChild>
          <Link to=".." relative="path">
            {t('versions.view.back')}
          </Link>
        </ThemeLink>
      </Flex>
      {comparison.isPending ? (
        <LoadingState />
      ) : comparison.error ? (
        <ErrorCallout error={comparison.error} />
      ) : (
        comparison.data.sections.map((section) => (
          <section
            key={section.sectionId}
            aria-labelledby={`compare-${section.sectionId}`}
            className="version-section"
          >
            <Flex align="center" gap="3" wrap="wrap">
              <Heading as="h2" size="5" id={`compare-${section.sectionId}`}>
                {t('paper.sectionHeading', { number: section.number, title: section.title })}
              </Heading>
              <Badge color={STATUS_COLOUR[section.status]} highContrast>
                {t(`versions.compare.status.${section.status}`)}
              </Badge>
            </Flex>
            {section.status === 'unchanged' ? (
              <Text as="p" size="2" color="gray" highContrast>
                {t('versions.compare.noChanges')}
              </Text>
            ) : (
              <TextChanges changes={section.changes} />
            )}
            <AcceptedSuggestions suggestions={section.acceptedSuggestions} />
          </section>
        ))
      )}
    </Flex>
  );
}
