import { Select } from '@radix-ui/themes';
import type { Ref } from 'react';

export interface Choice {
  value: string;
  label: string;
}

interface ChoiceSelectProps {
  id: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  disabled?: boolean;
  /** The trigger button, for a form library to focus when the choice is refused. */
  ref?: Ref<HTMLButtonElement>;
  /** Names the control when no visible `<label for>` points at it (e.g. inside a table row). */
  'aria-label'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A select over a short list; the trigger is a button, so `<label for>` names it. */
export function ChoiceSelect({ id, value, choices, onChange, disabled, ref, ...aria }: ChoiceSelectProps) {
  return (
    <Select.Root value={value} onValueChange={onChange} {...(disabled ? { disabled } : {})}>
      <Select.Trigger id={id} ref={ref} {...aria} />
      <Select.Content position="popper">
        {choices.map((choice) => (
          <Select.Item key={choice.value} value={choice.value}>
            {choice.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select.Root>
  );
}
