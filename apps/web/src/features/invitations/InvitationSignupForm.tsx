import { signupBody, type SignupBody } from '@cw/shared';
import { Button, Callout, Flex, Heading, Link as ThemeLink, TextField } from '@radix-ui/themes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrorsFromApi, fieldErrorsFromZod, type FieldErrors } from '../../lib/error-messages';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { adoptSession } from '../auth/useSessionActions';
import { signupAndJoin } from './signup-and-join';

/**
 * Creates an account through the invitation and joins the consultation. When the email has an
 * account already, its owner is asked to sign in with its password and join from there.
 */
export function InvitationSignupForm({
  token,
  signInPath,
  onJoined,
}: {
  token: string;
  /** The sign-in page, coming back to this invitation. */
  signInPath: string;
  onJoined: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const signup = useMutation({ mutationFn: (body: SignupBody) => signupAndJoin(token, body) });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = signupBody.safeParse({ name, email, password });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setFieldErrors({});
    signup.mutate(parsed.data, {
      onSuccess: (outcome) => {
        if (outcome.kind === 'signInToJoin') return;
        adoptSession(queryClient, outcome.session);
        if (outcome.kind === 'joined') onJoined();
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
        {signup.data?.kind === 'signInToJoin' ? (
          <Callout.Root color="amber" highContrast role="alert">
            <Callout.Text>
              {t('invite.signup.signInToJoin')}{' '}
              <ThemeLink asChild underline="always">
                <Link to={signInPath}>{t('invite.signInFirst')}</Link>
              </ThemeLink>
            </Callout.Text>
          </Callout.Root>
        ) : null}
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
