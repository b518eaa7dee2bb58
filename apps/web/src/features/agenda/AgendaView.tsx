import type { AgendaSession, ConsultationDetail, GuidingQuestion, LiveFocus, Section } from '@cw/shared';
import { Badge, Button, Card, Flex, Heading, Link as ThemeLink, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../lib/list-format';
import { Link } from 'react-router';
import { formatInstant } from '../../lib/time-format';
import { FormAlert } from '../../ui/ErrorCallout';
import { canDo } from '../consultations/useConsultations';
import { useLive, useLiveActions } from '../live/useLive';
import { notesAccessOf } from '../notes/notes-access';
import { RapporteursDialog } from '../notes/RapporteursDialog';
import { buildAgenda } from './agenda-model';
import { SessionTimes } from './SessionTimes';

/** What the room discusses in the item running live, and how a facilitator moves it. */
interface LiveFocusControl {
  focus: LiveFocus | null;
  /** Present for facilitators. */
  onDiscuss?: (focus: LiveFocus) => void;
  isPending: boolean;
}

/**
 * The consultation's agenda: its items — programme items and review sessions with their sections
 * and guiding questions — then the rest. Facilitators start an item live here and move the room's
 * focus within it.
 */
export function AgendaView({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const agenda = buildAgenda(consultation);
  const running = useLive(consultation.id).data?.session ?? null;
  const actions = useLiveActions(consultation.id);
  const isFacilitator = canDo(consultation, 'live.run');
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
        <FormAlert error={actions.error} />
        <ol className="plain-list agenda-list">
          {agenda.entries.map(({ session, sections, questions }) => {
            const isRunning = running?.sessionId === session.id;
            const live: LiveFocusControl | null = isRunning
              ? {
                  focus: running.focus,
                  isPending: actions.isPending,
                  ...(isFacilitator ? { onDiscuss: actions.focus } : {}),
                }
              : null;
            return (
              <li key={session.id}>
                <Card className={isRunning ? 'agenda-item--live' : undefined}>
                  <Flex direction="column" gap="2">
                    <Flex justify="between" align="start" gap="3" wrap="wrap">
                      <AgendaItemHeading session={session} isRunning={isRunning} />
                      {isFacilitator && (running === null || isRunning) ? (
                        <Button
                          variant="soft"
                          color={isRunning ? 'red' : undefined}
                          disabled={actions.isPending}
                          aria-label={t('live.agenda.named', {
                            action: isRunning ? t('live.agenda.end') : t('live.agenda.start'),
                            what: session.title,
                          })}
                          onClick={() => (isRunning ? actions.end() : actions.start(session.id))}
                        >
                          {isRunning ? t('live.agenda.end') : t('live.agenda.start')}
                        </Button>
                      ) : null}
                    </Flex>
                    <SessionTimes
                      startsAt={session.startsAt}
                      endsAt={session.endsAt}
                      timeZone={consultation.timezone}
                    />
                    {session.speakers.length > 0 ? (
                      <Text size="2">{t('agenda.speakers', { speakers: session.speakers.join('; ') })}</Text>
                    ) : null}
                    {session.description ? (
                      <Text as="p" size="2">
                        {session.description}
                      </Text>
                    ) : null}
                    <SectionList sections={sections} live={live} />
                    <QuestionList questions={questions} live={live} />
                    <SessionNotesLine
                      consultation={consultation}
                      sessionId={session.id}
                      title={session.title}
                    />
                  </Flex>
                </Card>
              </li>
            );
          })}
        </ol>
        {agenda.unscheduledSections.length > 0 || agenda.unscheduledQuestions.length > 0 ? (
          <Card>
            <Flex direction="column" gap="2">
              <Heading as="h3" size="4">
                {t('agenda.unscheduled')}
              </Heading>
              <SectionList sections={agenda.unscheduledSections} live={null} />
              <QuestionList questions={agenda.unscheduledQuestions} live={null} />
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
    // Room enough that an Arabic link's tall line box below never covers the button (2.5.8).
    <Flex direction="column" gap="2">
      {names.length > 0 || mayManage ? (
        <Flex gap="2" align="center" wrap="wrap">
          <Text size="2">
            {names.length > 0
              ? t('agenda.rapporteurs', { names: formatList(names, i18n.language) })
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

function AgendaItemHeading({ session, isRunning }: { session: AgendaSession; isRunning: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap="2" wrap="wrap">
      <Heading as="h3" size="4">
        {session.title}
      </Heading>
      {session.kind === 'programme' ? <Badge color="gray">{t('agenda.programme')}</Badge> : null}
      {isRunning ? (
        <Badge color="red" variant="solid" highContrast>
          {t('live.agenda.running')}
        </Badge>
      ) : null}
    </Flex>
  );
}

function SectionList({ sections, live }: { sections: Section[]; live: LiveFocusControl | null }) {
  const { t } = useTranslation();
  if (sections.length === 0) return null;
  return (
    <Flex direction="column" gap="1">
      <Text size="2" weight="bold">
        {t('agenda.sections')}
      </Text>
      <ul className="plain-list agenda-lines">
        {sections.map((section) => (
          <AgendaLine key={section.id} focus={{ kind: 'section', id: section.id }} live={live}>
            {t('agenda.sectionLine', { number: section.number, title: section.title })}
          </AgendaLine>
        ))}
      </ul>
    </Flex>
  );
}

function QuestionList({ questions, live }: { questions: GuidingQuestion[]; live: LiveFocusControl | null }) {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <Flex direction="column" gap="1">
      <Text size="2" weight="bold">
        {t('agenda.questions')}
      </Text>
      <ul className="plain-list agenda-lines">
        {questions.map((question) => (
          <AgendaLine key={question.id} focus={{ kind: 'question', id: question.id }} live={live}>
            {t('agenda.questionLine', { number: question.number, text: question.text })}
          </AgendaLine>
        ))}
      </ul>
    </Flex>
  );
}

/** One section or question of the agenda: marked while the room discusses it, with the facilitator's button. */
function AgendaLine({
  focus,
  live,
  children,
}: {
  focus: LiveFocus;
  live: LiveFocusControl | null;
  children: string;
}) {
  const { t } = useTranslation();
  const isCurrent = live?.focus?.kind === focus.kind && live.focus.id === focus.id;
  return (
    <li className={isCurrent ? 'live-focus' : undefined} aria-current={isCurrent ? 'true' : undefined}>
      <Flex align="center" gap="2" wrap="wrap">
        <Text size="2">{children}</Text>
        {isCurrent ? (
          <Badge color="red" highContrast>
            {t('live.agenda.current')}
          </Badge>
        ) : live?.onDiscuss ? (
          <Button
            size="1"
            variant="ghost"
            disabled={live.isPending}
            aria-label={t('live.agenda.named', { action: t('live.agenda.discuss'), what: children })}
            onClick={() => live.onDiscuss!(focus)}
          >
            {t('live.agenda.discuss')}
          </Button>
        ) : null}
      </Flex>
    </li>
  );
}
