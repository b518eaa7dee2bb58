import { groupBody, type ConsultationDetail } from '@cw/shared';
import { Button, Card, Flex, Heading, TextField } from '@radix-ui/themes';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { addGroup } from '../consultations/api';
import { useRefreshConsultation } from '../consultations/useConsultations';
import { StakeholderGroupRow } from './StakeholderGroupRow';

/** The consultation's stakeholder groups: add, rename, remove. */
export function StakeholderGroupsEditor({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const refresh = useRefreshConsultation(consultation.id);
  const [name, setName] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const add = useMutation({ mutationFn: (newName: string) => addGroup(consultation.id, newName) });
  const groups = [...consultation.groups].sort((a, b) => a.position - b.position);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = groupBody.safeParse({ name });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    add.mutate(parsed.data.name, {
      onSuccess: async () => {
        setName('');
        await refresh();
      },
      onError: (error) => setFieldErrors(fieldErrorsFromApi(error)),
    });
  }

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
          <form onSubmit={submit} noValidate>
            <Flex gap="2" align="end" wrap="wrap">
              <FormField label={t('settings.groups.newName')} error={fieldErrors.name}>
                {(control) => (
                  <TextField.Root
                    {...control}
                    value={name}
                    onChange={(event) => setName(event.target.value)}
                  />
                )}
              </FormField>
              <Button type="submit" loading={add.isPending}>
                {t('settings.groups.add')}
              </Button>
            </Flex>
          </form>
          <FormAlert error={add.error} />
        </Flex>
      </Card>
    </section>
  );
}
