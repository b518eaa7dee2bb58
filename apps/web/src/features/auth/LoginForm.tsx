import { loginBody } from '@cw/shared';
import { Button, Flex, TextField } from '@radix-ui/themes';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { useLogin } from './useSessionActions';

/** Email and password sign-in; calls `onSignedIn` once the session cookie is set. */
export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = loginBody.safeParse({ email, password });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    login.mutate(parsed.data, {
      onSuccess: onSignedIn,
      onError: (error) => setFieldErrors(fieldErrorsFromApi(error)),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="login-heading">
      <Flex direction="column" gap="3">
        <FormAlert error={login.error} />
        <FormField label={t('auth.email')} error={fieldErrors.email}>
          {(control) => (
            <TextField.Root
              {...control}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('auth.password')} error={fieldErrors.password}>
          {(control) => (
            <TextField.Root
              {...control}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" loading={login.isPending}>
          {t('auth.signIn')}
        </Button>
      </Flex>
    </form>
  );
}
