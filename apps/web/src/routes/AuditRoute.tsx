import { Flex, Heading, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { AuditLogView } from '../features/audit/AuditLogView';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

/** The organisers' own record, for admins. */
export function AuditRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('audit.pageTitle'));
  return (
    <Flex direction="column" gap="4">
      <Heading as="h1">{t('audit.pageTitle')}</Heading>
      <Text as="p">{t('audit.intro')}</Text>
      {canDo(consultation, 'audit.read') ? <AuditLogView consultation={consultation} /> : <NotAllowed />}
    </Flex>
  );
}
