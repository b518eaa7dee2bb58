import { flagCommentBody } from '@cw/shared';
import { Button, Flex, TextArea } from '@radix-ui/themes';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';

interface ReasonFormProps {
  label: string;
  hint?: string;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  /** Resolves once done; the form is then closed by the caller. */
  onSubmit: (reason: string) => Promise<unknown>;
  onCancel: () => void;
}

/** A reason, required and checked with the shared schema: for flagging, hiding and redacting alike. */
export function ReasonForm({
  label,
  hint,
  submitLabel,
  isPending,
  error,
  onSubmit,
  onCancel,
}: ReasonFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = flagCommentBody.safeParse({ reason });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    onSubmit(parsed.data.reason).catch((failure: unknown) => setFieldErrors(fieldErrorsFromApi(failure)));
  }

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" gap="2">
        <FormField label={label} hint={hint} error={fieldErrors.reason}>
          {(control) => (
            <TextArea
              {...control}
              rows={2}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </FormField>
        <Flex gap="2">
          <Button type="submit" size="1" loading={isPending}>
            {submitLabel}
          </Button>
          <Button type="button" size="1" variant="soft" color="gray" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Flex>
        <FormAlert error={fieldErrors.reason ? null : error} />
      </Flex>
    </form>
  );
}
