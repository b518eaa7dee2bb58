import type { ConsultationDetail } from '@cw/shared';
import { Card, Flex, Heading, Separator, Text } from '@radix-ui/themes';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { canDo } from '../consultations/useConsultations';
import { ChecklistItemRow } from './ChecklistItemRow';

/** The design-features checklist; editable by those the permission matrix allows, read-only for others. */
export function ChecklistView({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  if (consultation.checklist.length === 0) return null;
  const canUpdate = canDo(consultation, 'checklist.update');
  const items = [...consultation.checklist].sort((a, b) => a.position - b.position);
  const checkedCount = items.filter((item) => item.isChecked).length;
  return (
    <section aria-labelledby="checklist-heading">
      <Card>
        <Flex direction="column" gap="3">
          <Heading as="h2" size="5" id="checklist-heading">
            {t('checklist.title')}
          </Heading>
          <Text size="2" color="gray" highContrast>
            {t('checklist.progress', { checked: checkedCount, total: items.length })}
          </Text>
          {items.map((item, index) => (
            <Fragment key={item.id}>
              {index > 0 ? <Separator size="4" /> : null}
              <ChecklistItemRow consultationId={consultation.id} item={item} canUpdate={canUpdate} />
            </Fragment>
          ))}
        </Flex>
      </Card>
    </section>
  );
}
