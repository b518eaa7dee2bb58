import { Callout } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';

/** For a page the member's role or the phase does not open to them. */
export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <Callout.Root color="amber" highContrast>
      <Callout.Text>{t('common.notAllowed')}</Callout.Text>
    </Callout.Root>
  );
}
