import type { ConsultationDetail, HighlightPart, SearchQuery, SearchResult } from '@cw/shared';
import { Card, Flex, Heading, Link, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ErrorCallout } from '../../ui/ErrorCallout';
import { LoadingState } from '../../ui/LoadingState';
import { useAuthorName } from '../threads/useAuthorName';
import { useSearch } from './useSearch';
import './search.css';

/** The matched words marked; every part rendered as text, never as markup. */
function Fragment({ parts }: { parts: readonly HighlightPart[] }) {
  return (
    <Text as="p" size="2" className="search-fragment">
      {parts.map((part, index) => (part.isMatch ? <mark key={index}>{part.text}</mark> : part.text))}
    </Text>
  );
}

function ResultCard({ result, consultation }: { result: SearchResult; consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const authorName = useAuthorName();
  const section = consultation.sections.find((candidate) => candidate.id === result.sectionId);
  const question = consultation.questions.find((candidate) => candidate.id === result.questionId);
  const place = [
    question ? t('search.question', { number: question.number }) : null,
    section ? t('paper.sectionHeading', { number: section.number, title: section.title }) : null,
  ].filter(Boolean);
  return (
    <Card asChild>
      <li>
        <Flex direction="column" gap="1">
          <Text as="p" size="1" color="gray" highContrast>
            <Text weight="bold">
              {result.type === 'comment'
                ? t('search.comment', { author: authorName(result.author) })
                : t('search.quote')}
            </Text>
            {place.length > 0 ? ` · ${place.join(' · ')}` : null}
          </Text>
          <Fragment parts={result.fragment} />
          <Link asChild size="2">
            <RouterLink to={`/consultations/${consultation.id}/questions#thread-${result.threadId}`}>
              {t('search.open')}
            </RouterLink>
          </Link>
        </Flex>
      </li>
    </Card>
  );
}

/** What a search found, best match first, in place of the thread list. */
export function SearchResults({
  consultation,
  query,
}: {
  consultation: ConsultationDetail;
  query: SearchQuery;
}) {
  const { t } = useTranslation();
  const found = useSearch(consultation.id, query);
  if (found.isPending) return <LoadingState />;
  if (found.error) return <ErrorCallout error={found.error} />;
  const { results, isTruncated } = found.data;
  return (
    <section aria-labelledby="search-results-heading">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="4" id="search-results-heading" aria-live="polite">
          {t('search.heading', { count: results.length, query: query.q })}
        </Heading>
        {results.length === 0 ? <Text as="p">{t('search.none')}</Text> : null}
        <Flex asChild direction="column" gap="2">
          <ul className="search-results">
            {results.map((result) => (
              <ResultCard
                key={result.type === 'comment' ? result.commentId : `quote-${result.threadId}`}
                result={result}
                consultation={consultation}
              />
            ))}
          </ul>
        </Flex>
        {isTruncated ? (
          <Text as="p" size="2" color="gray" highContrast>
            {t('search.truncated')}
          </Text>
        ) : null}
      </Flex>
    </section>
  );
}
