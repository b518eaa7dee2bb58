import { signupBody } from '@cw/shared';
import { Button, Flex, Heading, TextField } from '@radix-ui/themes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { signupWithInvitation } from '../auth/api';
import { adoptSession } from '../auth/useSessionActions';

/** Creates an account through the invitation, which also joins the consultation. */
export function InvitationSignupForm({ token, onJoined }: { token: string; onJoined: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const signup = useMutation({
    mutationFn: (body: Parameters<typeof signupWithInvitation>[1]) => signupWithInvitation(token, body),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = signupBody.safeParse({ name, email, password });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    signup.mutate(parsed.data, {
      onSuccess: (session) => {
        adoptSession(queryClient, session);
        onJoined();
      },
      onError: (error) => setFieldErrors(fieldErrorsFromApi(error)),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="signup-heading">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="4" id="signup-heading">
          {t('invite.signup.title')}
        </Heading>
        <FormAlert error={signup.error} />
        <FormField label={t('invite.signup.name')} error={fieldErrors.name}>
          {(control) => (
            <TextField.Root
              {...control}
              autoComplete="name"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('auth.email')} error={fieldErrors.email}>
          {(control) => (
            <TextField.Root
              {...control}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </FormField>
        <FormField
          label={t('auth.password')}
          hint={t('invite.signup.passwordHint')}
          error={fieldErrors.password}
        >
          {(control) => (
            <TextField.Root
              {...control}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </FormField>
        <Button type="submit" loading={signup.isPending}>
          {t('invite.signup.submit')}
        </Button>
      </Flex>
    </form>
  );
}
