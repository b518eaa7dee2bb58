import { Flex, Text } from '@radix-ui/themes';
import { useId } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useTranslation } from 'react-i18next';
import { usePresence } from '../../collab/usePresence';

/** Who else has the paper open, labelled as the server allows this viewer to see them. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation();
  const others = usePresence(awareness);
  const labelId = useId();
  if (others.length === 0) {
    return (
      <Text as="p" size="2" color="gray" highContrast>
        {t('paper.presence.alone')}
      </Text>
    );
  }
  return (
    <Flex align="center" gap="2" wrap="wrap">
      <Text size="2" weight="medium" id={labelId}>
        {t('paper.presence.label')}
      </Text>
      <ul className="plain-list paper-presence" aria-labelledby={labelId}>
        {others.map((member) => (
          <li key={member.clientId}>
            <span
              className="paper-presence__swatch"
              style={{ backgroundColor: member.color }}
              aria-hidden="true"
            />
            <Text size="2">{member.name}</Text>
          </li>
        ))}
      </ul>
    </Flex>
  );
}
