import { Callout, Flex, Heading } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useNotesSession } from '../collab/usePaperSession';
import { SessionTimes } from '../features/agenda/SessionTimes';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { useCurrentConsultation } from '../features/consultations/useCurrentConsultation';
import { notesAccessOf } from '../features/notes/notes-access';
import { NotesView } from '../features/notes/NotesView';
import { LoadingState } from '../ui/LoadingState';
import { usePageTitle } from '../ui/usePageTitle';

/** An agenda session's notes, for its rapporteurs and the organisers; loaded with the editor. */
export function NotesRoute() {
  const { t } = useTranslation();
  const consultation = useCurrentConsultation();
  const { sessionId = '' } = useParams();
  const session = consultation.sessions.find((entry) => entry.id === sessionId);
  usePageTitle(session ? t('notes.pageTitle', { title: session.title }) : t('notes.notFound'));
  if (!session) {
    return (
      <Flex direction="column" gap="4">
        <Heading as="h1">{t('notes.notFound')}</Heading>
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="4">
      <Heading as="h1">{t('notes.pageTitle', { title: session.title })}</Heading>
      <SessionTimes startsAt={session.startsAt} endsAt={session.endsAt} timeZone={consultation.timezone} />
      {notesAccessOf(consultation, sessionId) ? (
        <OpenNotes sessionId={sessionId} />
      ) : (
        <Callout.Root color="amber" highContrast>
          <Callout.Text>{t('notes.notAllowed')}</Callout.Text>
        </Callout.Root>
      )}
    </Flex>
  );
}

function OpenNotes({ sessionId }: { sessionId: string }) {
  const { data: user } = useCurrentUser();
  return user ? <NotesOfUser userId={user.id} sessionId={sessionId} /> : <LoadingState />;
}

function NotesOfUser({ userId, sessionId }: { userId: string; sessionId: string }) {
  const consultation = useCurrentConsultation();
  const session = useNotesSession(consultation.id, sessionId, userId);
  return session ? (
    <NotesView consultation={consultation} sessionId={sessionId} session={session} />
  ) : (
    <LoadingState />
  );
}
