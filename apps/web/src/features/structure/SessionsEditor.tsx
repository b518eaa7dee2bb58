import type { AgendaSession, ConsultationDetail, SessionBody } from '@cw/shared';
import { Flex, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { SessionTimes } from '../agenda/SessionTimes';
import { createSession, deleteSession, replaceSession } from './api';
import { EditableList } from './EditableList';
import { SessionForm } from './SessionForm';

/** The agenda sessions: add, edit (one at a time), delete. */
export function SessionsEditor({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const sessions = [...consultation.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const sections = [...consultation.sections].sort((a, b) => a.position - b.position);

  return (
    <EditableList<AgendaSession, SessionBody>
      consultationId={consultation.id}
      headingId="sessions-heading"
      texts={{
        title: t('structure.sessions.title'),
        empty: t('structure.sessions.empty'),
        add: t('structure.sessions.add'),
        deleteDescription: t('structure.sessions.deleteDescription'),
        deleteConfirm: t('structure.sessions.deleteConfirm'),
      }}
      items={sessions}
      labels={({ title }) => ({
        edit: t('structure.sessions.edit', { title }),
        delete: t('structure.sessions.delete', { title }),
        deleteTitle: t('structure.sessions.deleteTitle', { title }),
      })}
      summary={(session) => (
        <Flex direction="column" gap="1">
          <Text weight="bold">{session.title}</Text>
          <SessionTimes
            startsAt={session.startsAt}
            endsAt={session.endsAt}
            timeZone={consultation.timezone}
          />
        </Flex>
      )}
      form={({ item, ...props }) => (
        <SessionForm session={item} sections={sections} timeZone={consultation.timezone} {...props} />
      )}
      create={(body) => createSession(consultation.id, body)}
      replace={(id, body) => replaceSession(consultation.id, id, body)}
      remove={(id) => deleteSession(consultation.id, id)}
    />
  );
}
