import type { VersionSummary } from '@cw/shared';
import { Button, Flex } from '@radix-ui/themes';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormField } from '../../ui/FormField';

export const CURRENT_PAPER = 'current';

/** Picks an older version and a newer side (another version or the current paper) to compare. */
export function CompareForm({ versions }: { versions: readonly VersionSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The list is newest first: by default compare the latest version with the paper now.
  const [from, setFrom] = useState(versions[0]?.id ?? '');
  const [to, setTo] = useState(CURRENT_PAPER);
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (from === to) {
      setError(t('versions.compare.sameSide'));
      return;
    }
    setError(undefined);
    void navigate(`compare?${new URLSearchParams({ from, to }).toString()}`);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Flex gap="3" align="end" wrap="wrap">
        <FormField label={t('versions.compare.from')}>
          {(control) => (
            <select
              {...control}
              className="native-select"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
            >
              {versions.map((version) => (
                <option key={version.id} value={version.id}>
                  {version.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('versions.compare.to')} error={error}>
          {(control) => (
            <select
              {...control}
              className="native-select"
              value={to}
              onChange={(event) => setTo(event.target.value)}
            >
              <option value={CURRENT_PAPER}>{t('versions.compare.currentPaper')}</option>
              {versions.map((version) => (
                <option key={version.id} value={version.id}>
                  {version.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <Button type="submit">{t('versions.compare.submit')}</Button>
      </Flex>
    </form>
  );
}
