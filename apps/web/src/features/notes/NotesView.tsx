import {
  CLOSE_CODES,
  type ConsultationDetail,
  type GuidingQuestion,
  NOTES_GENERAL_FRAGMENT,
  notesCursorField,
  notesQuestionFragmentName,
} from '@cw/shared';
import { Badge, Callout, Flex, Heading, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../lib/list-format';
import type { CollabSession } from '../../collab/paper-session';
import { sessionSaveStatus } from '../../collab/save-status';
import { usePaperSessionState, usePaperSessionValue } from '../../collab/usePaperSession';
import { formatInstant } from '../../lib/time-format';
import { ErrorCallout } from '../../ui/ErrorCallout';
import { useWarnBeforeLeaving } from '../../ui/useWarnBeforeLeaving';
import { canDo } from '../consultations/useConsultations';
import { PresenceList } from '../paper/PresenceList';
import { notesAccessOf } from './notes-access';
import { NotesEditor } from './NotesEditor';
import { NotesFindings } from './NotesFindings';
import { PublishNotes } from './PublishNotes';
import { useNotesCheck } from './useNotesCheck';
import '../paper/paper.css';

const CONNECTION_COLOUR = {
  connecting: 'gray',
  connected: 'green',
  offline: 'amber',
  paused: 'amber',
  closed: 'red',
} as const;

/** Connection and save state of the notes, and who else has them open, in words. */
function NotesBar({ session, isEditable }: { session: CollabSession; isEditable: boolean }) {
  const { t } = useTranslation();
  const state = usePaperSessionState(session);
  useWarnBeforeLeaving(sessionSaveStatus(state) !== 'saved');
  const save = sessionSaveStatus(state);
  return (
    <Flex direction="column" gap="2" className="paper-bar">
      <Flex align="center" gap="3" wrap="wrap">
        <Text as="p" size="2" role="status" className="paper-status">
          <Badge color={CONNECTION_COLOUR[state.connection]} highContrast>
            {t(`paper.connection.${state.connection}`)}
          </Badge>
        </Text>
        {isEditable && state.connection !== 'closed' ? (
          <Text as="p" size="2" className="paper-status" data-save-status={save}>
            {t(`paper.save.${save}`)}
          </Text>
        ) : null}
        {isEditable ? null : (
          <Badge color="gray" highContrast size="2">
            {t('paper.readOnly.badge')}
          </Badge>
        )}
      </Flex>
      {state.connection === 'closed' ? (
        <Callout.Root color="red" highContrast role="alert">
          <Callout.Text>
            {state.closeCode === CLOSE_CODES.NOT_FOUND
              ? t('notes.closed.notAllowed')
              : state.closeCode === CLOSE_CODES.UNAUTHENTICATED
                ? t('paper.closed.sessionEnded')
                : t('notes.closed.other')}
          </Callout.Text>
        </Callout.Root>
      ) : null}
      <PresenceList awareness={session.awareness} alone={t('notes.alone')} />
    </Flex>
  );
}

/** The notes' parts: one per guiding question of the session, by number, then the general notes. */
function notesParts(questions: readonly GuidingQuestion[], sessionId: string) {
  return [
    ...questions.map((question) => ({
      key: question.id,
      fragmentName: notesQuestionFragmentName(question.id),
      cursorField: notesCursorField(sessionId, question.id),
      question,
    })),
    {
      key: NOTES_GENERAL_FRAGMENT,
      fragmentName: NOTES_GENERAL_FRAGMENT,
      cursorField: notesCursorField(sessionId, null),
      question: null,
    },
  ];
}

/**
 * An agenda session's notes, written live by its rapporteurs and the organisers (issue 18): one
 * editor per guiding question and one for general notes, the Chatham House check as they write,
 * and — for editors — publishing them to every member.
 */
export function NotesView({
  consultation,
  sessionId,
  session,
}: {
  consultation: ConsultationDetail;
  sessionId: string;
  session: CollabSession;
}) {
  const { t, i18n } = useTranslation();
  const serverAccess = usePaperSessionValue(session, (state) => state.serverAccess);
  const isEditable = (serverAccess ?? notesAccessOf(consultation, sessionId)) === 'edit';
  const [activePart, setActivePart] = useState<string | null>(null);
  const check = useNotesCheck(consultation.id, sessionId, session);
  const state = consultation.sessionNotes.find((entry) => entry.sessionId === sessionId);
  const questions = consultation.questions
    .filter((question) => question.sessionId === sessionId)
    .sort((a, b) => a.number - b.number);

  return (
    <Flex direction="column" gap="4">
      <Text as="p" size="2">
        {state && state.rapporteurs.length > 0
          ? t('notes.rapporteurs', {
              names: formatList(
                state.rapporteurs.map((r) => r.name),
                i18n.language,
              ),
            })
          : t('notes.noRapporteurs')}
      </Text>
      <Text as="p" size="2" color="gray" highContrast>
        {state?.publishedAt
          ? t('notes.publishedAt', { time: formatInstant(state.publishedAt, i18n.language) })
          : t('notes.notPublished')}
      </Text>
      <NotesBar session={session} isEditable={isEditable} />

      <section aria-labelledby="notes-check-heading">
        <Flex direction="column" gap="2">
          <Heading as="h2" size="4" id="notes-check-heading">
            {t('notes.check.title')}
          </Heading>
          <Text as="p" size="2">
            {t('notes.check.intro')}
          </Text>
          {check.data ? (
            <NotesFindings findings={check.data.findings} questions={questions} />
          ) : check.error ? (
            <ErrorCallout error={check.error} />
          ) : (
            <Text size="2">{t('notes.check.running')}</Text>
          )}
          {canDo(consultation, 'notes.publish') ? (
            <Flex>
              <PublishNotes
                consultationId={consultation.id}
                sessionId={sessionId}
                questions={questions}
                isPublished={Boolean(state?.publishedAt)}
              />
            </Flex>
          ) : null}
        </Flex>
      </section>

      {notesParts(questions, sessionId).map((part) => {
        const heading = part.question
          ? t('notes.question', { number: part.question.number, text: part.question.text })
          : t('notes.general');
        return (
          <section key={part.key} aria-labelledby={`notes-part-${part.key}`}>
            <Flex direction="column" gap="2">
              <Heading as="h2" size="4" id={`notes-part-${part.key}`}>
                {heading}
              </Heading>
              <NotesEditor
                session={session}
                fragmentName={part.fragmentName}
                cursorField={part.cursorField}
                label={
                  part.question
                    ? t('notes.questionLabel', { number: part.question.number })
                    : t('notes.generalLabel')
                }
                isEditable={isEditable}
                isActive={activePart === part.key}
                onFocus={() => setActivePart(part.key)}
              />
            </Flex>
          </section>
        );
      })}
    </Flex>
  );
}
