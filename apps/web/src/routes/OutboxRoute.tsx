import { Callout, Flex, Heading, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { OutboxMailCard } from '../features/mail/OutboxMailCard';
import { useOutbox } from '../features/mail/useOutbox';
import { ErrorCallout } from '../ui/ErrorCallout';
import { LoadingState } from '../ui/LoadingState';
import { usePageTitle } from '../ui/usePageTitle';

/**
 * The mail the app sent or keeps, for installation organisers. Without a mail server it is where
 * mail is read: an organiser passes a reset link on to its owner.
 */
export function OutboxRoute() {
  const { t } = useTranslation();
  usePageTitle(t('mail.title'));
  const { data: user } = useCurrentUser();
  const outbox = useOutbox();

  return (
    <Flex direction="column" gap="4">
      <Heading as="h1">{t('mail.title')}</Heading>
      {user && !user.isOrganiser ? (
        <Callout.Root color="amber" highContrast>
          <Callout.Text>{t('mail.organisersOnly')}</Callout.Text>
        </Callout.Root>
      ) : (
        <>
          {outbox.isPending ? <LoadingState /> : null}
          {outbox.error ? <ErrorCallout error={outbox.error} /> : null}
          {outbox.data ? (
            <>
              <Text>
                {outbox.data.delivery === 'kept' ? t('mail.keptExplanation') : t('mail.smtpExplanation')}
              </Text>
              {outbox.data.mails.length === 0 ? <Text>{t('mail.empty')}</Text> : null}
              {outbox.data.mails.map((mail) => (
                <OutboxMailCard key={mail.id} mail={mail} />
              ))}
            </>
          ) : null}
        </>
      )}
    </Flex>
  );
}
