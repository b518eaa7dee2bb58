import type { ConsultationDetail, GuidingQuestion, QuestionBody } from '@cw/shared';
import { Button, Card, Flex, Heading, Separator, Text } from '@radix-ui/themes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormAlert } from '../../ui/ErrorCallout';
import { createQuestion, deleteQuestion, replaceQuestion } from './api';
import { QuestionForm } from './QuestionForm';
import { useStructureMutation } from './useStructureMutation';

/** The guiding questions: add, edit (one at a time), delete. */
export function QuestionsEditor({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const add = useStructureMutation(consultation.id, (body: QuestionBody) =>
    createQuestion(consultation.id, body),
  );
  const questions = [...consultation.questions].sort((a, b) => a.number - b.number);
  const sections = [...consultation.sections].sort((a, b) => a.position - b.position);
  const sessions = [...consultation.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  return (
    <section aria-labelledby="questions-heading">
      <Card>
        <Flex direction="column" gap="3">
          <Heading as="h2" size="5" id="questions-heading">
            {t('structure.questions.title')}
          </Heading>
          {questions.length === 0 ? <Text>{t('structure.questions.empty')}</Text> : null}
          <ol className="plain-list">
            {questions.map((question) => (
              <li key={question.id}>
                {editingId === question.id ? (
                  <EditQuestion
                    consultation={consultation}
                    question={question}
                    onDone={() => setEditingId(null)}
                  />
                ) : (
                  <QuestionSummary
                    consultation={consultation}
                    question={question}
                    onEdit={() => setEditingId(question.id)}
                  />
                )}
                <Separator size="4" my="2" />
              </li>
            ))}
          </ol>
          <Heading as="h3" size="4">
            {t('structure.questions.add')}
          </Heading>
          <QuestionForm
            key={formKey}
            sections={sections}
            sessions={sessions}
            submitLabel={t('structure.questions.add')}
            isPending={add.isPending}
            error={add.error}
            onSubmit={(body, callbacks) =>
              add.mutate(body, { onSuccess: () => setFormKey((key) => key + 1), ...callbacks })
            }
          />
        </Flex>
      </Card>
    </section>
  );
}

function QuestionSummary({
  consultation,
  question,
  onEdit,
}: {
  consultation: ConsultationDetail;
  question: GuidingQuestion;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const remove = useStructureMutation(consultation.id, () => deleteQuestion(consultation.id, question.id));
  const label = t('agenda.questionLine', { number: question.number, text: question.text });
  return (
    <Flex direction="column" gap="2">
      <Text>{label}</Text>
      <Flex gap="2">
        <Button size="1" variant="soft" onClick={onEdit}>
          {t('structure.questions.edit', { number: question.number })}
        </Button>
        <ConfirmDialog
          trigger={
            <Button size="1" variant="soft" color="red" loading={remove.isPending}>
              {t('structure.questions.delete', { number: question.number })}
            </Button>
          }
          title={t('structure.questions.deleteTitle', { number: question.number })}
          description={t('structure.questions.deleteDescription')}
          confirmLabel={t('structure.questions.deleteConfirm')}
          isDestructive
          onConfirm={() => remove.mutate(undefined)}
        />
      </Flex>
      <FormAlert error={remove.error} />
    </Flex>
  );
}

function EditQuestion({
  consultation,
  question,
  onDone,
}: {
  consultation: ConsultationDetail;
  question: GuidingQuestion;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useStructureMutation(consultation.id, (body: QuestionBody) =>
    replaceQuestion(consultation.id, question.id, body),
  );
  return (
    <Flex direction="column" gap="2">
      <QuestionForm
        question={question}
        sections={[...consultation.sections].sort((a, b) => a.position - b.position)}
        sessions={[...consultation.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))}
        submitLabel={t('common.save')}
        isPending={save.isPending}
        error={save.error}
        onSubmit={(body, callbacks) => save.mutate(body, { onSuccess: onDone, ...callbacks })}
      />
      <Flex>
        <Button size="1" variant="soft" color="gray" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Flex>
    </Flex>
  );
}
