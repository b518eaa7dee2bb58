import type { Section } from '@cw/shared';
import { Checkbox, Flex, Text } from '@radix-ui/themes';

interface SectionPickerProps {
  legend: string;
  sections: readonly Section[];
  selectedIds: readonly string[];
  onChange: (ids: string[]) => void;
}

/** Checkboxes for linking paper sections, grouped under a legend. */
export function SectionPicker({ legend, sections, selectedIds, onChange }: SectionPickerProps) {
  const toggle = (id: string, isChecked: boolean) =>
    onChange(isChecked ? [...selectedIds, id] : selectedIds.filter((selected) => selected !== id));
  return (
    <fieldset className="plain-fieldset">
      <Text as="div" size="2" weight="medium" asChild>
        <legend>{legend}</legend>
      </Text>
      <Flex direction="column" gap="1" mt="1">
        {sections.map((section) => (
          <Text as="label" size="2" key={section.id}>
            <Flex gap="2" align="center">
              <Checkbox
                checked={selectedIds.includes(section.id)}
                onCheckedChange={(checked) => toggle(section.id, checked === true)}
              />
              {section.number}. {section.title}
            </Flex>
          </Text>
        ))}
      </Flex>
    </fieldset>
  );
}
