import { Button, Dialog } from '@radix-ui/themes';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../ui/LoadingState';

const loadForm = () => import('./NewConsultationForm');

// Only organisers create consultations, and only now and then: the form and its form library
// load when the dialog opens (or the pointer reaches the button), not with the list page.
const NewConsultationForm = lazy(() =>
  loadForm().then((module) => ({ default: module.NewConsultationForm })),
);

/** Organisers start a consultation, blank or from a template, and land on its home page. */
export function NewConsultationDialog() {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);

  return (
    <Dialog.Root open={isOpen} onOpenChange={setIsOpen}>
      <Dialog.Trigger>
        <Button onPointerEnter={loadForm} onFocus={loadForm}>
          {t('consultations.new.open')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="520px">
        <Dialog.Title>{t('consultations.new.title')}</Dialog.Title>
        <Dialog.Description size="2" color="gray" highContrast>
          {t('consultations.new.description')}
        </Dialog.Description>
        <Suspense fallback={<LoadingState />}>
          <NewConsultationForm onCreated={() => setIsOpen(false)} />
        </Suspense>
      </Dialog.Content>
    </Dialog.Root>
  );
}
