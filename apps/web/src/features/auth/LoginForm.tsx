import { loginBody } from '@cw/shared';
import { sharedSchemaResolver } from '../../lib/form-resolver';
import { Button, Flex, TextField } from '@radix-ui/themes';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { showServerFieldErrors } from '../../lib/form-errors';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { useLogin } from './useSessionActions';

/** Email and password sign-in; calls `onSignedIn` once the session cookie is set. */
export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useForm({
    resolver: sharedSchemaResolver(loginBody),
    defaultValues: { email: '', password: '' },
  });
  const {
    register,
    formState: { errors },
  } = form;

  const submit = form.handleSubmit((body) =>
    login.mutate(body, {
      onSuccess: onSignedIn,
      onError: (error) => showServerFieldErrors(form, error),
    }),
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="login-heading">
      <Flex direction="column" gap="3">
        <FormAlert error={login.error} />
        <FormField label={t('auth.email')} error={errors.email?.message}>
          {(field) => (
            <TextField.Root {...field} type="email" autoComplete="username" {...register('email')} />
          )}
        </FormField>
        <FormField label={t('auth.password')} error={errors.password?.message}>
          {(field) => (
            <TextField.Root
              {...field}
              type="password"
              autoComplete="current-password"
              {...register('password')}
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
