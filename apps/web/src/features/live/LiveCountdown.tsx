import { timeLeftMs, timeLeftParts } from '@cw/shared';
import { Text } from '@radix-ui/themes';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { viewerTimeZone } from '../../lib/time-format';
import { clockText } from './live-model';

/** The browser's clock, moved to the server's and read again every second. */
function useServerNow(clockOffsetMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now + clockOffsetMs;
}

/**
 * Time left to the run's end, counting down on the server's clock, then how far over; and the end
 * itself on the viewer's own clock. A timer: screen readers read it when asked, not every second.
 */
export function LiveCountdown({ endsAt, clockOffsetMs }: { endsAt: string; clockOffsetMs: number }) {
  const { t, i18n } = useTranslation();
  const parts = timeLeftParts(timeLeftMs(endsAt, useServerNow(clockOffsetMs)));
  const zone = viewerTimeZone();
  const end = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short', timeZone: zone }).format(
    new Date(endsAt),
  );
  return (
    <Text size="2" highContrast color={parts.isOver ? 'red' : undefined}>
      <span role="timer" className="live-banner__timer">
        {t(parts.isOver ? 'live.timeOver' : 'live.timeLeft', { time: clockText(parts) })}
      </span>{' '}
      <Text color="gray" highContrast>
        {t('live.endsAt', { time: end, zone })}
      </Text>
    </Text>
  );
}
