import type { ConsultationDetail, GuidingQuestion } from '@cw/shared';
import { Card, Flex, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { FormField } from '../../ui/FormField';
import { focusWhenShown } from '../../ui/focus';
import { CommentForm } from '../threads/CommentForm';
import { addedComment, commentId } from '../threads/thread-focus';
import type { useThreadActions } from '../threads/useThreads';
import type { SelectedPassage } from './thread-passages';

/** Radix selects cannot hold an empty value, so general input has a name of its own. */
const GENERAL = 'general';

/** What a new thread in a section's margin is on: a passage, and the suggested change it holds if any. */
export interface PassageTopic {
  passage: SelectedPassage;
  suggestionId: string | null;
}

/**
 * Writes a thread on a passage of a section — one selected, or a suggested change's — answering
 * one guiding question (or general input).
 */
export function PassageCommentForm({
  consultation,
  sectionId,
  sectionQuestions,
  topic: { passage, suggestionId },
  actions,
  onDone,
  onCancel,
}: {
  consultation: ConsultationDetail;
  sectionId: string;
  /** Questions attached to the passage's section, offered first. */
  sectionQuestions: readonly GuidingQuestion[];
  topic: PassageTopic;
  actions: ReturnType<typeof useThreadActions>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const others = [...consultation.questions]
    .filter((question) => !sectionQuestions.some((own) => own.id === question.id))
    .sort((a, b) => a.number - b.number);
  const ordered = [...sectionQuestions, ...others];
  const [questionId, setQuestionId] = useState(ordered[0]?.id ?? GENERAL);
  return (
    <Card>
      <Flex direction="column" gap="2">
        {suggestionId ? (
          <Text as="p" size="1" color="gray" highContrast>
            {t('threads.card.onSuggestion')}
          </Text>
        ) : null}
        <Text as="p" size="2" className="thread-card__quote">
          {t('threads.margin.quote', { quote: passage.quote })}
        </Text>
        <FormField label={t('threads.margin.question')}>
          {(control) => (
            <ChoiceSelect
              {...control}
              value={questionId}
              onChange={setQuestionId}
              choices={[
                ...ordered.map((question) => ({
                  value: question.id,
                  label: `${t('paper.questions.number', { number: question.number })} ${question.text}`,
                })),
                { value: GENERAL, label: t('threads.general') },
              ]}
            />
          )}
        </FormField>
        <CommentForm
          label={t('threads.new.label')}
          submitLabel={t('threads.new.submit')}
          cancelLabel={t('common.cancel')}
          isPending={actions.create.isPending}
          error={actions.create.error}
          autoFocus
          onSubmit={(body) =>
            actions.create
              .mutateAsync({
                questionId: questionId === GENERAL ? null : questionId,
                anchor: { sectionId, ...passage },
                suggestionId,
                body,
              })
              .then((thread) => {
                onDone();
                const added = addedComment(null, thread);
                if (added) focusWhenShown(commentId(added));
              })
          }
          onCancel={onCancel}
        />
      </Flex>
    </Card>
  );
}
