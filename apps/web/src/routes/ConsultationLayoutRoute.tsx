import { Flex, Heading, Text } from '@radix-ui/themes';
import { Outlet, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsultationNav } from '../features/consultations/ConsultationNav';
import { ScheduledChangeNotice } from '../features/consultations/ScheduledChangeNotice';
import { canDo } from '../features/consultations/useConsultations';
import { useConsultation } from '../features/consultations/useConsultations';
import { LiveBanner } from '../features/live/LiveBanner';
import { LiveFollowProvider } from '../features/live/LiveFollow';
import { NotificationsMenu } from '../features/threads/NotificationsMenu';
import { useThreadEvents } from '../features/threads/useThreadEvents';
import { ApiError } from '../lib/api-error';
import { ErrorCallout } from '../ui/ErrorCallout';
import { LoadingState } from '../ui/LoadingState';
import { usePageTitle } from '../ui/usePageTitle';

/**
 * Loads the consultation once, shows its navigation and the live session running in it, and
 * hands it to the page below.
 */
export function ConsultationLayoutRoute() {
  const { t } = useTranslation();
  const { consultationId = '' } = useParams();
  const consultation = useConsultation(consultationId);
  const mayReadThreads = consultation.data ? canDo(consultation.data, 'threads.read') : false;
  useThreadEvents(consultationId, mayReadThreads);

  if (consultation.isPending) return <LoadingState />;
  if (consultation.error) return <ConsultationUnavailable error={consultation.error} />;
  const detail = consultation.data;
  return (
    <LiveFollowProvider key={detail.id}>
      <Flex direction="column" gap="4">
        <Flex direction="column" gap="1">
          <Flex align="center" justify="between" gap="3" wrap="wrap">
            <Text size="2" color="gray" highContrast>
              {t('consultation.yourMembership', { role: t(`roles.${detail.role}`), group: detail.groupName })}
            </Text>
            {mayReadThreads ? (
              <NotificationsMenu consultationId={detail.id} timeZone={detail.timezone} />
            ) : null}
          </Flex>
          <ConsultationNav consultation={detail} />
        </Flex>
        <ScheduledChangeNotice key={detail.scheduledChange?.at ?? ''} consultation={detail} />
        <LiveBanner consultation={detail} />
        <Outlet context={detail} />
      </Flex>
    </LiveFollowProvider>
  );
}

function ConsultationUnavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const isMissing = error instanceof ApiError && error.status === 404;
  usePageTitle(t('consultation.notFound'));
  return (
    <Flex direction="column" gap="3">
      <Heading as="h1">{isMissing ? t('consultation.notFound') : t('consultation.unavailable')}</Heading>
      <ErrorCallout error={error} />
    </Flex>
  );
}
