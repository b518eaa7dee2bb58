import { Flex, Heading } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { InvitationsPanel } from '../features/invitations/InvitationsPanel';
import { GroupRequestsPanel } from '../features/members/GroupRequestsPanel';
import { MembersTable } from '../features/members/MembersTable';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

export function MembersRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('members.pageTitle'));
  return (
    <Flex direction="column" gap="5">
      <Heading as="h1">{t('members.pageTitle')}</Heading>
      {canDo(consultation, 'members.manage') ? <GroupRequestsPanel consultation={consultation} /> : null}
      {canDo(consultation, 'members.read') ? <MembersTable consultation={consultation} /> : <NotAllowed />}
      {canDo(consultation, 'invitations.manage') ? <InvitationsPanel consultation={consultation} /> : null}
    </Flex>
  );
}
