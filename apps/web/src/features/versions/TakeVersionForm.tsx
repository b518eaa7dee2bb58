import { createVersionBody } from '@cw/shared';
import { Button, Flex, Text, TextField } from '@radix-ui/themes';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { useTakeVersion } from './useVersions';

/** Names and takes an immutable snapshot of the paper as it is now. */
export function TakeVersionForm({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [takenName, setTakenName] = useState<string | null>(null);
  const take = useTakeVersion(consultationId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createVersionBody.safeParse({ name });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    setTakenName(null);
    take.mutate(parsed.data, {
      onSuccess: (version) => {
        setName('');
        setTakenName(version.name);
      },
      onError: (error) => setFieldErrors(fieldErrorsFromApi(error)),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" gap="2">
        <Flex gap="2" align="end" wrap="wrap">
          <FormField label={t('versions.take.name')} hint={t('versions.take.hint')} error={fieldErrors.name}>
            {(control) => (
              <TextField.Root {...control} value={name} onChange={(event) => setName(event.target.value)} />
            )}
          </FormField>
          <Button type="submit" loading={take.isPending}>
            {t('versions.take.submit')}
          </Button>
        </Flex>
        <Text as="p" role="status" className="status-text">
          {takenName ? t('versions.take.done', { name: takenName }) : null}
        </Text>
        <FormAlert error={take.error} />
      </Flex>
    </form>
  );
}
