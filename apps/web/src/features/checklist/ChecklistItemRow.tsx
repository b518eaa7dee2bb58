import { checklistUpdateBody, type ChecklistItem } from '@cw/shared';
import { Button, Checkbox, Flex, Text, TextArea } from '@radix-ui/themes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { consultationKeys } from '../consultations/useConsultations';
import { updateChecklistItem } from './api';

interface ChecklistItemRowProps {
  consultationId: string;
  item: ChecklistItem;
  canUpdate: boolean;
}

/** One design feature: ticked or not, with the note explaining the decision. */
export function ChecklistItemRow({ consultationId, item, canUpdate }: ChecklistItemRowProps) {
  const { t } = useTranslation();
  const checkboxId = useId();
  const queryClient = useQueryClient();
  const [note, setNote] = useState(item.note);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const update = useMutation({
    mutationFn: (body: { isChecked?: boolean; note?: string }) =>
      updateChecklistItem(consultationId, item.id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consultationKeys.detail(consultationId) }),
    onError: (error) => setFieldErrors(fieldErrorsFromApi(error)),
  });

  function save(body: { isChecked?: boolean; note?: string }) {
    const parsed = checklistUpdateBody.safeParse(body);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    update.mutate(parsed.data);
  }

  if (!canUpdate) {
    return (
      <Flex direction="column" gap="1">
        <Text weight="medium">
          {t(item.isChecked ? 'checklist.checkedItem' : 'checklist.uncheckedItem', { label: item.label })}
        </Text>
        {item.note ? <Text size="2">{item.note}</Text> : null}
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="2">
      <Text as="label" htmlFor={checkboxId} weight="medium">
        <Flex gap="2" align="center">
          <Checkbox
            id={checkboxId}
            checked={item.isChecked}
            disabled={update.isPending}
            onCheckedChange={(checked) => save({ isChecked: checked === true, note })}
          />
          {item.label}
        </Flex>
      </Text>
      <FormField label={t('checklist.note', { label: item.label })} error={fieldErrors.note}>
        {(control) => (
          <TextArea {...control} value={note} onChange={(event) => setNote(event.target.value)} rows={2} />
        )}
      </FormField>
      <Flex>
        <Button
          size="1"
          variant="soft"
          loading={update.isPending}
          disabled={note === item.note}
          onClick={() => save({ note })}
        >
          {t('checklist.saveNote')}
        </Button>
      </Flex>
      <FormAlert error={update.error} />
    </Flex>
  );
}
