import type { GuidingQuestion, NotesFinding } from '@cw/shared';
import { Callout, Flex, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';

/**
 * Where the notes may name a participant (the server's Chatham House check): each finding with
 * where it is and the words around it. Nothing found: said so.
 */
export function NotesFindings({
  findings,
  questions,
}: {
  findings: readonly NotesFinding[];
  questions: readonly GuidingQuestion[];
}) {
  const { t } = useTranslation();
  if (findings.length === 0) {
    return (
      <Text as="p" size="2" color="gray" highContrast data-testid="notes-check-clear">
        {t('notes.check.clear')}
      </Text>
    );
  }
  const where = (questionId: string | null) => {
    const question = questions.find((q) => q.id === questionId);
    return question ? t('notes.check.inQuestion', { number: question.number }) : t('notes.check.inGeneral');
  };
  return (
    <Callout.Root color="amber" highContrast role="status" data-testid="notes-check-findings">
      <Callout.Text>{t('notes.check.found', { count: findings.length })}</Callout.Text>
      <Flex asChild direction="column" gap="1">
        <ul className="plain-list">
          {findings.map((finding, index) => (
            <li key={index}>
              <Text size="2">
                {t('notes.check.finding', {
                  text: finding.text,
                  kind: t(`notes.check.kinds.${finding.kind}`),
                  where: where(finding.questionId),
                })}
              </Text>
              <Text as="p" size="1" color="gray" highContrast>
                {finding.excerpt}
              </Text>
            </li>
          ))}
        </ul>
      </Flex>
    </Callout.Root>
  );
}
