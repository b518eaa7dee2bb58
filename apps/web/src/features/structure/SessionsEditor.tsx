import type { AgendaSession, ConsultationDetail, SessionBody } from '@cw/shared';
import { Button, Card, Flex, Heading, Separator, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormAlert } from '../../ui/ErrorCallout';
import { SessionTimes } from '../agenda/SessionTimes';
import { createSession, deleteSession, replaceSession } from './api';
import { SessionForm } from './SessionForm';
import { useStructureMutation } from './useStructureMutation';

/** The agenda sessions: add, edit (one at a time), delete. */
export function SessionsEditor({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const sessions = [...consultation.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const add = useStructureMutation(consultation.id, (body: SessionBody) =>
    createSession(consultation.id, body),
  );
  const sections = [...consultation.sections].sort((a, b) => a.position - b.position);

  return (
    <section aria-labelledby="sessions-heading">
      <Card>
        <Flex direction="column" gap="3">
          <Heading as="h2" size="5" id="sessions-heading">
            {t('structure.sessions.title')}
          </Heading>
          {sessions.length === 0 ? <Text>{t('structure.sessions.empty')}</Text> : null}
          <ol className="plain-list">
            {sessions.map((session) => (
              <li key={session.id}>
                {editingId === session.id ? (
                  <EditSession
                    consultation={consultation}
                    session={session}
                    onDone={() => setEditingId(null)}
                  />
                ) : (
                  <SessionSummary
                    consultation={consultation}
                    session={session}
                    onEdit={() => setEditingId(session.id)}
                  />
                )}
                <Separator size="4" my="2" />
              </li>
            ))}
          </ol>
          <Heading as="h3" size="4">
            {t('structure.sessions.add')}
          </Heading>
          <SessionForm
            key={formKey}
            sections={sections}
            timeZone={consultation.timezone}
            submitLabel={t('structure.sessions.add')}
            isPending={add.isPending}
            error={add.error}
            onSubmit={(body, callbacks) =>
              add.mutate(body, { onSuccess: () => setFormKey((key) => key + 1), ...callbacks })
            }
          />
        </Flex>
      </Card>
    </section>
  );
}

function SessionSummary({
  consultation,
  session,
  onEdit,
}: {
  consultation: ConsultationDetail;
  session: AgendaSession;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const remove = useStructureMutation(consultation.id, () => deleteSession(consultation.id, session.id));
  return (
    <Flex direction="column" gap="2">
      <Text weight="bold">{session.title}</Text>
      <SessionTimes startsAt={session.startsAt} endsAt={session.endsAt} timeZone={consultation.timezone} />
      <Flex gap="2">
        <Button size="1" variant="soft" onClick={onEdit}>
          {t('structure.sessions.edit', { title: session.title })}
        </Button>
        <ConfirmDialog
          trigger={
            <Button size="1" variant="soft" color="red" loading={remove.isPending}>
              {t('structure.sessions.delete', { title: session.title })}
            </Button>
          }
          title={t('structure.sessions.deleteTitle', { title: session.title })}
          description={t('structure.sessions.deleteDescription')}
          confirmLabel={t('structure.sessions.deleteConfirm')}
          isDestructive
          onConfirm={() => remove.mutate(undefined)}
        />
      </Flex>
      <FormAlert error={remove.error} />
    </Flex>
  );
}

function EditSession({
  consultation,
  session,
  onDone,
}: {
  consultation: ConsultationDetail;
  session: AgendaSession;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useStructureMutation(consultation.id, (body: SessionBody) =>
    replaceSession(consultation.id, session.id, body),
  );
  return (
    <Flex direction="column" gap="2">
      <SessionForm
        session={session}
        sections={[...consultation.sections].sort((a, b) => a.position - b.position)}
        timeZone={consultation.timezone}
        submitLabel={t('common.save')}
        isPending={save.isPending}
        error={save.error}
        onSubmit={(body, callbacks) => save.mutate(body, { onSuccess: onDone, ...callbacks })}
      />
      <Flex>
        <Button size="1" variant="soft" color="gray" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Flex>
    </Flex>
  );
}
