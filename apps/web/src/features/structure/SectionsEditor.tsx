import { createSectionBody, type ConsultationDetail } from '@cw/shared';
import { Button, Card, Flex, Heading, Text, TextField } from '@radix-ui/themes';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { createSection, reorderSections } from './api';
import { moveItem } from './move-item';
import { SectionRow } from './SectionRow';
import { useStructureMutation } from './useStructureMutation';

/** The paper's sections in order: add at the end, edit, reorder, delete. */
export function SectionsEditor({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const sections = [...consultation.sections].sort((a, b) => a.position - b.position);
  const [title, setTitle] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const add = useStructureMutation(consultation.id, (body: { title: string }) =>
    createSection(consultation.id, body),
  );
  const reorder = useStructureMutation(consultation.id, (order: string[]) =>
    reorderSections(consultation.id, order),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createSectionBody.safeParse({ title });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    add.mutate(parsed.data, {
      onSuccess: () => setTitle(''),
      onError: (error) => setFieldErrors(fieldErrorsFromApi(error)),
    });
  }

  const ids = sections.map((section) => section.id);
  return (
    <section aria-labelledby="sections-heading">
      <Card>
        <Flex direction="column" gap="3">
          <Heading as="h2" size="5" id="sections-heading">
            {t('structure.sections.title')}
          </Heading>
          {sections.length === 0 ? <Text>{t('structure.sections.empty')}</Text> : null}
          <FormAlert error={reorder.error} />
          <ol className="plain-list">
            {sections.map((section, index) => (
              <SectionRow
                key={`${section.id}-${section.number}-${section.title}`}
                consultationId={consultation.id}
                section={section}
                isFirst={index === 0}
                isLast={index === sections.length - 1}
                isMoving={reorder.isPending}
                onMove={(step) => reorder.mutate(moveItem(ids, section.id, step))}
              />
            ))}
          </ol>
          <form onSubmit={submit} noValidate>
            <Flex gap="2" align="end" wrap="wrap">
              <FormField label={t('structure.sections.newTitle')} error={fieldErrors.title}>
                {(control) => (
                  <TextField.Root
                    {...control}
                    value={title}
                    onChange={(event) => setTitle(event.target.value)}
                  />
                )}
              </FormField>
              <Button type="submit" loading={add.isPending}>
                {t('structure.sections.add')}
              </Button>
            </Flex>
          </form>
          <FormAlert error={add.error} />
        </Flex>
      </Card>
    </section>
  );
}
