import { Flex, Heading } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { QuestionsView } from '../features/threads/QuestionsView';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

/** Input on the guiding questions, in agenda order. */
export function QuestionsRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('threads.questions.pageTitle'));
  return (
    <Flex direction="column" gap="4">
      <Heading as="h1">{t('threads.questions.pageTitle')}</Heading>
      {canDo(consultation, 'threads.read') ? <QuestionsView consultation={consultation} /> : <NotAllowed />}
    </Flex>
  );
}
