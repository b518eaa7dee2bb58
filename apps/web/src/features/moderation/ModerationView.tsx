import { MODERATION_QUEUES, type ConsultationDetail } from '@cw/shared';
import { Flex, Tabs, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorCallout } from '../../ui/ErrorCallout';
import { LoadingState } from '../../ui/LoadingState';
import { ModerationCard } from './ModerationCard';
import { useModerationActions, useModerationQueue } from './useModeration';

type Queue = (typeof MODERATION_QUEUES)[number];

/** The organisers' queue: flagged comments, and the ones hidden or redacted, kept in the address. */
export function ModerationView({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const queue: Queue = search.get('queue') === 'moderated' ? 'moderated' : 'open';
  return (
    <Tabs.Root value={queue} onValueChange={(value) => setSearch({ queue: value }, { replace: true })}>
      <Tabs.List>
        {MODERATION_QUEUES.map((name) => (
          <Tabs.Trigger key={name} value={name}>
            {t(`moderation.queues.${name}`)}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {MODERATION_QUEUES.map((name) => (
        <Tabs.Content key={name} value={name}>
          {name === queue ? <Queue consultationId={consultation.id} queue={name} /> : null}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}

function Queue({ consultationId, queue }: { consultationId: string; queue: Queue }) {
  const { t } = useTranslation();
  const items = useModerationQueue(consultationId, queue);
  const actions = useModerationActions(consultationId);
  if (items.isPending) return <LoadingState />;
  if (items.error) return <ErrorCallout error={items.error} />;
  if (items.data.length === 0)
    return (
      <Text as="p" mt="3">
        {t(`moderation.empty.${queue}`)}
      </Text>
    );
  return (
    <Flex direction="column" gap="3" mt="3" asChild>
      <ul className="plain-list">
        {items.data.map((item) => (
          <li key={item.comment.id}>
            <ModerationCard consultationId={consultationId} item={item} actions={actions} />
          </li>
        ))}
      </ul>
    </Flex>
  );
}
