import { Button, Callout, Card, Flex, Heading, Link as ThemeLink, Text } from '@radix-ui/themes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { consultationKeys } from '../features/consultations/useConsultations';
import { acceptInvitation, fetchInvitationPreview, invitationKeys } from '../features/invitations/api';
import { InvitationSignupForm } from '../features/invitations/InvitationSignupForm';
import { InvitationSummary } from '../features/invitations/InvitationSummary';
import { ErrorCallout, FormAlert } from '../ui/ErrorCallout';
import { LoadingState } from '../ui/LoadingState';
import { usePageTitle } from '../ui/usePageTitle';

export function InvitationRoute() {
  const { t } = useTranslation();
  usePageTitle(t('invite.title'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: user, isPending: isUserPending } = useCurrentUser();
  const preview = useQuery({
    queryKey: invitationKeys.preview(token),
    queryFn: () => fetchInvitationPreview(token),
  });
  const accept = useMutation({ mutationFn: () => acceptInvitation(token) });

  const signInPath = `/login?next=${encodeURIComponent(`/invite/${token}`)}`;

  const goToConsultation = async (consultationId: string) => {
    await queryClient.invalidateQueries({ queryKey: consultationKeys.list });
    navigate(`/consultations/${consultationId}`);
  };

  return (
    <Flex direction="column" gap="4" maxWidth="560px" mx="auto">
      <Heading as="h1">{t('invite.title')}</Heading>
      {preview.isPending || isUserPending ? <LoadingState /> : null}
      {preview.error ? <ErrorCallout error={preview.error} /> : null}
      {preview.data ? (
        <>
          <Text>{t('invite.intro')}</Text>
          <Card>
            <InvitationSummary preview={preview.data} />
          </Card>
          {preview.data.status !== 'pending' ? (
            <Callout.Root color="amber" highContrast role="alert">
              <Callout.Text>{t(`invite.unusable.${preview.data.status}`)}</Callout.Text>
            </Callout.Root>
          ) : user ? (
            <Flex direction="column" gap="3">
              <Text>{t('invite.joinAs', { name: user.name })}</Text>
              <FormAlert error={accept.error} />
              <Flex>
                <Button
                  loading={accept.isPending}
                  onClick={() =>
                    accept.mutate(undefined, {
                      onSuccess: ({ consultationId }) => goToConsultation(consultationId),
                    })
                  }
                >
                  {t('invite.join')}
                </Button>
              </Flex>
            </Flex>
          ) : (
            <Card>
              <Flex direction="column" gap="4">
                <InvitationSignupForm
                  token={token}
                  signInPath={signInPath}
                  onJoined={() => goToConsultation(preview.data.consultationId)}
                />
                <Text size="2">
                  {t('invite.haveAccount')}{' '}
                  <ThemeLink asChild underline="always">
                    <Link to={signInPath}>{t('invite.signInFirst')}</Link>
                  </ThemeLink>
                </Text>
              </Flex>
            </Card>
          )}
        </>
      ) : null}
    </Flex>
  );
}
