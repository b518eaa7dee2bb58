import type { ConsultationDetail, Thread } from '@cw/shared';
import { Flex, Heading, Link, Text } from '@radix-ui/themes';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { ErrorCallout } from '../../ui/ErrorCallout';
import { LoadingState } from '../../ui/LoadingState';
import { questionsByAgenda, threadsByQuestion } from './question-agenda';
import { SearchResults } from '../search/SearchResults';
import { searchFromAddress } from '../search/search-query';
import { filtersFromSearch } from './thread-filters';
import { ThreadCardList } from './ThreadCard';
import { ThreadFilters } from './ThreadFilters';
import { EMPTY_THREADS_ID } from './thread-focus';
import { useThreadActions, useThreads } from './useThreads';
import './threads.css';

/** The editors' work: open input, unless they ask for other threads. */
const TRIAGE_STATUS = 'open';

/** Threads of one question grouped by the section they are anchored in; unanchored ones last. */
function bySection(threads: readonly Thread[], consultation: ConsultationDetail) {
  const sections = [...consultation.sections].sort((a, b) => a.position - b.position);
  const groups = sections
    .map((section) => ({
      section,
      threads: threads.filter((thread) => thread.anchor?.sectionId === section.id),
    }))
    .filter((group) => group.threads.length > 0);
  const unanchored = threads.filter(
    (thread) => !thread.anchor || !sections.some((section) => section.id === thread.anchor?.sectionId),
  );
  return unanchored.length > 0 ? [...groups, { section: null, threads: unanchored }] : groups;
}

/** The editors' work list: open threads by question and section, oldest first, resolved in place. */
export function TriageView({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const filters = useMemo(
    () => filtersFromSearch(search, consultation, TRIAGE_STATUS),
    [search, consultation],
  );
  const query = searchFromAddress(search);
  // A search shows its results in place of the list.
  const threads = useThreads(consultation.id, filters, query === undefined);
  const actions = useThreadActions(consultation.id);
  const grouped = useMemo(() => threadsByQuestion(threads.data ?? []), [threads.data]);
  const questions = [...questionsByAgenda(consultation).flatMap((block) => block.questions), null];

  return (
    <Flex direction="column" gap="5">
      <ThreadFilters
        consultation={consultation}
        filters={['status', 'section']}
        defaultStatus={TRIAGE_STATUS}
      />
      {query ? (
        <SearchResults consultation={consultation} query={{ ...filters, q: query }} />
      ) : threads.isPending ? (
        <LoadingState />
      ) : threads.error ? (
        <ErrorCallout error={threads.error} />
      ) : threads.data.length === 0 ? (
        <Text as="p" id={EMPTY_THREADS_ID} tabIndex={-1}>
          {t('threads.triage.empty')}
        </Text>
      ) : (
        questions.map((question) => {
          const own = grouped.get(question?.id ?? null) ?? [];
          if (own.length === 0) return null;
          const headingId = `triage-${question?.id ?? 'general'}`;
          return (
            <section key={question?.id ?? 'general'} aria-labelledby={headingId}>
              <Flex direction="column" gap="3">
                <Heading as="h2" size="4" id={headingId}>
                  {question
                    ? t('threads.triage.question', { number: question.number, text: question.text })
                    : t('threads.general')}
                </Heading>
                {bySection(own, consultation).map(({ section, threads: inSection }) => (
                  <Flex key={section?.id ?? 'none'} direction="column" gap="2">
                    <Heading as="h3" size="3">
                      {section ? (
                        <Link asChild>
                          <RouterLink to={`/consultations/${consultation.id}/paper#section-${section.id}`}>
                            {t('paper.sectionHeading', { number: section.number, title: section.title })}
                          </RouterLink>
                        </Link>
                      ) : (
                        t('threads.triage.unanchored')
                      )}
                    </Heading>
                    <ThreadCardList threads={inSection} consultation={consultation} actions={actions} />
                  </Flex>
                ))}
              </Flex>
            </section>
          );
        })
      )}
    </Flex>
  );
}
