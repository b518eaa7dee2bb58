import type { Notification } from '@cw/shared';
import { Badge, Button, DropdownMenu, Text, VisuallyHidden } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatTimeOf } from '../../lib/time-format';
import { useDescribeScheduledChange } from '../consultations/ScheduledChangeNotice';
import { useMarkNotificationsRead, useNotifications } from './useNotifications';

/** The consultation moved to the published phase, or a session's notes were published: the results are there to read. */
const isResultsPublished = (item: Notification) =>
  (item.kind === 'phaseChanged' && item.phase === 'published') || item.kind === 'notesPublished';

/**
 * Replies to and resolutions of the member's threads, moderation of their comments, switches to
 * a more open attribution mode, phase changes (made, or scheduled within a day) and sessions'
 * notes published, with the unread count on the button. `timeZone`: the consultation's, which scheduled times are told in.
 */
export function NotificationsMenu({
  consultationId,
  timeZone,
}: {
  consultationId: string;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const describe = useDescribeScheduledChange();
  const navigate = useNavigate();
  const notifications = useNotifications(consultationId);
  const markRead = useMarkNotificationsRead(consultationId);
  const items = notifications.data ?? [];
  const unread = items.filter((item) => !item.isRead).length;

  function text(item: Notification): string {
    const { actor } = item;
    if (item.kind === 'phaseChangeDue' && item.dueAt && (item.phase === 'open' || item.phase === 'closed')) {
      return t('threads.notifications.phaseChangeDue', {
        change: describe({ phase: item.phase, at: item.dueAt }, timeZone),
      });
    }
    if (item.kind === 'phaseChanged' && item.phase === 'published')
      return t('threads.notifications.resultsPublished');
    const phase = item.phase ? t(`phases.${item.phase}`) : '';
    if (!actor) return t('threads.notifications.phaseChangedScheduled', { phase });
    return t(`threads.notifications.${item.kind}`, {
      actor: actor.isYou ? t('threads.author.you') : (actor.name ?? actor.label),
      note: item.note ?? '',
      mode: item.attributionMode ? t(`attribution.${item.attributionMode}.name`) : '',
      phase,
      change: '',
      session: item.session?.title ?? '',
    });
  }

  function open(item: Notification) {
    if (!item.isRead) markRead.mutate([item.id]);
    const base = `/consultations/${consultationId}`;
    if (isResultsPublished(item)) void navigate(`${base}/results`);
    else void navigate(item.threadId ? `${base}/questions#thread-${item.threadId}` : base);
  }

  return (
    // Not modal: a modal menu hides the rest of the page with aria-hidden while its links stay focusable.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger>
        <Button variant="soft" size="1">
          {t('threads.notifications.title')}
          {unread > 0 ? (
            <>
              <Badge color="red" variant="solid" radius="full" aria-hidden>
                {unread}
              </Badge>
              <VisuallyHidden>{t('threads.notifications.unread', { count: unread })}</VisuallyHidden>
            </>
          ) : null}
        </Button>
      </DropdownMenu.Trigger>
      {/* In the page's main landmark, like the page it belongs to. */}
      <DropdownMenu.Content align="end" container={document.getElementById('main') ?? undefined}>
        {items.length === 0 ? (
          // An item, disabled: a menu holds items, and a screen reader reads it as one.
          <DropdownMenu.Item disabled>{t('threads.notifications.empty')}</DropdownMenu.Item>
        ) : (
          items.map((item) => (
            <DropdownMenu.Item key={item.id} onSelect={() => open(item)}>
              <Text weight={item.isRead ? 'regular' : 'bold'}>
                {text(item)}
                {' · '}
                {formatTimeOf(item.createdAt, item.actor?.timePrecision ?? 'exact', i18n.language)}
              </Text>
            </DropdownMenu.Item>
          ))
        )}
        {unread > 0 ? (
          <>
            <DropdownMenu.Separator />
            <DropdownMenu.Item onSelect={() => markRead.mutate(undefined)}>
              {t('threads.notifications.markAllRead')}
            </DropdownMenu.Item>
          </>
        ) : null}
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
