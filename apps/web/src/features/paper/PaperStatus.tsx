import { Badge, Callout, Flex, Text } from '@radix-ui/themes';
import { CLOSE_CODES, type ConsultationDetail } from '@cw/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperSessionState } from '../../collab/paper-session';
import { sessionSaveStatus, type SaveStatus } from '../../collab/save-status';
import { useAnnounce } from '../../ui/Announcer';
import type { ReadOnlyReason } from './paper-access';

const CONNECTION_COLOUR = {
  connecting: 'gray',
  connected: 'green',
  offline: 'amber',
  paused: 'amber',
  closed: 'red',
} as const;

function closedMessageKey(code: number | null) {
  if (code === CLOSE_CODES.UNAUTHENTICATED) return 'paper.closed.sessionEnded' as const;
  if (code === CLOSE_CODES.FORBIDDEN_ORIGIN) return 'paper.closed.originRefused' as const;
  if (code === CLOSE_CODES.NOT_FOUND) return 'paper.closed.notMember' as const;
  if (code === CLOSE_CODES.TOO_LARGE) return 'paper.closed.tooLarge' as const;
  if (code === CLOSE_CODES.SUGGESTIONS_ONLY) return 'paper.closed.suggestionsOnly' as const;
  return 'paper.closed.other' as const;
}

interface PaperStatusProps {
  state: PaperSessionState;
  readOnly: ReadOnlyReason;
  phase: ConsultationDetail['phase'];
}

/** Connection, save and read-only state of the paper, in words (never colour alone). */
export function PaperStatus({ state, readOnly, phase }: PaperStatusProps) {
  const { t } = useTranslation();
  const save = sessionSaveStatus(state);

  // A closed paper with nothing of this browser's left unsaved may never have loaded: "Saved" would mislead.
  const showSave = !readOnly && !(state.connection === 'closed' && save === 'saved');
  useStatusAnnouncements(state.connection, showSave ? save : null);

  return (
    <Flex direction="column" gap="2">
      <Flex align="center" gap="3" wrap="wrap">
        <Text as="p" size="2" className="paper-status">
          <Badge color={CONNECTION_COLOUR[state.connection]} highContrast>
            {t(`paper.connection.${state.connection}`)}
          </Badge>
        </Text>
        {showSave ? (
          <Text as="p" size="2" className="paper-status" data-save-status={save}>
            {t(`paper.save.${save}`)}
          </Text>
        ) : null}
        {readOnly ? (
          <Badge color="gray" highContrast size="2">
            {t('paper.readOnly.badge')}
          </Badge>
        ) : null}
      </Flex>
      {readOnly ? (
        <Text as="p" size="2" color="gray" highContrast>
          {t(`paper.readOnly.${readOnly}`, { phase: t(`phases.${phase}`).toLowerCase() })}
        </Text>
      ) : null}
      {state.connection === 'paused' ? (
        <Callout.Root color="amber" highContrast role="status">
          <Callout.Text>{t('paper.paused')}</Callout.Text>
        </Callout.Root>
      ) : null}
      {state.connection === 'closed' ? (
        <Callout.Root color="red" highContrast role="alert">
          <Callout.Text>
            {t(closedMessageKey(state.closeCode), { origin: window.location.origin })}
          </Callout.Text>
        </Callout.Root>
      ) : null}
    </Flex>
  );
}

/**
 * Says the changes of connection and of saving that matter to someone writing: going offline,
 * being back, and everything written being stored — not every "Saving…" between. (Being paused
 * has its own status callout.)
 */
function useStatusAnnouncements(connection: PaperSessionState['connection'], save: SaveStatus | null) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const last = useRef({ connection, save });
  useEffect(() => {
    const before = last.current;
    last.current = { connection, save };
    if (connection !== before.connection) {
      if (connection === 'offline') return announce(t('paper.announce.offline'));
      if (connection === 'connected' && (before.connection === 'offline' || before.connection === 'paused'))
        return announce(t('paper.announce.online'));
    }
    if (save === 'saved' && before.save !== null && before.save !== 'saved')
      announce(t('paper.announce.saved'));
  }, [connection, save, announce, t]);
}
