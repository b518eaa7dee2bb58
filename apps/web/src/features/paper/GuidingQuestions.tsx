import { Heading, Text } from '@radix-ui/themes';
import type { GuidingQuestion } from '@cw/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The guiding questions attached to one section, shown in its margin. */
export function GuidingQuestions({ questions }: { questions: readonly GuidingQuestion[] }) {
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
          <li key={question.id}>
            <Text size="2">
              <Text weight="bold">{t('paper.questions.number', { number: question.number })}</Text>{' '}
              <span className="preserve-lines">{question.text}</span>
            </Text>
          </li>
        ))}
      </ol>
    </div>
  );
}
