import { groupBody, type ConsultationDetail } from '@cw/shared';
import { Card, Flex, Heading } from '@radix-ui/themes';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SingleFieldForm } from '../../ui/SingleFieldForm';
import { addGroup } from '../consultations/api';
import { useRefreshConsultation } from '../consultations/useConsultations';
import { StakeholderGroupRow } from './StakeholderGroupRow';

/** The consultation's stakeholder groups: add, rename, remove. */
export function StakeholderGroupsEditor({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const refresh = useRefreshConsultation(consultation.id);
  const add = useMutation({ mutationFn: (newName: string) => addGroup(consultation.id, newName) });
  const groups = [...consultation.groups].sort((a, b) => a.position - b.position);

  return (
    <section aria-labelledby="groups-heading">
      <Card>
        <Flex direction="column" gap="3">
          <Heading as="h2" size="5" id="groups-heading">
            {t('settings.groups.title')}
          </Heading>
          <ul className="plain-list">
            {groups.map((group) => (
              <StakeholderGroupRow
                key={group.id}
                consultationId={consultation.id}
                group={group}
                onChanged={() => refresh()}
              />
            ))}
          </ul>
          <SingleFieldForm
            field="name"
            schema={groupBody}
            label={t('settings.groups.newName')}
            submitLabel={t('settings.groups.add')}
            isPending={add.isPending}
            error={add.error}
            onSubmit={(body, { onSuccess, onError }) =>
              add.mutate(body.name, {
                onSuccess: async () => {
                  onSuccess();
                  await refresh();
                },
                onError,
              })
            }
          />
        </Flex>
      </Card>
    </section>
  );
}
