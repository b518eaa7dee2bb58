import { resolveThreadBody, THREAD_OUTCOMES, type ThreadOutcome } from '@cw/shared';
import { Button, Flex, TextArea } from '@radix-ui/themes';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { focusWhenShown } from '../../ui/focus';
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
  focusAfter,
}: {
  threadId: string;
  actions: ReturnType<typeof useThreadActions>;
  onCancel: () => void;
  /** Ids of the elements to focus once resolved, best first; asked before the card may leave the list. */
  focusAfter: () => string[];
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ThreadOutcome>('accepted');
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  // The form replaced the button that opened it: its first field takes the focus.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('button, textarea')?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = resolveThreadBody.safeParse({ outcome, note });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    const targets = focusAfter();
    // A promise rather than mutate's callbacks: those are dropped when the card leaves the list.
    actions.resolve.mutateAsync({ threadId, ...parsed.data }).then(
      () => focusWhenShown(...targets),
      (error: unknown) => setFieldErrors(fieldErrorsFromApi(error)),
    );
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onCancel();
  }

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate className="thread-resolve" ref={formRef}>
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
