import type { OutboxMail } from '@cw/shared';
import { Badge, Card, DataList, Flex, Heading, Link, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../lib/time-format';
import './mail.css';

const STATUS_COLOR = {
  kept: 'blue',
  pending: 'amber',
  sending: 'amber',
  sent: 'green',
  failed: 'red',
} as const;

/** Plain text with its web addresses (less a closing full stop or comma) as links, so a kept mail's link can be followed from here. */
function TextWithLinks({ text }: { text: string }) {
  return (
    <Text as="div" size="2" className="mail-text">
      {text.split(/(https?:\/\/\S*[^\s.,;:!?)])/).map((part, index) =>
        index % 2 === 1 ? (
          <Link key={index} href={part} underline="always">
            {part}
          </Link>
        ) : (
          part
        ),
      )}
    </Text>
  );
}

/** One mail of the outbox: to whom, what, how its delivery went, and a kept mail's text. */
export function OutboxMailCard({ mail }: { mail: OutboxMail }) {
  const { t, i18n } = useTranslation();
  const headingId = `mail-${mail.id}`;
  return (
    <Card asChild>
      <article aria-labelledby={headingId}>
        <Flex direction="column" gap="3">
          <Flex justify="between" gap="3" wrap="wrap" align="center">
            <Heading as="h2" size="3" id={headingId}>
              {mail.subject}
            </Heading>
            <Badge color={STATUS_COLOR[mail.status]}>{t(`mail.status.${mail.status}`)}</Badge>
          </Flex>
          <DataList.Root size="2">
            <DataList.Item>
              <DataList.Label>{t('mail.to')}</DataList.Label>
              <DataList.Value>{mail.recipient}</DataList.Value>
            </DataList.Item>
            <DataList.Item>
              <DataList.Label>{t('mail.queuedAt')}</DataList.Label>
              <DataList.Value>{formatInstant(mail.createdAt, i18n.language)}</DataList.Value>
            </DataList.Item>
            {mail.sentAt ? (
              <DataList.Item>
                <DataList.Label>{t('mail.sentAt')}</DataList.Label>
                <DataList.Value>{formatInstant(mail.sentAt, i18n.language)}</DataList.Value>
              </DataList.Item>
            ) : null}
            {mail.attempts > 0 ? (
              <DataList.Item>
                <DataList.Label>{t('mail.attempts')}</DataList.Label>
                <DataList.Value>{mail.attempts}</DataList.Value>
              </DataList.Item>
            ) : null}
            {mail.nextAttemptAt && mail.attempts > 0 ? (
              <DataList.Item>
                <DataList.Label>{t('mail.nextAttemptAt')}</DataList.Label>
                <DataList.Value>{formatInstant(mail.nextAttemptAt, i18n.language)}</DataList.Value>
              </DataList.Item>
            ) : null}
            {mail.lastError ? (
              <DataList.Item>
                <DataList.Label>{t('mail.lastError')}</DataList.Label>
                <DataList.Value>{mail.lastError}</DataList.Value>
              </DataList.Item>
            ) : null}
          </DataList.Root>
          {mail.text !== null ? <TextWithLinks text={mail.text} /> : null}
        </Flex>
      </article>
    </Card>
  );
}
