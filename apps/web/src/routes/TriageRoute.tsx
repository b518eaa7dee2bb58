import { Flex, Heading } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { TriageView } from '../features/threads/TriageView';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

/** The editors' work list of open input. */
export function TriageRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('threads.triage.pageTitle'));
  return (
    <Flex direction="column" gap="4">
      <Heading as="h1">{t('threads.triage.pageTitle')}</Heading>
      {canDo(consultation, 'threads.resolve') ? <TriageView consultation={consultation} /> : <NotAllowed />}
    </Flex>
  );
}
