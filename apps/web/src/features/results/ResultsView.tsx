import type { ConsultationResults, ResultSuggestion, ResultThread } from '@cw/shared';
import { Badge, Callout, Card, Checkbox, Flex, Heading, Text } from '@radix-ui/themes';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shownGroupLabel } from '../../lib/group-label';
import { FigureTable } from '../dashboard/FigureTable';
import { useSuggestionDescription } from '../paper/useSuggestionDescription';
import { CommentBody } from '../threads/CommentBody';
import { SessionNotesResults } from './SessionNotesResults';
import './results.css';

const PARTICIPATION = ['invited', 'joined', 'active'] as const;

/** One piece of input and what became of it: the outcome, and the editors' reason. */
function Disposition({ outcome, reason, isYours }: { outcome: string; reason: string; isYours: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex direction="column" gap="1">
      <Flex gap="2" align="center" wrap="wrap">
        <Badge highContrast>{outcome}</Badge>
        {isYours ? (
          <Badge color="blue" highContrast>
            {t('results.yours')}
          </Badge>
        ) : null}
      </Flex>
      {reason ? (
        <Text as="p" size="2" className="preserve-lines">
          {t('results.reason', { reason })}
        </Text>
      ) : null}
    </Flex>
  );
}

function ThreadResult({ thread }: { thread: ResultThread }) {
  const { t } = useTranslation();
  return (
    <Card asChild>
      <li>
        <Flex direction="column" gap="2">
          <Text as="p" size="1" color="gray" highContrast>
            {shownGroupLabel(t, thread.label)}
            {thread.section
              ? ` · ${t('paper.sectionHeading', { number: thread.section.number, title: thread.section.title })}`
              : null}
          </Text>
          {thread.quote ? <blockquote className="results-quote user-text">{thread.quote}</blockquote> : null}
          {thread.opening === null ? (
            <Text as="p" size="2" color="gray" highContrast>
              {t('results.notShown')}
            </Text>
          ) : (
            <CommentBody body={thread.opening} />
          )}
          <Disposition
            outcome={thread.outcome ? t(`threads.outcomes.${thread.outcome}`) : t('results.open')}
            reason={thread.reason}
            isYours={thread.isYours}
          />
        </Flex>
      </li>
    </Card>
  );
}

function SuggestionResult({ suggestion }: { suggestion: ResultSuggestion }) {
  const { t } = useTranslation();
  const describe = useSuggestionDescription();
  return (
    <Card asChild>
      <li>
        <Flex direction="column" gap="2">
          <Text as="p" size="1" color="gray" highContrast>
            {shownGroupLabel(t, suggestion.label)}
          </Text>
          <Text as="p" size="2">
            {describe({ inserted: suggestion.insertedText, deleted: suggestion.deletedText })}
          </Text>
          <Disposition
            outcome={t(`results.suggestionOutcomes.${suggestion.outcome}`)}
            reason={suggestion.reason}
            isYours={suggestion.isYours}
          />
        </Flex>
      </li>
    </Card>
  );
}

/** A titled list of results, or nothing when it is empty. */
function ResultGroup({ title, children, count }: { title: string; children: ReactNode; count: number }) {
  const headingId = useId();
  if (count === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <Flex direction="column" gap="2">
        <Heading as="h3" size="3" id={headingId}>
          {title}
        </Heading>
        <ul className="plain-list results-list">{children}</ul>
      </Flex>
    </section>
  );
}

/** What the callout above the results says they are. */
function statusKey(results: ConsultationResults) {
  if (results.isPublished) return 'results.published' as const;
  // Members before publication read the session notes published so far, and nothing else.
  return results.participation === null ? ('results.notesOnly' as const) : ('results.preview' as const);
}

/**
 * The summary notes of each agenda session, then how input was taken into account (SPEC §5), by
 * guiding question and section, and who took part, as published figures. Nobody is named; a
 * member can narrow the input to their own.
 */
export function ResultsView({ results, timeZone }: { results: ConsultationResults; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <Flex direction="column" gap="5">
      <Callout.Root
        color={results.isPublished ? 'green' : 'amber'}
        variant="surface"
        role="note"
        highContrast
      >
        <Callout.Text>{t(statusKey(results))}</Callout.Text>
      </Callout.Root>

      <SessionNotesResults sessions={results.sessions} timeZone={timeZone} kThreshold={results.kThreshold} />

      {results.participation === null ? null : (
        <AccountAndParticipation results={results} participation={results.participation} />
      )}
    </Flex>
  );
}

/** How input was taken into account, and who took part: published with the consultation. */
function AccountAndParticipation({
  results,
  participation,
}: {
  results: ConsultationResults;
  participation: NonNullable<ConsultationResults['participation']>;
}) {
  const { t } = useTranslation();
  const [onlyYours, setOnlyYours] = useState(false);
  const threads = results.threads.filter((thread) => !onlyYours || thread.isYours);
  const suggestions = results.suggestions.filter((suggestion) => !onlyYours || suggestion.isYours);
  const sections = [...new Map(suggestions.map((s) => [s.section.id, s.section])).values()];
  const onQuestion = (questionId: string | null) =>
    threads.filter((thread) => thread.questionId === questionId);
  const hasYours = results.threads.some((t) => t.isYours) || results.suggestions.some((s) => s.isYours);
  const participationCaption = t('results.participation.caption');
  return (
    <>
      <section aria-labelledby="results-account-heading">
        <Flex direction="column" gap="4">
          <Heading as="h2" size="5" id="results-account-heading">
            {t('results.account.title')}
          </Heading>
          {hasYours ? (
            <Text as="label" size="2">
              <Flex gap="2" align="center">
                <Checkbox checked={onlyYours} onCheckedChange={(checked) => setOnlyYours(checked === true)} />
                {t('results.onlyYours')}
              </Flex>
            </Text>
          ) : null}
          {threads.length === 0 && suggestions.length === 0 ? (
            <Text as="p">{t('results.account.empty')}</Text>
          ) : null}
          {results.questions.map((question) => (
            <ResultGroup
              key={question.id}
              title={t('results.account.question', { number: question.number, text: question.text })}
              count={onQuestion(question.id).length}
            >
              {onQuestion(question.id).map((thread) => (
                <ThreadResult key={thread.id} thread={thread} />
              ))}
            </ResultGroup>
          ))}
          <ResultGroup title={t('threads.general')} count={onQuestion(null).length}>
            {onQuestion(null).map((thread) => (
              <ThreadResult key={thread.id} thread={thread} />
            ))}
          </ResultGroup>
          {sections.map((section) => {
            const inSection = suggestions.filter((suggestion) => suggestion.section.id === section.id);
            return (
              <ResultGroup
                key={section.id}
                title={t('results.account.suggestions', { number: section.number, title: section.title })}
                count={inSection.length}
              >
                {inSection.map((suggestion, index) => (
                  <SuggestionResult key={index} suggestion={suggestion} />
                ))}
              </ResultGroup>
            );
          })}
        </Flex>
      </section>

      <section aria-labelledby="results-participation-heading">
        <Flex direction="column" gap="3">
          <Heading as="h2" size="5" id="results-participation-heading">
            {t('results.participation.title')}
          </Heading>
          <Text as="p" size="2">
            {t('results.participation.intro', { k: results.kThreshold })}
          </Text>
          <FigureTable
            caption={participationCaption}
            rows={participation.rows.map((row) => ({ key: row.label, label: shownGroupLabel(t, row.label) }))}
            columns={PARTICIPATION.map((figure) => ({
              key: figure,
              label: t(`dashboard.participation.${figure}`),
            }))}
            cells={participation.rows.map((row) => PARTICIPATION.map((figure) => row.figures[figure]))}
            columnTotals={PARTICIPATION.map((figure) => participation.total[figure])}
          />
        </Flex>
      </section>
    </>
  );
}
