import type { InvitationPreview } from '@cw/shared';
import { DataList } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../lib/time-format';

/** What the invitation grants: consultation, role, group and how long the link works. */
export function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  const { t, i18n } = useTranslation();
  return (
    <DataList.Root>
      <DataList.Item>
        <DataList.Label>{t('invite.consultation')}</DataList.Label>
        <DataList.Value>{preview.consultationTitle}</DataList.Value>
      </DataList.Item>
      <DataList.Item>
        <DataList.Label>{t('members.fields.role')}</DataList.Label>
        <DataList.Value>{t(`roles.${preview.role}`)}</DataList.Value>
      </DataList.Item>
      <DataList.Item>
        <DataList.Label>{t('members.fields.group')}</DataList.Label>
        <DataList.Value>{preview.groupName ?? t('invite.group.yours')}</DataList.Value>
      </DataList.Item>
      {preview.email ? (
        <DataList.Item>
          <DataList.Label>{t('invite.sentTo')}</DataList.Label>
          <DataList.Value>{preview.email}</DataList.Value>
        </DataList.Item>
      ) : null}
      <DataList.Item>
        <DataList.Label>{t('invitations.fields.expiresAt')}</DataList.Label>
        <DataList.Value>{formatInstant(preview.expiresAt, i18n.language)}</DataList.Value>
      </DataList.Item>
    </DataList.Root>
  );
}
