import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { fieldErrorsFromApi } from './error-messages';

/** The refused request's field problems that name one of `fields`, in the order the server gave them. */
export function serverFieldErrors(
  error: unknown,
  fields: readonly string[],
): [field: string, message: string][] {
  return Object.entries(fieldErrorsFromApi(error)).filter(
    (entry): entry is [string, string] => fields.includes(entry[0]) && entry[1] !== undefined,
  );
}

/**
 * Shows each field problem of a refused request beside its control and focuses the first; a
 * problem with no control of its own is left to the form-level message.
 */
export function showServerFieldErrors<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, 'getValues' | 'setError'>,
  error: unknown,
): void {
  serverFieldErrors(error, Object.keys(form.getValues())).forEach(([field, message], index) =>
    form.setError(field as FieldPath<T>, { type: 'server', message }, { shouldFocus: index === 0 }),
  );
}
