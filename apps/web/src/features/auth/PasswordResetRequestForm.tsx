import { passwordResetRequestBody, type PasswordResetRequestBody } from '@cw/shared';
import { sharedSchemaResolver } from '../../lib/form-resolver';
import { Button, Callout, Flex, TextField } from '@radix-ui/themes';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { showServerFieldErrors } from '../../lib/form-errors';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { requestPasswordReset } from './api';

/** Asks for a reset link by mail; the answer is the same whether or not the email has an account. */
export function PasswordResetRequestForm() {
  const { t } = useTranslation();
  const request = useMutation({ mutationFn: requestPasswordReset });
  const form = useForm<PasswordResetRequestBody>({
    resolver: sharedSchemaResolver(passwordResetRequestBody),
    defaultValues: { email: '' },
  });
  const {
    register,
    formState: { errors },
  } = form;

  const submit = form.handleSubmit((body) =>
    request.mutate(body, { onError: (error) => showServerFieldErrors(form, error) }),
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="reset-heading">
      <Flex direction="column" gap="3">
        <FormAlert error={request.error} />
        <FormField label={t('auth.email')} hint={t('auth.reset.requestHint')} error={errors.email?.message}>
          {(field) => (
            <TextField.Root {...field} type="email" autoComplete="username" {...register('email')} />
          )}
        </FormField>
        <Button type="submit" loading={request.isPending}>
          {t('auth.reset.requestSubmit')}
        </Button>
        <div role="status">
          {request.isSuccess ? (
            <Callout.Root color="green" highContrast>
              <Callout.Text>{t('auth.reset.requested')}</Callout.Text>
            </Callout.Root>
          ) : null}
        </div>
      </Flex>
    </form>
  );
}
