import { INPUT_METRICS, type NoteBlock, type ResultSession } from '@cw/shared';
import { Card, Flex, Heading, Text } from '@radix-ui/themes';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../lib/time-format';
import { SessionTimes } from '../agenda/SessionTimes';
import { FigureTable } from '../dashboard/FigureTable';

/** Blocks of published notes: headings and paragraphs as they are, consecutive items as one list. */
export function NoteBlocks({ blocks }: { blocks: readonly NoteBlock[] }) {
  const groups: NoteBlock[][] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.type === 'item' && last?.[0]?.type === 'item') last.push(block);
    else groups.push([block]);
  }
  return (
    <Flex direction="column" gap="2" className="results-notes">
      {groups.map((group, index) =>
        group[0]!.type === 'item' ? (
          <ul key={index}>
            {group.map((item, itemIndex) => (
              <li key={itemIndex} className="preserve-lines">
                {item.text}
              </li>
            ))}
          </ul>
        ) : (
          <Text
            key={index}
            as="p"
            size="2"
            weight={group[0]!.type === 'heading' ? 'bold' : 'regular'}
            className="preserve-lines"
          >
            {group[0]!.text}
          </Text>
        ),
      )}
    </Flex>
  );
}

function SessionResult({ session, timeZone }: { session: ResultSession; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { notes, figures } = session;
  const answered = notes.questions.filter((question) => question.blocks.length > 0);
  const rows = [
    ...figures.questions.map((row) => {
      const question = notes.questions.find((q) => q.questionId === row.questionId);
      return {
        key: row.questionId,
        label: question ? t('results.sessions.questionRow', { number: question.number }) : '',
        figures: row.figures,
      };
    }),
    ...figures.sections.map((row) => ({
      key: row.sectionId,
      label: t('results.sessions.sectionRow', { number: row.number, title: row.title }),
      figures: row.figures,
    })),
  ];
  return (
    <Card asChild>
      <section aria-labelledby={headingId}>
        <Flex direction="column" gap="3">
          <Heading as="h3" size="4" id={headingId}>
            {session.title}
          </Heading>
          <SessionTimes startsAt={session.startsAt} endsAt={session.endsAt} timeZone={timeZone} />
          <Text as="p" size="1" color="gray" highContrast>
            {notes.publishedAt
              ? t('results.sessions.publishedAt', {
                  time: formatInstant(notes.publishedAt, i18n.language),
                })
              : t('results.sessions.neverPublished')}
          </Text>
          {answered.map((question) => (
            <Flex key={question.questionId} direction="column" gap="1">
              <Heading as="h4" size="3">
                {t('results.account.question', { number: question.number, text: question.text })}
              </Heading>
              <NoteBlocks blocks={question.blocks} />
            </Flex>
          ))}
          {notes.general.length > 0 ? (
            <Flex direction="column" gap="1">
              <Heading as="h4" size="3">
                {t('results.sessions.general')}
              </Heading>
              <NoteBlocks blocks={notes.general} />
            </Flex>
          ) : null}
          <FigureTable
            caption={t('results.sessions.figuresCaption', { title: session.title })}
            rowsHeader={t('results.sessions.rowsHeader')}
            rows={rows}
            columns={INPUT_METRICS.map((metric) => ({
              key: metric,
              label: t(`dashboard.metrics.${metric}`),
            }))}
            cells={rows.map((row) => INPUT_METRICS.map((metric) => row.figures[metric]))}
            columnTotals={INPUT_METRICS.map((metric) => figures.total[metric])}
          />
        </Flex>
      </section>
    </Card>
  );
}

/**
 * The summary notes of each agenda session (issue 18): what its rapporteurs wrote, as published,
 * and the published figures of the input on its questions and sections. Nobody is named.
 */
export function SessionNotesResults({
  sessions,
  timeZone,
  kThreshold,
}: {
  sessions: readonly ResultSession[];
  timeZone: string;
  kThreshold: number;
}) {
  const { t } = useTranslation();
  if (sessions.length === 0) return null;
  return (
    <section aria-labelledby="results-sessions-heading">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="5" id="results-sessions-heading">
          {t('results.sessions.title')}
        </Heading>
        <Text as="p" size="2">
          {t('results.sessions.intro', { k: kThreshold })}
        </Text>
        {sessions.map((session) => (
          <SessionResult key={session.id} session={session} timeZone={timeZone} />
        ))}
      </Flex>
    </section>
  );
}
