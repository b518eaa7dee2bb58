import { Callout } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-messages';

/** A failed request explained in the reader's language; announced when it appears. */
export function ErrorCallout({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Callout.Root color="red" highContrast role="alert">
      <Callout.Text>{errorMessage(t, error)}</Callout.Text>
    </Callout.Root>
  );
}

/** A live region that stays mounted so screen readers announce the error when it is set. */
export function FormAlert({ error }: { error: unknown }) {
  return <div aria-live="assertive">{error ? <ErrorCallout error={error} /> : null}</div>;
}
