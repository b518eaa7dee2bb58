import { Flex, Heading, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { AgendaView } from '../features/agenda/AgendaView';
import { ChecklistView } from '../features/checklist/ChecklistView';
import { ConsultationBadges } from '../features/consultations/ConsultationBadges';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { MyGroupCard } from '../features/members/MyGroupCard';
import { formatLocalDate } from '../lib/time-format';
import { usePageTitle } from '../ui/usePageTitle';

export function ConsultationHomeRoute() {
  const { t, i18n } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(consultation.title);
  const { opensOn, closesOn } = consultation;
  return (
    <Flex direction="column" gap="5">
      <Flex direction="column" gap="2">
        <Heading as="h1">{consultation.title}</Heading>
        <ConsultationBadges phase={consultation.phase} attributionMode={consultation.attributionMode} />
        <Text size="2" color="gray" highContrast>
          {t(`attribution.${consultation.attributionMode}.explanation`)}
        </Text>
        {opensOn || closesOn ? (
          <Text size="2">
            {t('consultation.dates', {
              opens: opensOn ? formatLocalDate(opensOn, i18n.language) : t('consultation.notSet'),
              closes: closesOn ? formatLocalDate(closesOn, i18n.language) : t('consultation.notSet'),
            })}
          </Text>
        ) : null}
        {consultation.description ? (
          <Text as="p" className="preserve-lines">
            {consultation.description}
          </Text>
        ) : null}
      </Flex>
      <MyGroupCard consultation={consultation} />
      <AgendaView consultation={consultation} />
      <ChecklistView consultation={consultation} />
    </Flex>
  );
}
