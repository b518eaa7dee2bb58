import { Flex, Heading, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { ModerationView } from '../features/moderation/ModerationView';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

/** Editors' and admins' flag queue. */
export function ModerationRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('moderation.pageTitle'));
  return (
    <Flex direction="column" gap="4">
      <Heading as="h1">{t('moderation.pageTitle')}</Heading>
      <Text as="p">{t('moderation.intro')}</Text>
      {canDo(consultation, 'comments.moderate') ? (
        <ModerationView consultation={consultation} />
      ) : (
        <NotAllowed />
      )}
    </Flex>
  );
}
