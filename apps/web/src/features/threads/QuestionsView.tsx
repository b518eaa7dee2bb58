import type { ConsultationDetail, GuidingQuestion, QuestionSummary, Thread } from '@cw/shared';
import { Badge, Flex, Heading, Text } from '@radix-ui/themes';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { ErrorCallout } from '../../ui/ErrorCallout';
import { LoadingState } from '../../ui/LoadingState';
import { canDo } from '../consultations/useConsultations';
import { useFollowedSession } from '../live/LiveFollow';
import { NewThreadForm } from './NewThreadForm';
import { questionsByAgenda, threadsByQuestion } from './question-agenda';
import { SearchResults } from '../search/SearchResults';
import { searchFromAddress } from '../search/search-query';
import { filtersFromSearch } from './thread-filters';
import { ThreadCardList } from './ThreadCard';
import { ThreadFilters } from './ThreadFilters';
import { useQuestionSummary, useThreadActions, useThreads } from './useThreads';
import './threads.css';

/** Agenda → guiding question → its threads, then general input; filters in the address. */
export function QuestionsView({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search, consultation), [search, consultation]);
  const query = searchFromAddress(search);
  // A search shows its results in place of the list.
  const threads = useThreads(consultation.id, filters, query === undefined);
  const summary = useQuestionSummary(consultation.id);
  const actions = useThreadActions(consultation.id);
  const agenda = useMemo(() => questionsByAgenda(consultation), [consultation]);
  const grouped = useMemo(() => threadsByQuestion(threads.data ?? []), [threads.data]);
  const counts = new Map((summary.data ?? []).map((entry) => [entry.questionId, entry]));
  const { hash } = useLocation();
  const hasThreads = threads.data !== undefined;
  const liveFocus = useFollowedSession(consultation.id)?.focus;
  const liveQuestionId = liveFocus?.kind === 'question' ? liveFocus.id : null;

  // A notification links to its thread; the list renders after the address changes.
  useEffect(() => {
    if (hasThreads && hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [hasThreads, hash]);

  return (
    <Flex direction="column" gap="5">
      <ThreadFilters consultation={consultation} />
      {query ? (
        <SearchResults consultation={consultation} query={{ ...filters, q: query }} />
      ) : threads.isPending ? (
        <LoadingState />
      ) : threads.error ? (
        <ErrorCallout error={threads.error} />
      ) : (
        <>
          {agenda.map((block) => (
            <section
              key={block.sessionId ?? 'none'}
              aria-label={block.title ?? t('threads.questions.noSession')}
            >
              <Flex direction="column" gap="4">
                <Heading as="h2" size="5">
                  {block.title ?? t('threads.questions.noSession')}
                </Heading>
                {block.questions.map((question) => (
                  <QuestionThreads
                    key={question.id}
                    consultation={consultation}
                    question={question}
                    threads={grouped.get(question.id) ?? []}
                    counts={counts.get(question.id)}
                    actions={actions}
                    isLive={question.id === liveQuestionId}
                  />
                ))}
              </Flex>
            </section>
          ))}
          <QuestionThreads
            consultation={consultation}
            question={null}
            threads={grouped.get(null) ?? []}
            counts={counts.get(null)}
            actions={actions}
            isLive={false}
          />
        </>
      )}
    </Flex>
  );
}

function QuestionThreads({
  consultation,
  question,
  threads,
  counts,
  actions,
  isLive,
}: {
  consultation: ConsultationDetail;
  question: GuidingQuestion | null;
  threads: readonly Thread[];
  counts: QuestionSummary | undefined;
  actions: ReturnType<typeof useThreadActions>;
  /** The room discusses it live, and the member follows the facilitator. */
  isLive: boolean;
}) {
  const { t } = useTranslation();
  const headingId = `question-${question?.id ?? 'general'}`;
  return (
    <section
      aria-labelledby={headingId}
      className={isLive ? 'live-focus' : undefined}
      aria-current={isLive ? 'true' : undefined}
    >
      <Flex direction="column" gap="3">
        {isLive ? (
          <Flex>
            <Badge color="red" highContrast>
              {t('live.agenda.current')}
            </Badge>
          </Flex>
        ) : null}
        <Heading as="h3" size="4" id={headingId}>
          {question ? t('paper.questions.number', { number: question.number }) : t('threads.general')}
          {question ? (
            <Text as="span" weight="regular" className="preserve-lines">
              {' '}
              {question.text}
            </Text>
          ) : null}
        </Heading>
        <Text size="2" color="gray" highContrast>
          {t('threads.questions.counts', { open: counts?.open ?? 0, resolved: counts?.resolved ?? 0 })}
        </Text>
        {canDo(consultation, 'threads.create') ? (
          <NewThreadForm questionId={question?.id ?? null} actions={actions} />
        ) : null}
        {threads.length === 0 ? (
          <Text as="p" size="2">
            {t('threads.questions.empty')}
          </Text>
        ) : (
          <ThreadCardList threads={threads} consultation={consultation} actions={actions} />
        )}
      </Flex>
    </section>
  );
}
