import type { GroupChoice } from '@cw/shared';
import { Flex, RadioCards, Text } from '@radix-ui/themes';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The invitee picks the stakeholder group they take part for, each shown with what it stands
 * for. The organisers see the group marked as self-identified until they confirm it.
 */
export function GroupPicker({
  groups,
  value,
  onChange,
  error,
}: {
  groups: readonly GroupChoice[];
  value: string;
  onChange: (groupId: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Flex direction="column" gap="2">
      <Text as="p" id={`${id}-label`} weight="medium">
        {t('invite.group.label')}
      </Text>
      <Text as="p" id={`${id}-hint`} size="2" color="gray">
        {t('invite.group.hint')}
      </Text>
      <RadioCards.Root
        value={value}
        onValueChange={onChange}
        columns={{ initial: '1', sm: '2' }}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-required
      >
        {groups.map((group) => (
          <RadioCards.Item key={group.id} value={group.id}>
            <Flex direction="column" width="100%">
              <Text weight="bold">{group.name}</Text>
              {group.description ? <Text size="2">{group.description}</Text> : null}
            </Flex>
          </RadioCards.Item>
        ))}
      </RadioCards.Root>
      {error ? (
        <Text id={`${id}-error`} size="1" color="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Flex>
  );
}
