import { Flex, Heading } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { usePaperSession } from '../collab/usePaperSession';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { canDo } from '../features/consultations/useConsultations';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { PaperView } from '../features/paper/PaperView';
import { LoadingState } from '../ui/LoadingState';
import { NotAllowed } from '../ui/NotAllowed';
import { usePageTitle } from '../ui/usePageTitle';

/** The shared paper; loaded on demand so the editor stays out of the first screen's bundle. */
export function PaperRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  usePageTitle(t('paper.pageTitle'));
  return (
    <Flex direction="column" gap="4">
      <Heading as="h1">{t('paper.pageTitle')}</Heading>
      {canDo(consultation, 'paper.read') ? <OpenPaper /> : <NotAllowed />}
    </Flex>
  );
}

function OpenPaper() {
  const { data: user } = useCurrentUser();
  return user ? <PaperOfUser userId={user.id} /> : <LoadingState />;
}

function PaperOfUser({ userId }: { userId: string }) {
  const consultation = useCurrentConsultation();
  const session = usePaperSession(consultation.id, userId);
  return session ? <PaperView consultation={consultation} session={session} /> : <LoadingState />;
}
