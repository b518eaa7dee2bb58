import { Callout } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import type { Withholding } from './figures';

/**
 * Why figures are missing: the k threshold. It says only that some or all were kept out, which
 * the table shows anyway ("withheld", "at least"), never which cells or how many.
 */
export function WithheldNote({ withholding, k }: { withholding: Withholding; k: number }) {
  const { t } = useTranslation();
  if (withholding === 'none') return null;
  return (
    <Callout.Root color="gray" variant="surface" role="note">
      <Callout.Text>
        {withholding === 'all'
          ? t('dashboard.withheldNote.all', { k })
          : t('dashboard.withheldNote.some', { k })}
      </Callout.Text>
    </Callout.Root>
  );
}
