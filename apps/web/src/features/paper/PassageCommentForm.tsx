import type { AnchorInput, ConsultationDetail, GuidingQuestion } from '@cw/shared';
import { Card, Flex, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { FormField } from '../../ui/FormField';
import { CommentForm } from '../threads/CommentForm';
import type { useThreadActions } from '../threads/useThreads';

/** Radix selects cannot hold an empty value, so general input has a name of its own. */
const GENERAL = 'general';

/** Writes a thread on a selected passage, answering one guiding question (or general input). */
export function PassageCommentForm({
  consultation,
  sectionQuestions,
  anchor,
  actions,
  onDone,
}: {
  consultation: ConsultationDetail;
  /** Questions attached to the passage's section, offered first. */
  sectionQuestions: readonly GuidingQuestion[];
  anchor: AnchorInput;
  actions: ReturnType<typeof useThreadActions>;
  onDone: () => void;
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
        <Text as="p" size="2" className="thread-card__quote">
          {t('threads.margin.quote', { quote: anchor.quote })}
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
          onSubmit={(body) =>
            actions.create
              .mutateAsync({ questionId: questionId === GENERAL ? null : questionId, anchor, body })
              .then(onDone)
          }
          onCancel={onDone}
        />
      </Flex>
    </Card>
  );
}
