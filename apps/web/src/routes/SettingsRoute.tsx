import { Flex, Heading } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { ConsultationSettingsForm } from '../features/settings/ConsultationSettingsForm';
import { PhaseControl } from '../features/settings/PhaseControl';
import { StakeholderGroupsEditor } from '../features/settings/StakeholderGroupsEditor';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

export function SettingsRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('settings.pageTitle'));
  const canUpdate = canDo(consultation, 'consultation.update');
  const canChangePhase = canDo(consultation, 'consultation.changePhase');
  const canManageGroups = canDo(consultation, 'groups.manage');
  return (
    <Flex direction="column" gap="5">
      <Heading as="h1">{t('settings.pageTitle')}</Heading>
      {!canUpdate && !canChangePhase && !canManageGroups ? <NotAllowed /> : null}
      {canChangePhase ? <PhaseControl consultation={consultation} /> : null}
      {canUpdate ? <ConsultationSettingsForm key={consultation.id} consultation={consultation} /> : null}
      {canManageGroups ? <StakeholderGroupsEditor consultation={consultation} /> : null}
    </Flex>
  );
}
