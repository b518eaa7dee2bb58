import { Badge, Heading, Text } from '@radix-ui/themes';
import type { GuidingQuestion } from '@cw/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The guiding questions attached to one section, shown in its margin; the one the room discusses
 * live is marked for those following the facilitator.
 */
export function GuidingQuestions({
  questions,
  liveQuestionId,
}: {
  questions: readonly GuidingQuestion[];
  liveQuestionId: string | null;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  if (questions.length === 0) return null;
  return (
    <div aria-labelledby={headingId} role="group">
      <Heading as="h3" size="2" id={headingId}>
        {t('paper.questions.title')}
      </Heading>
      <ol className="plain-list paper-questions">
        {questions.map((question) => (
          <li
            key={question.id}
            className={question.id === liveQuestionId ? 'live-focus' : undefined}
            aria-current={question.id === liveQuestionId ? 'true' : undefined}
          >
            <Text size="2">
              <Text weight="bold">{t('paper.questions.number', { number: question.number })}</Text>{' '}
              <span className="preserve-lines">{question.text}</span>
            </Text>
            {question.id === liveQuestionId ? (
              <>
                {' '}
                <Badge color="red" highContrast>
                  {t('live.agenda.current')}
                </Badge>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
