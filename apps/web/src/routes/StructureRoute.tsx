import { Flex, Heading, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { QuestionsEditor } from '../features/structure/QuestionsEditor';
import { SectionsEditor } from '../features/structure/SectionsEditor';
import { SessionsEditor } from '../features/structure/SessionsEditor';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

export function StructureRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('structure.pageTitle'));
  return (
    <Flex direction="column" gap="5">
      <Heading as="h1">{t('structure.pageTitle')}</Heading>
      {canDo(consultation, 'structure.manage') ? (
        <>
          <Text size="2" color="gray" highContrast>
            {t('structure.intro', { zone: consultation.timezone })}
          </Text>
          <SectionsEditor consultation={consultation} />
          <SessionsEditor consultation={consultation} />
          <QuestionsEditor consultation={consultation} />
        </>
      ) : (
        <NotAllowed />
      )}
    </Flex>
  );
}
