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
export function HighlightedFragment({ parts }: { parts: readonly HighlightPart[] }) {
  return (
    <Text as="p" size="2" className="search-fragment">
      {parts.map((part, index) => (part.isMatch ? <mark key={index}>{part.text}</mark> : part.text))}
    </Text>
  );
}

/** Where a result is and the link to it, in words. */
function useResultPlace(consultation: ConsultationDetail) {
  const { t } = useTranslation();
  const authorName = useAuthorName();
  const base = `/consultations/${consultation.id}`;
  const sectionName = (sectionId: string | null) => {
    const section = consultation.sections.find((candidate) => candidate.id === sectionId);
    return section ? t('paper.sectionHeading', { number: section.number, title: section.title }) : null;
  };
  return (result: SearchResult): { kind: string; where: string[]; to: string; link: string } => {
    switch (result.type) {
      case 'comment':
      case 'quote': {
        const question = consultation.questions.find((candidate) => candidate.id === result.questionId);
        return {
          kind:
            result.type === 'comment'
              ? t('search.comment', { author: authorName(result.author) })
              : t('search.quote'),
          where: [
            question ? t('search.question', { number: question.number }) : null,
            sectionName(result.sectionId),
          ].filter((part) => part !== null),
          to: `${base}/questions#thread-${result.threadId}`,
          link: t('search.open'),
        };
      }
      case 'section':
        return {
          kind: t('search.section'),
          where: [sectionName(result.sectionId) ?? ''],
          to: `${base}/paper#section-${result.sectionId}`,
          link: t('search.openSection'),
        };
      case 'version':
        return {
          kind: t('search.version', { name: result.versionName }),
          where: [sectionName(result.sectionId) ?? t('search.removedSection')],
          to: `${base}/versions/${result.versionId}`,
          link: t('search.openVersion'),
        };
      case 'notes': {
        const session = consultation.sessions.find((candidate) => candidate.id === result.sessionId);
        return {
          kind: t('search.notes', { session: session?.title ?? '' }),
          where: [],
          to: `${base}/results`,
          link: t('search.openNotes'),
        };
      }
    }
  };
}

const keyOf = (result: SearchResult) => {
  switch (result.type) {
    case 'comment':
      return result.commentId;
    case 'quote':
      return `quote-${result.threadId}`;
    case 'section':
      return `section-${result.sectionId}`;
    case 'version':
      return `version-${result.versionId}-${result.sectionId}`;
    case 'notes':
      return `notes-${result.sessionId}`;
  }
};

function ResultCard({ result, consultation }: { result: SearchResult; consultation: ConsultationDetail }) {
  const place = useResultPlace(consultation)(result);
  return (
    <Card asChild>
      <li>
        <Flex direction="column" gap="1">
          <Text as="p" size="1" color="gray" highContrast>
            <Text weight="bold">{place.kind}</Text>
            {place.where.length > 0 ? ` · ${place.where.join(' · ')}` : null}
          </Text>
          <HighlightedFragment parts={result.fragment} />
          <Link asChild size="2">
            <RouterLink to={place.to}>{place.link}</RouterLink>
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
              <ResultCard key={keyOf(result)} result={result} consultation={consultation} />
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
