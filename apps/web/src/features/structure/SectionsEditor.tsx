import { createSectionBody, type ConsultationDetail } from '@cw/shared';
import { Card, Flex, Heading, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/ErrorCallout';
import { SingleFieldForm } from '../../ui/SingleFieldForm';
import { createSection, reorderSections } from './api';
import { moveItem } from './move-item';
import { SectionRow } from './SectionRow';
import { useStructureMutation } from './useStructureMutation';

/** The paper's sections in order: add at the end, edit, reorder, delete. */
export function SectionsEditor({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const sections = [...consultation.sections].sort((a, b) => a.position - b.position);
  const add = useStructureMutation(consultation.id, (body: { title: string }) =>
    createSection(consultation.id, body),
  );
  const reorder = useStructureMutation(consultation.id, (order: string[]) =>
    reorderSections(consultation.id, order),
  );

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
          <SingleFieldForm
            field="title"
            schema={createSectionBody}
            label={t('structure.sections.newTitle')}
            submitLabel={t('structure.sections.add')}
            isPending={add.isPending}
            error={add.error}
            onSubmit={(body, callbacks) => add.mutate(body, callbacks)}
          />
        </Flex>
      </Card>
    </section>
  );
}
