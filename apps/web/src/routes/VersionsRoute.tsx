import { Card, Flex, Heading, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { CompareForm } from '../features/versions/CompareForm';
import { TakeVersionForm } from '../features/versions/TakeVersionForm';
import { newestFirst, VersionList } from '../features/versions/VersionList';
import { useVersions } from '../features/versions/useVersions';
import { ErrorCallout } from '../ui/ErrorCallout';
import { LoadingState } from '../ui/LoadingState';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

/** Named versions of the paper: take one, open one, compare two. */
export function VersionsRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('versions.pageTitle'));
  return (
    <Flex direction="column" gap="5">
      <Heading as="h1">{t('versions.pageTitle')}</Heading>
      {canDo(consultation, 'paper.read') ? <VersionsOverview /> : <NotAllowed />}
    </Flex>
  );
}

function VersionsOverview() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  const versions = useVersions(consultation.id);
  return (
    <>
      {canDo(consultation, 'versions.create') ? (
        <section aria-labelledby="take-version-heading">
          <Card>
            <Flex direction="column" gap="3">
              <Heading as="h2" size="5" id="take-version-heading">
                {t('versions.take.title')}
              </Heading>
              <TakeVersionForm consultationId={consultation.id} />
            </Flex>
          </Card>
        </section>
      ) : null}
      <section aria-labelledby="version-list-heading">
        <Flex direction="column" gap="3">
          <Heading as="h2" size="5" id="version-list-heading">
            {t('versions.list.title')}
          </Heading>
          {versions.isPending ? (
            <LoadingState />
          ) : versions.error ? (
            <ErrorCallout error={versions.error} />
          ) : versions.data.length === 0 ? (
            <Text as="p">{t('versions.list.empty')}</Text>
          ) : (
            <>
              <VersionList versions={newestFirst(versions.data)} />
              <Heading as="h3" size="3">
                {t('versions.compare.title')}
              </Heading>
              <CompareForm versions={newestFirst(versions.data)} />
            </>
          )}
        </Flex>
      </section>
    </>
  );
}
