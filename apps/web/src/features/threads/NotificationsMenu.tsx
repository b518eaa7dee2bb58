import type { Notification } from '@cw/shared';
import { Badge, Button, DropdownMenu, Text, VisuallyHidden } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatTimeOf } from '../../lib/time-format';
import { useMarkNotificationsRead, useNotifications } from './useNotifications';

/**
 * Replies to and resolutions of the member's threads, moderation of their comments and switches to
 * a more open attribution mode, with the unread count on the button.
 */
export function NotificationsMenu({ consultationId }: { consultationId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const notifications = useNotifications(consultationId);
  const markRead = useMarkNotificationsRead(consultationId);
  const items = notifications.data ?? [];
  const unread = items.filter((item) => !item.isRead).length;

  function open(item: Notification) {
    if (!item.isRead) markRead.mutate([item.id]);
    const base = `/consultations/${consultationId}`;
    void navigate(item.threadId ? `${base}/questions#thread-${item.threadId}` : base);
  }

  return (
    <DropdownMenu.Root>
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
      <DropdownMenu.Content align="end">
        {items.length === 0 ? (
          <DropdownMenu.Label>{t('threads.notifications.empty')}</DropdownMenu.Label>
        ) : (
          items.map((item) => (
            <DropdownMenu.Item key={item.id} onSelect={() => open(item)}>
              <Text weight={item.isRead ? 'regular' : 'bold'}>
                {t(`threads.notifications.${item.kind}`, {
                  actor: item.actor.isYou ? t('threads.author.you') : (item.actor.name ?? item.actor.label),
                  note: item.note ?? '',
                  mode: item.attributionMode ? t(`attribution.${item.attributionMode}.name`) : '',
                })}
                {' · '}
                {formatTimeOf(item.createdAt, item.actor.timePrecision, i18n.language)}
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
