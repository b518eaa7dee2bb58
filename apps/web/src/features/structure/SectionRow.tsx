import { updateSectionBody, type Section } from '@cw/shared';
import { Button, Flex, TextField } from '@radix-ui/themes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { deleteSection, updateSection } from './api';
import { useStructureMutation } from './useStructureMutation';

interface SectionRowProps {
  consultationId: string;
  section: Section;
  isFirst: boolean;
  isLast: boolean;
  onMove: (step: -1 | 1) => void;
  isMoving: boolean;
}

/** One paper section: renumber, rename, move, delete. Its id, and so its links, never change. */
export function SectionRow({ consultationId, section, isFirst, isLast, onMove, isMoving }: SectionRowProps) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(section.number);
  const [title, setTitle] = useState(section.title);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const update = useStructureMutation(consultationId, (body: { title?: string; number?: string }) =>
    updateSection(consultationId, section.id, body),
  );
  const remove = useStructureMutation(consultationId, () => deleteSection(consultationId, section.id));
  const isChanged = number !== section.number || title !== section.title;

  function save() {
    const parsed = updateSectionBody.safeParse({
      ...(number !== section.number ? { number } : {}),
      ...(title !== section.title ? { title } : {}),
    });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    update.mutate(parsed.data, { onError: (error) => setFieldErrors(fieldErrorsFromApi(error)) });
  }

  return (
    <li>
      <Flex direction="column" gap="2" py="2">
        <Flex gap="2" align="end" wrap="wrap">
          <FormField
            label={t('structure.sections.numberOf', { title: section.title })}
            error={fieldErrors.number}
          >
            {(control) => (
              <TextField.Root
                {...control}
                className="number-field"
                value={number}
                onChange={(event) => setNumber(event.target.value)}
              />
            )}
          </FormField>
          <FormField
            label={t('structure.sections.titleOf', { number: section.number })}
            error={fieldErrors.title}
          >
            {(control) => (
              <TextField.Root {...control} value={title} onChange={(event) => setTitle(event.target.value)} />
            )}
          </FormField>
          <Button variant="soft" disabled={!isChanged} loading={update.isPending} onClick={save}>
            {t('common.save')}
          </Button>
          <Button
            variant="soft"
            color="gray"
            disabled={isFirst || isMoving}
            aria-label={t('structure.sections.moveUp', { title: section.title })}
            onClick={() => onMove(-1)}
          >
            ↑
          </Button>
          <Button
            variant="soft"
            color="gray"
            disabled={isLast || isMoving}
            aria-label={t('structure.sections.moveDown', { title: section.title })}
            onClick={() => onMove(1)}
          >
            ↓
          </Button>
          <ConfirmDialog
            trigger={
              <Button
                variant="soft"
                color="red"
                aria-label={t('structure.sections.delete', { title: section.title })}
                loading={remove.isPending}
              >
                {t('structure.delete')}
              </Button>
            }
            title={t('structure.sections.deleteTitle', { title: section.title })}
            description={t('structure.sections.deleteDescription')}
            confirmLabel={t('structure.sections.deleteConfirm')}
            isDestructive
            onConfirm={() => remove.mutate(undefined)}
          />
        </Flex>
        <FormAlert error={update.error ?? remove.error} />
      </Flex>
    </li>
  );
}
