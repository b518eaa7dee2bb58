import { Flex, Heading } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { resultsScopeOf } from '../features/results/results-scope';
import { ResultsView } from '../features/results/ResultsView';
import { useResults } from '../features/results/useResults';
import { ErrorCallout } from '../ui/ErrorCallout';
import { LoadingState } from '../ui/LoadingState';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

/**
 * What the participants are told once the results are published (the organisers: a preview);
 * before that, the session notes published so far.
 */
export function ResultsRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('results.pageTitle'));
  return (
    <Flex direction="column" gap="4">
      <Heading as="h1">{t('results.pageTitle')}</Heading>
      {resultsScopeOf(consultation) ? (
        <Results consultationId={consultation.id} timeZone={consultation.timezone} />
      ) : (
        <NotAllowed />
      )}
    </Flex>
  );
}

function Results({ consultationId, timeZone }: { consultationId: string; timeZone: string }) {
  const results = useResults(consultationId);
  if (results.isPending) return <LoadingState />;
  if (results.error) return <ErrorCallout error={results.error} />;
  return <ResultsView results={results.data} timeZone={timeZone} />;
}
