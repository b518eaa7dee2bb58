import { groupBody, updateGroupBody, type StakeholderGroup } from '@cw/shared';
import { Button, Flex, TextArea, TextField } from '@radix-ui/themes';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { describeGroup, removeGroup, renameGroup } from '../consultations/api';

interface StakeholderGroupRowProps {
  consultationId: string;
  group: StakeholderGroup;
  onChanged: () => Promise<void>;
}

/**
 * Rename a stakeholder group in place, describe what it stands for (invitees who pick their own
 * group read it), or remove it (refused while members belong to it).
 */
export function StakeholderGroupRow({ consultationId, group, onChanged }: StakeholderGroupRowProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(group.name);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const rename = useMutation({
    mutationFn: (newName: string) => renameGroup(consultationId, group.id, newName),
    onSuccess: onChanged,
  });
  const [description, setDescription] = useState(group.description);
  const describe = useMutation({
    mutationFn: (text: string) => describeGroup(consultationId, group.id, text),
    onSuccess: onChanged,
  });
  const remove = useMutation({
    mutationFn: () => removeGroup(consultationId, group.id),
    onSuccess: onChanged,
  });

  function submitRename() {
    const parsed = groupBody.safeParse({ name });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    rename.mutate(parsed.data.name, { onError: (error) => setFieldErrors(fieldErrorsFromApi(error)) });
  }

  function submitDescription() {
    const parsed = updateGroupBody.safeParse({ description });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    describe.mutate(parsed.data.description ?? '', {
      onError: (error) => setFieldErrors(fieldErrorsFromApi(error)),
    });
  }

  return (
    <li>
      <Flex direction="column" gap="2" py="2">
        <Flex gap="2" align="end" wrap="wrap">
          <FormField label={t('settings.groups.nameOf', { name: group.name })} error={fieldErrors.name}>
            {(control) => (
              <TextField.Root {...control} value={name} onChange={(event) => setName(event.target.value)} />
            )}
          </FormField>
          <Button
            variant="soft"
            loading={rename.isPending}
            disabled={name === group.name}
            onClick={submitRename}
          >
            {t('settings.groups.rename')}
          </Button>
          <ConfirmDialog
            trigger={
              <Button
                variant="soft"
                color="red"
                aria-label={t('settings.groups.remove', { name: group.name })}
                loading={remove.isPending}
              >
                {t('settings.groups.removeShort')}
              </Button>
            }
            title={t('settings.groups.removeTitle', { name: group.name })}
            description={t('settings.groups.removeDescription')}
            confirmLabel={t('settings.groups.removeConfirm')}
            isDestructive
            onConfirm={() => remove.mutate()}
          />
        </Flex>
        <Flex gap="2" align="end" wrap="wrap">
          <FormField
            label={t('settings.groups.descriptionOf', { name: group.name })}
            hint={t('settings.groups.descriptionHint')}
            error={fieldErrors.description}
          >
            {(control) => (
              <TextArea
                {...control}
                rows={2}
                value={description}
                onChange={(event) => setDescription(event.target.value)}
              />
            )}
          </FormField>
          <Button
            variant="soft"
            loading={describe.isPending}
            disabled={description === group.description}
            onClick={submitDescription}
          >
            {t('settings.groups.describe', { name: group.name })}
          </Button>
        </Flex>
        <FormAlert error={rename.error ?? describe.error ?? remove.error} />
      </Flex>
    </li>
  );
}
