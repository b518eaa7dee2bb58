import { Button, Flex, TextField } from '@radix-ui/themes';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../lib/error-messages';
import { FormAlert } from './ErrorCallout';
import { FormField } from './FormField';

interface SingleFieldFormProps<TField extends string> {
  /** The body's one field, as the schema and the API's field errors name it. */
  field: TField;
  schema: z.ZodType<Record<TField, string>>;
  label: string;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  /** Call `onSuccess` once the item exists: it empties the field. */
  onSubmit: (
    body: Record<TField, string>,
    callbacks: { onSuccess: () => void; onError: (error: unknown) => void },
  ) => void;
}

/** One text field and a button, validated with the shared schema: "add a section", "add a group". */
export function SingleFieldForm<TField extends string>({
  field,
  schema,
  label,
  submitLabel,
  isPending,
  error,
  onSubmit,
}: SingleFieldFormProps<TField>) {
  const [value, setValue] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = schema.safeParse({ [field]: value });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    onSubmit(parsed.data, {
      onSuccess: () => setValue(''),
      onError: (failure) => setFieldErrors(fieldErrorsFromApi(failure)),
    });
  }

  return (
    <>
      <form onSubmit={submit} noValidate>
        <Flex gap="2" align="end" wrap="wrap">
          <FormField label={label} error={fieldErrors[field]}>
            {(control) => (
              <TextField.Root {...control} value={value} onChange={(event) => setValue(event.target.value)} />
            )}
          </FormField>
          <Button type="submit" loading={isPending}>
            {submitLabel}
          </Button>
        </Flex>
      </form>
      <FormAlert error={error} />
    </>
  );
}
