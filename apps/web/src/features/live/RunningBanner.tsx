import type { ConsultationDetail, LiveSession } from '@cw/shared';
import { Badge, Card, Flex, Heading, Link as ThemeLink, Switch, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { viewerTimeZone } from '../../lib/time-format';
import { FormAlert } from '../../ui/ErrorCallout';
import { canDo } from '../consultations/useConsultations';
import { FacilitatorControls } from './FacilitatorControls';
import { HandControl } from './HandControl';
import { LiveCountdown } from './LiveCountdown';
import { useFollowing } from './LiveFollow';
import { focusedItem, followedSectionId, nextUp } from './live-model';
import { useLiveActions, type LiveView } from './useLive';
import './live.css';

/**
 * The agenda item running live: its time left, what the room discusses and what comes next,
 * following, raising a hand, and the facilitator's controls. Loaded only while an item runs.
 */
export function RunningBanner({
  consultation,
  live,
  session,
}: {
  consultation: ConsultationDetail;
  live: LiveView;
  session: LiveSession;
}) {
  const { t } = useTranslation();
  const actions = useLiveActions(consultation.id);
  const item = consultation.sessions.find((candidate) => candidate.id === session.sessionId);
  const isFacilitator = canDo(consultation, 'live.run');
  // Facilitators run the queue; the others may ask for the floor.
  const mayRaiseHand = canDo(consultation, 'live.raiseHand') && !isFacilitator;
  // Programme items (remarks, wrap-up) have nothing to discuss in particular, or to follow.
  const isReview = item?.kind === 'review';
  return (
    <section aria-labelledby="live-banner-title" className="live-banner">
      <Card size="2">
        <Flex direction="column" gap="3">
          <Flex justify="between" align="start" gap="3" wrap="wrap">
            <Flex direction="column" gap="1">
              <Heading as="h2" size="4" id="live-banner-title">
                <Badge color="red" variant="solid" highContrast>
                  {t('live.badge')}
                </Badge>{' '}
                {item?.title ?? t('live.unknownItem')}
              </Heading>
              <LiveCountdown endsAt={session.endsAt} clockOffsetMs={live.clockOffsetMs} />
              {item && item.kind === 'programme' && item.speakers.length > 0 ? (
                <Text size="2">{t('agenda.speakers', { speakers: item.speakers.join('; ') })}</Text>
              ) : null}
            </Flex>
            <Flex align="center" gap="4" wrap="wrap">
              {isReview ? <FollowSwitch /> : null}
              {mayRaiseHand ? <HandControl hands={live.hands} actions={actions} /> : null}
            </Flex>
          </Flex>
          <NowAndNext consultation={consultation} session={session} showFocus={isReview} />
          {!isFacilitator && live.hands.count > 0 ? (
            <Text size="2" color="gray" highContrast>
              {t('live.handsUp', { count: live.hands.count })}
            </Text>
          ) : null}
          {isFacilitator ? (
            <FacilitatorControls
              consultation={consultation}
              live={live}
              session={session}
              actions={actions}
            />
          ) : null}
          <FormAlert error={actions.error} />
        </Flex>
      </Card>
    </section>
  );
}

function FollowSwitch() {
  const { t } = useTranslation();
  const { isFollowing, setFollowing } = useFollowing();
  return (
    <Text as="label" size="2">
      <Flex gap="2" align="center">
        <Switch checked={isFollowing} onCheckedChange={setFollowing} />
        {t('live.follow')}
      </Flex>
    </Text>
  );
}

function NowAndNext({
  consultation,
  session,
  showFocus,
}: {
  consultation: ConsultationDetail;
  session: LiveSession;
  showFocus: boolean;
}) {
  const { t, i18n } = useTranslation();
  const focused = focusedItem(session.focus, consultation);
  const sectionId = followedSectionId(session.focus, consultation);
  const next = nextUp(session, consultation);
  const nextText = !next
    ? t('live.nextNone')
    : 'question' in next
      ? t('live.questionLine', { number: next.question.number, text: next.question.text })
      : t('live.nextItem', {
          title: next.item.title,
          time: new Intl.DateTimeFormat(i18n.language, {
            timeStyle: 'short',
            timeZone: viewerTimeZone(),
          }).format(new Date(next.item.startsAt)),
        });
  return (
    <dl className="live-banner__agenda">
      {showFocus ? (
        <>
          <dt>
            <Text size="2" weight="bold">
              {t('live.now')}
            </Text>
          </dt>
          <dd>
            <Text size="2" className="preserve-lines" data-testid="live-focus">
              {!focused
                ? t('live.nothingFocused')
                : 'question' in focused
                  ? t('live.questionLine', { number: focused.question.number, text: focused.question.text })
                  : t('live.sectionLine', { number: focused.section.number, title: focused.section.title })}
            </Text>
            {sectionId ? (
              <>
                {' '}
                <ThemeLink asChild size="2">
                  <Link to={`/consultations/${consultation.id}/paper#section-${sectionId}`}>
                    {t('live.showInPaper')}
                  </Link>
                </ThemeLink>
              </>
            ) : null}
          </dd>
        </>
      ) : null}
      <dt>
        <Text size="2" weight="bold">
          {t('live.next')}
        </Text>
      </dt>
      <dd>
        <Text size="2" className="preserve-lines">
          {nextText}
        </Text>
      </dd>
    </dl>
  );
}
