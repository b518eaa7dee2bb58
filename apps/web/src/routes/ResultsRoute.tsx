import { Flex, Heading } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { ResultsView } from '../features/results/ResultsView';
import { useResults } from '../features/results/useResults';
import { ErrorCallout } from '../ui/ErrorCallout';
import { LoadingState } from '../ui/LoadingState';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

/** What the participants are told once the results are published (the organisers: a preview). */
export function ResultsRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('results.pageTitle'));
  return (
    <Flex direction="column" gap="4">
      <Heading as="h1">{t('results.pageTitle')}</Heading>
      {canDo(consultation, 'results.read') ? <Results consultationId={consultation.id} /> : <NotAllowed />}
    </Flex>
  );
}

function Results({ consultationId }: { consultationId: string }) {
  const results = useResults(consultationId);
  if (results.isPending) return <LoadingState />;
  if (results.error) return <ErrorCallout error={results.error} />;
  return <ResultsView results={results.data} />;
}
