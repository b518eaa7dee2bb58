import { signupBody, type GroupChoice, type SignupBody } from '@cw/shared';
import { Button, Callout, Flex, Heading, Link as ThemeLink, TextField } from '@radix-ui/themes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sharedSchemaResolver } from '../../lib/form-resolver';
import { showServerFieldErrors } from '../../lib/form-errors';
import { FormAlert } from '../../ui/ErrorCallout';
import { FormField } from '../../ui/FormField';
import { adoptSession } from '../auth/useSessionActions';
import { GroupPicker } from './GroupPicker';
import { signupAndJoin } from './signup-and-join';

/**
 * Creates an account through the invitation and joins the consultation. When the email has an
 * account already, its owner is asked to sign in with its password and join from there.
 */
export function InvitationSignupForm({
  token,
  signInPath,
  email = '',
  groups,
  onJoined,
}: {
  token: string;
  /** The sign-in page, coming back to this invitation. */
  signInPath: string;
  /** The address an emailed invitation is bound to. */
  email?: string | undefined;
  /** The groups to pick from, when the invitation leaves the group open. */
  groups: readonly GroupChoice[];
  onJoined: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: sharedSchemaResolver(signupBody),
    defaultValues: { name: '', email, password: '' },
  });
  const [groupId, setGroupId] = useState('');
  const [groupError, setGroupError] = useState<string | undefined>();
  const {
    register,
    formState: { errors },
  } = form;
  const signup = useMutation({
    mutationFn: (body: SignupBody) => signupAndJoin(token, groupId ? { ...body, groupId } : body),
  });

  const submit = form.handleSubmit((body) => {
    if (groups.length > 0 && !groupId) {
      setGroupError(t('invite.group.required'));
      return;
    }
    signup.mutate(body, {
      onSuccess: (outcome) => {
        if (outcome.kind === 'signInToJoin') return;
        adoptSession(queryClient, outcome.session);
        if (outcome.kind === 'joined') onJoined();
      },
      onError: (error) => showServerFieldErrors(form, error),
    });
  });

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
        {groups.length > 0 ? (
          <GroupPicker
            groups={groups}
            value={groupId}
            error={groupError}
            onChange={(picked) => {
              setGroupId(picked);
              setGroupError(undefined);
            }}
          />
        ) : null}
        <FormField label={t('invite.signup.name')} error={errors.name?.message}>
          {(field) => <TextField.Root {...field} autoComplete="name" {...register('name')} />}
        </FormField>
        <FormField label={t('auth.email')} error={errors.email?.message}>
          {(field) => (
            <TextField.Root
              {...field}
              type="email"
              autoComplete="email"
              readOnly={email !== ''}
              {...register('email')}
            />
          )}
        </FormField>
        <FormField
          label={t('auth.password')}
          hint={t('invite.signup.passwordHint')}
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
        <Button type="submit" loading={signup.isPending}>
          {t('invite.signup.submit')}
        </Button>
      </Flex>
    </form>
  );
}
