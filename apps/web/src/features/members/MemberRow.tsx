import {
  ROLES,
  updateMemberBody,
  type ConsultationDetail,
  type Member,
  type UpdateMemberBody,
} from '@cw/shared';
import { Badge, Button, Flex, Table, Text } from '@radix-ui/themes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { consultationKeys } from '../consultations/useConsultations';
import { memberKeys, removeMember, updateMember } from './api';

interface MemberRowProps {
  consultation: ConsultationDetail;
  member: Member;
  canManage: boolean;
  /** Reports a failed change (e.g. LAST_ADMIN) to the table's live region; null clears it. */
  onError: (error: unknown) => void;
}

/** One member; admins change role and group in place or remove the member after confirming. */
export function MemberRow({ consultation, member, canManage, onError }: MemberRowProps) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: memberKeys.list(consultation.id) }),
      // The caller may have changed their own role, which changes what they may do.
      queryClient.invalidateQueries({ queryKey: consultationKeys.detail(consultation.id) }),
    ]);
  const update = useMutation({
    mutationFn: (body: UpdateMemberBody) =>
      updateMember(consultation.id, member.id, updateMemberBody.parse(body)),
    onMutate: () => onError(null),
    onSuccess: refresh,
    onError,
  });
  const remove = useMutation({
    mutationFn: () => removeMember(consultation.id, member.id),
    onMutate: () => onError(null),
    onSuccess: refresh,
    onError,
  });
  const groupName = consultation.groups.find((group) => group.id === member.groupId)?.name ?? '';

  return (
    <Table.Row>
      <Table.RowHeaderCell>
        <Text weight="medium">{member.name}</Text>
        <Text as="div" size="1" color="gray" highContrast>
          {member.email}
        </Text>
      </Table.RowHeaderCell>
      <Table.Cell>
        {canManage ? (
          <ChoiceSelect
            id={`${id}-role`}
            aria-label={t('members.roleOf', { name: member.name })}
            value={member.role}
            disabled={update.isPending}
            choices={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            onChange={(role) => update.mutate({ role: role as Member['role'] })}
          />
        ) : (
          t(`roles.${member.role}`)
        )}
      </Table.Cell>
      <Table.Cell>
        <Flex direction="column" gap="2" align="start">
          {canManage ? (
            <ChoiceSelect
              id={`${id}-group`}
              aria-label={t('members.groupOf', { name: member.name })}
              value={member.groupId}
              disabled={update.isPending}
              choices={consultation.groups.map((group) => ({ value: group.id, label: group.name }))}
              onChange={(groupId) => update.mutate({ groupId })}
            />
          ) : (
            groupName
          )}
          {member.groupSelfIdentified ? (
            <Flex gap="2" align="center" wrap="wrap">
              <Badge color="amber" highContrast>
                {t('members.selfIdentified')}
              </Badge>
              {canManage ? (
                <Button
                  size="1"
                  variant="soft"
                  disabled={update.isPending}
                  onClick={() => update.mutate({ groupId: member.groupId })}
                >
                  {t('members.confirmGroup', { name: member.name })}
                </Button>
              ) : null}
            </Flex>
          ) : null}
        </Flex>
      </Table.Cell>
      {canManage ? (
        <Table.Cell>
          <ConfirmDialog
            trigger={
              <Button
                size="1"
                variant="soft"
                color="red"
                aria-label={t('members.remove.action', { name: member.name })}
                loading={remove.isPending}
              >
                {t('members.remove.short')}
              </Button>
            }
            title={t('members.remove.title', { name: member.name })}
            description={t('members.remove.description')}
            confirmLabel={t('members.remove.confirm')}
            isDestructive
            onConfirm={() => remove.mutate()}
          />
        </Table.Cell>
      ) : null}
    </Table.Row>
  );
}
