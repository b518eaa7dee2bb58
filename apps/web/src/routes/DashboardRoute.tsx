import { Flex, Heading } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { DashboardView } from '../features/dashboard/DashboardView';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

/** Whose voice is in the paper and whose is missing (admins: exact; editors: published figures). */
export function DashboardRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('dashboard.pageTitle'));
  return (
    <Flex direction="column" gap="4">
      <Heading as="h1">{t('dashboard.pageTitle')}</Heading>
      {canDo(consultation, 'dashboard.read') ? <DashboardView consultation={consultation} /> : <NotAllowed />}
    </Flex>
  );
}
