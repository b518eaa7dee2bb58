import { Flex, Heading, Link as ThemeLink, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { RestoreVersionControl } from '../features/versions/RestoreVersionControl';
import { useVersion } from '../features/versions/useVersions';
import { Blocks } from '../features/versions/VersionBlocks';
import { formatInstant } from '../lib/time-format';
import { ErrorCallout } from '../ui/ErrorCallout';
import { LoadingState } from '../ui/LoadingState';
import { usePageTitle } from '../ui/usePageTitle';
import '../features/versions/versions.css';

/** One version of the paper, read-only, as it was when it was taken. */
export function VersionRoute() {
  const { t, i18n } = useTranslation();
  const consultation = useCurrentConsultation();
  const { versionId = '' } = useParams();
  const version = useVersion(consultation.id, versionId);
  usePageTitle(version.data?.name ?? t('versions.pageTitle'));

  if (version.isPending) return <LoadingState />;
  if (version.error) {
    return (
      <Flex direction="column" gap="3">
        <Heading as="h1">{t('versions.pageTitle')}</Heading>
        <ErrorCallout error={version.error} />
      </Flex>
    );
  }
  const detail = version.data;
  return (
    <Flex direction="column" gap="4">
      <Flex direction="column" gap="1">
        <Heading as="h1">{detail.name}</Heading>
        <Text as="p" size="2" color="gray" highContrast>
          {t('versions.view.meta', {
            date: formatInstant(detail.createdAt, i18n.language),
            by: detail.isCreatedByYou ? t('versions.list.you') : detail.createdBy,
          })}
        </Text>
        {canDo(consultation, 'versions.restore') ? (
          <RestoreVersionControl
            key={detail.id}
            consultationId={consultation.id}
            versionId={detail.id}
            versionName={detail.name}
          />
        ) : null}
        <Flex gap="4" wrap="wrap">
          <ThemeLink asChild>
            <Link
              to={`../compare?${new URLSearchParams({ from: detail.id, to: 'current' }).toString()}`}
              relative="path"
            >
              {t('versions.view.compareWithCurrent')}
            </Link>
          </ThemeLink>
          <ThemeLink asChild>
            <Link to=".." relative="path">
              {t('versions.view.back')}
            </Link>
          </ThemeLink>
        </Flex>
      </Flex>
      {detail.sections.map((section) => (
        <section
          key={section.sectionId}
          aria-labelledby={`version-section-${section.sectionId}`}
          className="version-section"
        >
          <Heading as="h2" size="5" id={`version-section-${section.sectionId}`}>
            {t('paper.sectionHeading', { number: section.number, title: section.title })}
          </Heading>
          <div className="version-text user-text">
            <Blocks blocks={section.blocks} />
          </div>
        </section>
      ))}
    </Flex>
  );
}
