import { commentBodyInput } from '@cw/shared';
import { Button, Flex, TextArea } from '@radix-ui/themes';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';

interface CommentFormProps {
  label: string;
  submitLabel: string;
  initialBody?: string;
  isPending: boolean;
  error: unknown;
  /** Resolves once stored; the text is cleared then. */
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  cancelLabel?: string;
  /** Take the focus once shown: the form replaced the control that opened it. */
  autoFocus?: boolean;
}

/** A comment's text: new thread, reply or edit. Checked here with the server's own rules first. */
export function CommentForm({
  label,
  submitLabel,
  initialBody = '',
  isPending,
  error,
  onSubmit,
  onCancel,
  cancelLabel,
  autoFocus = false,
}: CommentFormProps) {
  const [body, setBody] = useState(initialBody);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = commentBodyInput.safeParse({ body });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    onSubmit(parsed.data.body).then(
      () => setBody(''),
      (failure: unknown) => setFieldErrors(fieldErrorsFromApi(failure)),
    );
  }

  // Escape leaves the form as Cancel does, the way a reply box closes in mail and chat apps.
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || event.defaultPrevented || !onCancel) return;
    event.preventDefault();
    onCancel();
  }

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <Flex direction="column" gap="2">
        <FormField label={label} error={fieldErrors.body}>
          {(control) => (
            <TextArea
              {...control}
              rows={3}
              value={body}
              autoFocus={autoFocus}
              onChange={(event) => setBody(event.target.value)}
            />
          )}
        </FormField>
        <Flex gap="2">
          <Button type="submit" size="1" loading={isPending}>
            {submitLabel}
          </Button>
          {onCancel ? (
            <Button type="button" size="1" variant="soft" color="gray" onClick={onCancel}>
              {cancelLabel}
            </Button>
          ) : null}
        </Flex>
        <FormAlert error={fieldErrors.body ? null : error} />
      </Flex>
    </form>
  );
}
