import { Flex, Text } from '@radix-ui/themes';
import { useId } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useTranslation } from 'react-i18next';
import { shownGroupLabel } from '../../lib/group-label';
import { usePresence } from '../../collab/usePresence';

/**
 * Who else has the document open, labelled as the server allows this viewer to see them.
 * `alone`: what to say when nobody else has it open (the paper's words by default).
 */
export function PresenceList({ awareness, alone }: { awareness: Awareness; alone?: string }) {
  const { t } = useTranslation();
  const others = usePresence(awareness);
  const labelId = useId();
  if (others.length === 0) {
    return (
      <Text as="p" size="2" color="gray" highContrast>
        {alone ?? t('paper.presence.alone')}
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
            <Text size="2">{shownGroupLabel(t, member.name)}</Text>
          </li>
        ))}
      </ul>
    </Flex>
  );
}
