import { type Control, type FieldPath, type FieldValues, useController } from 'react-hook-form';
import { ChoiceSelect, type Choice } from './ChoiceSelect';
import { FormField } from './FormField';

/**
 * A field of a react-hook-form form chosen from a list, labelled, with its hint (the explanation
 * of the current choice, say) and the form's error for it.
 */
export function ChoiceField<T extends FieldValues, Checked extends FieldValues = T>({
  control,
  name,
  label,
  hint,
  choices,
}: {
  control: Control<T, unknown, Checked>;
  name: FieldPath<T>;
  label: string;
  hint?: string | undefined;
  choices: readonly Choice[];
}) {
  const { field: choice, fieldState } = useController({ control, name });
  return (
    <FormField label={label} hint={hint} error={fieldState.error?.message}>
      {(field) => (
        <ChoiceSelect
          {...field}
          ref={choice.ref}
          value={choice.value}
          onChange={choice.onChange}
          choices={choices}
        />
      )}
    </FormField>
  );
}
