import type { LiveHands } from '@cw/shared';
import { Button, Flex, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import type { useLiveActions } from './useLive';

/** Raise or lower one's hand on the question under discussion, and where it stands in the queue. */
export function HandControl({
  hands,
  actions,
}: {
  hands: LiveHands;
  actions: ReturnType<typeof useLiveActions>;
}) {
  const { t } = useTranslation();
  const yours = hands.yours;
  return (
    <Flex align="center" gap="2" wrap="wrap">
      <Button
        variant={yours ? 'solid' : 'soft'}
        disabled={actions.isPending}
        onClick={() => (yours ? actions.lowerHand() : actions.raiseHand())}
      >
        {t(yours ? 'live.lowerHand' : 'live.raiseHand')}
      </Button>
      <Text size="2" role="status">
        {yours ? t('live.yourHand', { position: yours.position }) : ''}
      </Text>
    </Flex>
  );
}
