import type { AttributionMode, Phase } from '@cw/shared';
import { Badge, Flex } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';

const PHASE_COLORS = { draft: 'gray', open: 'green', closed: 'amber', published: 'indigo' } as const;

export function PhaseBadge({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  return (
    <Badge color={PHASE_COLORS[phase]} highContrast>
      {t('phase.label', { phase: t(`phases.${phase}`) })}
    </Badge>
  );
}

export function AttributionBadge({ mode }: { mode: AttributionMode }) {
  const { t } = useTranslation();
  return (
    <Badge color="gray" highContrast>
      {t(`attribution.${mode}.name`)}
    </Badge>
  );
}

/** Phase and attribution at a glance, for headers and lists. */
export function ConsultationBadges({
  phase,
  attributionMode,
}: {
  phase: Phase;
  attributionMode: AttributionMode;
}) {
  return (
    <Flex gap="2" wrap="wrap">
      <PhaseBadge phase={phase} />
      <AttributionBadge mode={attributionMode} />
    </Flex>
  );
}
