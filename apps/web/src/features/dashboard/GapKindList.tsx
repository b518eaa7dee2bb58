import { Button, Flex, Heading } from '@radix-ui/themes';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapGroup } from './gap-groups';
import { gapMessage } from './gap-wording';

/** Lines of a kind shown before "Show all": enough to see what matters most without a wall of text. */
const SHOWN_COLLAPSED = 3;

/**
 * One kind of gap: a heading with its count and the lines, the first few only until the reader
 * asks for all. The button discloses the rest of the same list, so a screen reader hears one
 * list whose length grows, and focus stays on the button.
 */
export function GapKindList({ group, rowLabel }: { group: GapGroup; rowLabel: (rowKey: string) => string }) {
  const { t } = useTranslation();
  const id = useId();
  const [isExpanded, setExpanded] = useState(false);
  const isCollapsible = group.items.length > SHOWN_COLLAPSED;
  const shown = isCollapsible && !isExpanded ? group.items.slice(0, SHOWN_COLLAPSED) : group.items;
  return (
    <Flex direction="column" gap="1" align="start">
      <Heading as="h3" size="3" id={`${id}-heading`}>
        {t(`dashboard.gaps.kinds.${group.kind}`, { count: group.items.length })}
      </Heading>
      <ul className="dashboard-gaps" id={`${id}-list`} aria-labelledby={`${id}-heading`}>
        {shown.map((item) => {
          const message = gapMessage(group.kind, item, rowLabel);
          return <li key={item.target.id}>{t(message.key, message.values)}</li>;
        })}
      </ul>
      {isCollapsible ? (
        <Button
          variant="ghost"
          size="1"
          highContrast
          aria-expanded={isExpanded}
          aria-controls={`${id}-list`}
          onClick={() => setExpanded(!isExpanded)}
        >
          {isExpanded
            ? t('dashboard.gaps.showFewer')
            : t('dashboard.gaps.showAll', { count: group.items.length })}
        </Button>
      ) : null}
    </Flex>
  );
}
