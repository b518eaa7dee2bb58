import { resolveThreadBody, THREAD_OUTCOMES, type ThreadOutcome } from '@cw/shared';
import { Button, Flex, TextArea } from '@radix-ui/themes';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import type { useThreadActions } from './useThreads';

/** Records what became of a thread's input: an outcome and a note for the reviewers. */
export function ResolveForm({
  threadId,
  actions,
  onCancel,
}: {
  threadId: string;
  actions: ReturnType<typeof useThreadActions>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ThreadOutcome>('accepted');
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = resolveThreadBody.safeParse({ outcome, note });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    actions.resolve.mutate(
      { threadId, ...parsed.data },
      { onError: (error) => setFieldErrors(fieldErrorsFromApi(error)) },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="thread-resolve">
      <Flex direction="column" gap="2">
        <FormField label={t('threads.resolution.outcome')} error={fieldErrors.outcome}>
          {(control) => (
            <ChoiceSelect
              {...control}
              value={outcome}
              choices={THREAD_OUTCOMES.map((value) => ({ value, label: t(`threads.outcomes.${value}`) }))}
              onChange={(value) => setOutcome(value as ThreadOutcome)}
            />
          )}
        </FormField>
        <FormField label={t('threads.resolution.note')} error={fieldErrors.note}>
          {(control) => (
            <TextArea {...control} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
          )}
        </FormField>
        <Flex gap="2">
          <Button type="submit" size="1" loading={actions.resolve.isPending}>
            {t('threads.resolution.resolve')}
          </Button>
          <Button type="button" size="1" variant="soft" color="gray" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Flex>
        <FormAlert error={actions.resolve.variables?.threadId === threadId ? actions.resolve.error : null} />
      </Flex>
    </form>
  );
}
