import { Button, Flex, TextField } from '@radix-ui/themes';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A link shown once, with a button that copies it; the result is announced. */
export function CopyableLink({ label, url }: { label: string; url: string }) {
  const { t } = useTranslation();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <Flex direction="column" gap="1">
      <Flex gap="2" align="end">
        <Flex direction="column" gap="1" flexGrow="1">
          <label htmlFor="invitation-link">{label}</label>
          <TextField.Root
            id="invitation-link"
            readOnly
            value={url}
            onFocus={(event) => event.target.select()}
          />
        </Flex>
        <Button type="button" variant="soft" onClick={copy}>
          {t('invitations.copy')}
        </Button>
      </Flex>
      <span role="status" className="status-text">
        {copyState === 'copied'
          ? t('invitations.copied')
          : copyState === 'failed'
            ? t('invitations.copyFailed')
            : ''}
      </span>
    </Flex>
  );
}
