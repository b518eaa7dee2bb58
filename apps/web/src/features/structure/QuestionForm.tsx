import {
  questionBody,
  type AgendaSession,
  type GuidingQuestion,
  type QuestionBody,
  type Section,
} from '@cw/shared';
import { Button, Flex, TextArea, TextField } from '@radix-ui/themes';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { SectionPicker } from './SectionPicker';

/** Radix Select cannot hold an empty value, so "no session" has its own marker. */
const NO_SESSION = 'none';

interface QuestionFormProps {
  question?: GuidingQuestion;
  sections: readonly Section[];
  sessions: readonly AgendaSession[];
  submitLabel: string;
  onSubmit: (body: QuestionBody, callbacks: { onError: (error: unknown) => void }) => void;
  isPending: boolean;
  error: unknown;
}

/** A guiding question with its number, linked sections and optional agenda session. */
export function QuestionForm({
  question,
  sections,
  sessions,
  submitLabel,
  onSubmit,
  isPending,
  error,
}: QuestionFormProps) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(question ? String(question.number) : '');
  const [text, setText] = useState(question?.text ?? '');
  const [sectionIds, setSectionIds] = useState<string[]>(question?.sectionIds ?? []);
  const [sessionId, setSessionId] = useState(question?.sessionId ?? NO_SESSION);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = questionBody.safeParse({
      text,
      sectionIds,
      sessionId: sessionId === NO_SESSION ? null : sessionId,
      ...(number.trim() ? { number: Number(number) } : {}),
    });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    onSubmit(parsed.data, { onError: (failure) => setFieldErrors(fieldErrorsFromApi(failure)) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" gap="3">
        <FormAlert error={error} />
        <Flex gap="3" wrap="wrap">
          <FormField
            label={t('structure.questions.fields.number')}
            hint={t('structure.questions.numberHint')}
            error={fieldErrors.number}
          >
            {(control) => (
              <TextField.Root
                {...control}
                className="number-field"
                type="number"
                min={1}
                max={999}
                value={number}
                onChange={(event) => setNumber(event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('structure.questions.fields.session')} error={fieldErrors.sessionId}>
            {(control) => (
              <ChoiceSelect
                {...control}
                value={sessionId}
                choices={[
                  { value: NO_SESSION, label: t('structure.questions.noSession') },
                  ...sessions.map((session) => ({ value: session.id, label: session.title })),
                ]}
                onChange={setSessionId}
              />
            )}
          </FormField>
        </Flex>
        <FormField label={t('structure.questions.fields.text')} error={fieldErrors.text}>
          {(control) => (
            <TextArea {...control} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
          )}
        </FormField>
        <SectionPicker
          legend={t('structure.questions.fields.sections')}
          sections={sections}
          selectedIds={sectionIds}
          onChange={setSectionIds}
        />
        <Flex>
          <Button type="submit" loading={isPending}>
            {submitLabel}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
