import type { ConsultationDetail } from '@cw/shared';
import { Button, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../../ui/ChoiceSelect';
import { FormAlert } from '../../ui/ErrorCallout';
import { askGroupChange, fetchOwnGroupRequest, groupRequestKeys } from './api';

/** The member's own stakeholder group, and a request to the organisers to change it. */
export function MyGroupCard({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const others = consultation.groups.filter((group) => group.id !== consultation.groupId);
  const [groupId, setGroupId] = useState(others[0]?.id ?? '');
  const own = useQuery({
    queryKey: groupRequestKeys.mine(consultation.id),
    queryFn: () => fetchOwnGroupRequest(consultation.id),
  });
  const ask = useMutation({
    mutationFn: () => askGroupChange(consultation.id, groupId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupRequestKeys.mine(consultation.id) }),
  });
  const requested = own.data?.request
    ? consultation.groups.find((group) => group.id === own.data.request!.groupId)?.name
    : undefined;

  return (
    <Card asChild>
      <section aria-labelledby={`${id}-heading`}>
        <Flex direction="column" gap="3">
          <Heading as="h2" size="4" id={`${id}-heading`}>
            {t('members.myGroup.title')}
          </Heading>
          <Text>{t('members.myGroup.current', { group: consultation.groupName })}</Text>
          {requested ? <Text role="status">{t('members.myGroup.pending', { group: requested })}</Text> : null}
          {others.length > 0 ? (
            <Flex gap="2" align="end" wrap="wrap">
              <Flex direction="column" gap="1">
                <Text as="label" htmlFor={`${id}-group`} size="2" weight="medium">
                  {t('members.myGroup.askFor')}
                </Text>
                <ChoiceSelect
                  id={`${id}-group`}
                  value={groupId}
                  choices={others.map((group) => ({ value: group.id, label: group.name }))}
                  onChange={setGroupId}
                />
              </Flex>
              <Button variant="soft" loading={ask.isPending} onClick={() => ask.mutate()}>
                {t('members.myGroup.ask')}
              </Button>
            </Flex>
          ) : null}
          <FormAlert error={ask.error} />
        </Flex>
      </section>
    </Card>
  );
}
