import type { ConsultationDetail, GuidingQuestion, Section } from '@cw/shared';
import { Card, Flex, Heading, Link as ThemeLink, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../lib/time-format';
import { canDo } from '../consultations/useConsultations';
import { notesAccessOf } from '../notes/notes-access';
import { RapporteursDialog } from '../notes/RapporteursDialog';
import { buildAgenda } from './agenda-model';
import { SessionTimes } from './SessionTimes';

/** The consultation's agenda: sessions with their sections and guiding questions, then the rest. */
export function AgendaView({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const agenda = buildAgenda(consultation);
  const isEmpty =
    agenda.entries.length === 0 &&
    agenda.unscheduledSections.length === 0 &&
    agenda.unscheduledQuestions.length === 0;

  return (
    <section aria-labelledby="agenda-heading">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="5" id="agenda-heading">
          {t('agenda.title')}
        </Heading>
        {isEmpty ? <Text>{t('agenda.empty')}</Text> : null}
        <ol className="plain-list agenda-list">
          {agenda.entries.map(({ session, sections, questions }) => (
            <li key={session.id}>
              <Card>
                <Flex direction="column" gap="2">
                  <Heading as="h3" size="4">
                    {session.title}
                  </Heading>
                  <SessionTimes
                    startsAt={session.startsAt}
                    endsAt={session.endsAt}
                    timeZone={consultation.timezone}
                  />
                  {session.speakers.length > 0 ? (
                    <Text size="2">{t('agenda.speakers', { speakers: session.speakers.join(', ') })}</Text>
                  ) : null}
                  {session.description ? (
                    <Text as="p" size="2">
                      {session.description}
                    </Text>
                  ) : null}
                  <SectionList sections={sections} />
                  <QuestionList questions={questions} />
                  <SessionNotesLine
                    consultation={consultation}
                    sessionId={session.id}
                    title={session.title}
                  />
                </Flex>
              </Card>
            </li>
          ))}
        </ol>
        {agenda.unscheduledSections.length > 0 || agenda.unscheduledQuestions.length > 0 ? (
          <Card>
            <Flex direction="column" gap="2">
              <Heading as="h3" size="4">
                {t('agenda.unscheduled')}
              </Heading>
              <SectionList sections={agenda.unscheduledSections} />
              <QuestionList questions={agenda.unscheduledQuestions} />
            </Flex>
          </Card>
        ) : null}
      </Flex>
    </section>
  );
}

/**
 * Who writes the session's notes (the organisers see every rapporteur, others only themselves),
 * whether they are published, and the way to them for those who may open them.
 */
function SessionNotesLine({
  consultation,
  sessionId,
  title,
}: {
  consultation: ConsultationDetail;
  sessionId: string;
  title: string;
}) {
  const { t, i18n } = useTranslation();
  const state = consultation.sessionNotes.find((entry) => entry.sessionId === sessionId);
  const rapporteurs = state?.rapporteurs ?? [];
  const names = rapporteurs.map((rapporteur) => (rapporteur.isYou ? t('agenda.you') : rapporteur.name));
  const mayManage = canDo(consultation, 'rapporteurs.manage');
  const mayOpen = notesAccessOf(consultation, sessionId) !== null;
  if (names.length === 0 && !state?.publishedAt && !mayManage && !mayOpen) return null;
  return (
    <Flex direction="column" gap="1">
      {names.length > 0 || mayManage ? (
        <Flex gap="2" align="center" wrap="wrap">
          <Text size="2">
            {names.length > 0
              ? t('agenda.rapporteurs', { names: names.join(', ') })
              : t('agenda.noRapporteurs')}
          </Text>
          {mayManage ? (
            <RapporteursDialog
              consultationId={consultation.id}
              sessionId={sessionId}
              sessionTitle={title}
              rapporteurs={rapporteurs}
            />
          ) : null}
        </Flex>
      ) : null}
      {state?.publishedAt ? (
        <Text size="2" color="gray" highContrast>
          {t('agenda.notesPublished', { time: formatInstant(state.publishedAt, i18n.language) })}
        </Text>
      ) : null}
      {mayOpen ? (
        <Text size="2">
          <ThemeLink asChild>
            <Link to={`/consultations/${consultation.id}/notes/${sessionId}`}>
              {t('agenda.openNotes', { title })}
            </Link>
          </ThemeLink>
        </Text>
      ) : null}
    </Flex>
  );
}

function SectionList({ sections }: { sections: Section[] }) {
  const { t } = useTranslation();
  if (sections.length === 0) return null;
  return (
    <Flex direction="column" gap="1">
      <Text size="2" weight="bold">
        {t('agenda.sections')}
      </Text>
      <ul className="plain-list">
        {sections.map((section) => (
          <li key={section.id}>
            <Text size="2">{t('agenda.sectionLine', { number: section.number, title: section.title })}</Text>
          </li>
        ))}
      </ul>
    </Flex>
  );
}

function QuestionList({ questions }: { questions: GuidingQuestion[] }) {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <Flex direction="column" gap="1">
      <Text size="2" weight="bold">
        {t('agenda.questions')}
      </Text>
      <ul className="plain-list">
        {questions.map((question) => (
          <li key={question.id}>
            <Text size="2">{t('agenda.questionLine', { number: question.number, text: question.text })}</Text>
          </li>
        ))}
      </ul>
    </Flex>
  );
}
