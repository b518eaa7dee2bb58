import { Flex, Heading, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { ExportPanel } from '../features/exports/ExportPanel';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

/** Summary notes and the CSV of all input, for editors and admins. */
export function ExportsRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('exports.pageTitle'));
  return (
    <Flex direction="column" gap="4">
      <Heading as="h1">{t('exports.pageTitle')}</Heading>
      {canDo(consultation, 'exports.create') ? (
        <>
          <Text as="p">{t('exports.intro', { k: consultation.kThreshold })}</Text>
          <ExportPanel consultation={consultation} />
        </>
      ) : (
        <NotAllowed />
      )}
    </Flex>
  );
}
