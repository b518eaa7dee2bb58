import type { ConsultationDetail, LiveSession } from '@cw/shared';
import { VisuallyHidden } from '@radix-ui/themes';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { liveAnnouncement } from './live-model';
import { useLive } from './useLive';

// Most of the time nothing runs: the banner's code comes only with a live session.
const RunningBanner = lazy(async () => ({ default: (await import('./RunningBanner')).RunningBanner }));

/**
 * Above every page of the consultation: the agenda item running live, its time left, what the
 * room discusses and what comes next; following, raising a hand, and the facilitator's controls.
 * Changes are told to screen readers as they happen.
 */
export function LiveBanner({ consultation }: { consultation: ConsultationDetail }) {
  const live = useLive(consultation.id);
  const session = live.data?.session ?? null;
  return (
    <>
      <LiveAnnouncer session={live.data ? session : undefined} consultation={consultation} />
      {live.data && session ? (
        <Suspense fallback={null}>
          <RunningBanner consultation={consultation} live={live.data} session={session} />
        </Suspense>
      ) : null}
    </>
  );
}

/** A polite live region, mounted before anything changes so that every change is read out. */
function LiveAnnouncer({
  session,
  consultation,
}: {
  /** Undefined until the state first arrives: what runs on arrival is shown, not announced. */
  session: LiveSession | null | undefined;
  consultation: ConsultationDetail;
}) {
  const { t } = useTranslation();
  const previous = useRef<LiveSession | null | undefined>(undefined);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (session === undefined) return;
    const before = previous.current;
    previous.current = session;
    if (before === undefined) return;
    const change = liveAnnouncement(before, session, consultation);
    if (!change) return;
    const { key, ...values } = change;
    setMessage(t(`live.announce.${key}`, values));
  }, [session, consultation, t]);
  return (
    <VisuallyHidden aria-live="polite" aria-atomic="true">
      {message}
    </VisuallyHidden>
  );
}
