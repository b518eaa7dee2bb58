import type { ConsultationDetail, GuidingQuestion, QuestionBody } from '@cw/shared';
import { Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { createQuestion, deleteQuestion, replaceQuestion } from './api';
import { EditableList } from './EditableList';
import { QuestionForm } from './QuestionForm';

/** The guiding questions: add, edit (one at a time), delete. */
export function QuestionsEditor({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const questions = [...consultation.questions].sort((a, b) => a.number - b.number);
  const sections = [...consultation.sections].sort((a, b) => a.position - b.position);
  // Questions are discussed in review sessions; programme items have none.
  const sessions = consultation.sessions
    .filter((session) => session.kind === 'review')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  return (
    <EditableList<GuidingQuestion, QuestionBody>
      consultationId={consultation.id}
      headingId="questions-heading"
      texts={{
        title: t('structure.questions.title'),
        empty: t('structure.questions.empty'),
        add: t('structure.questions.add'),
        deleteDescription: t('structure.questions.deleteDescription'),
        deleteConfirm: t('structure.questions.deleteConfirm'),
      }}
      items={questions}
      labels={({ number }) => ({
        edit: t('structure.questions.edit', { number }),
        delete: t('structure.questions.delete', { number }),
        deleteTitle: t('structure.questions.deleteTitle', { number }),
      })}
      summary={({ number, text }) => <Text>{t('agenda.questionLine', { number, text })}</Text>}
      form={({ item, ...props }) => (
        <QuestionForm question={item} sections={sections} sessions={sessions} {...props} />
      )}
      create={(body) => createQuestion(consultation.id, body)}
      replace={(id, body) => replaceQuestion(consultation.id, id, body)}
      remove={(id) => deleteQuestion(consultation.id, id)}
    />
  );
}
