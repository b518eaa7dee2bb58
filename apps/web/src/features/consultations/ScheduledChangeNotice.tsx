import type { ConsultationDetail, ScheduledChange } from '@cw/shared';
import { Callout } from '@radix-ui/themes';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { viewerTimeZone } from '../../lib/time-format';
import { scheduledChangeText, untilNotice } from './scheduled-change';

/** "Input closes on 12 Dec 2026 at 24:00 (Europe/Zurich)", with the viewer's time when their clock differs. */
export function useDescribeScheduledChange(): (change: ScheduledChange, zone: string) => string {
  const { t, i18n } = useTranslation();
  return (change, zone) => {
    const text = scheduledChangeText(change, zone, viewerTimeZone(), i18n.language);
    const sentence = t(`schedule.${change.phase}`, { date: text.date, time: text.time, zone: text.zone });
    return text.yourTime ? t('schedule.yourTime', { change: sentence, time: text.yourTime }) : sentence;
  };
}

/** Longest wait between two looks at the clock; browsers fire longer timers at once. */
const LONGEST_WAIT_MS = 86_400_000;

/**
 * A short note above every page of the consultation once its dates change the phase within a
 * day. It appears by itself when that day starts; at the change the page reads the consultation
 * again (a live event), which ends the notice. Keyed by the change, so a new one reads the clock anew.
 */
export function ScheduledChangeNotice({ consultation }: { consultation: ConsultationDetail }) {
  const describe = useDescribeScheduledChange();
  const change = consultation.scheduledChange;
  const [now, setNow] = useState(() => Date.now());
  const wait = change ? untilNotice(change, now) : null;
  useEffect(() => {
    if (!wait) return undefined;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(wait, LONGEST_WAIT_MS));
    return () => clearTimeout(timer);
  }, [wait]);
  if (!change || wait !== 0) return null;
  return (
    <Callout.Root color="blue" size="1" highContrast role="status">
      <Callout.Text>{describe(change, consultation.timezone)}</Callout.Text>
    </Callout.Root>
  );
}
