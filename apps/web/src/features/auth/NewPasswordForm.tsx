import { passwordResetConfirmBody } from '@cw/shared';
import { sharedSchemaResolver } from '../../lib/form-resolver';
import { Button, Callout, Flex, Link as ThemeLink, TextField } from '@radix-ui/themes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { showServerFieldErrors } from '../../lib/form-errors';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { confirmPasswordReset } from './api';
import { CURRENT_USER_KEY } from './useCurrentUser';

/** The form's own field; the token comes from the link. */
const newPasswordFields = passwordResetConfirmBody.pick({ password: true });

/** Sets a new password with the token of a reset link; then the user signs in with it. */
export function NewPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: confirmPasswordReset,
    // Every session of the account has ended, this browser's too if it was signed in.
    onSuccess: () => queryClient.setQueryData(CURRENT_USER_KEY, null),
  });
  const form = useForm({
    resolver: sharedSchemaResolver(newPasswordFields),
    defaultValues: { password: '' },
  });
  const {
    register,
    formState: { errors },
  } = form;

  const submit = form.handleSubmit(({ password }) =>
    confirm.mutate({ token, password }, { onError: (error) => showServerFieldErrors(form, error) }),
  );

  if (confirm.isSuccess) {
    return (
      <Callout.Root color="green" highContrast role="status">
        <Callout.Text>
          {t('auth.reset.done')}{' '}
          <ThemeLink asChild>
            <Link to="/login">{t('auth.signIn')}</Link>
          </ThemeLink>
        </Callout.Text>
      </Callout.Root>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="reset-heading">
      <Flex direction="column" gap="3">
        <FormAlert error={confirm.error} />
        <FormField
          label={t('auth.reset.newPassword')}
          hint={t('auth.reset.newPasswordHint')}
          error={errors.password?.message}
        >
          {(field) => (
            <TextField.Root
              {...field}
              type="password"
              autoComplete="new-password"
              {...register('password')}
            />
          )}
        </FormField>
        <Button type="submit" loading={confirm.isPending}>
          {t('auth.reset.confirmSubmit')}
        </Button>
      </Flex>
    </form>
  );
}
