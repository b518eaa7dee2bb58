import { Button, Callout, Card, Flex, Heading, Link as ThemeLink, Text } from '@radix-ui/themes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { consultationKeys } from '../features/consultations/useConsultations';
import { acceptInvitation, fetchInvitationPreview, invitationKeys } from '../features/invitations/api';
import { InvitationSignupForm } from '../features/invitations/InvitationSignupForm';
import { GroupPicker } from '../features/invitations/GroupPicker';
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
  const [groupId, setGroupId] = useState('');
  const [groupError, setGroupError] = useState<string | undefined>();
  const accept = useMutation({ mutationFn: () => acceptInvitation(token, groupId || undefined) });

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
              {preview.data.groups.length > 0 ? (
                <GroupPicker
                  groups={preview.data.groups}
                  value={groupId}
                  error={groupError}
                  onChange={(picked) => {
                    setGroupId(picked);
                    setGroupError(undefined);
                  }}
                />
              ) : null}
              <FormAlert error={accept.error} />
              <Flex>
                <Button
                  loading={accept.isPending}
                  onClick={() => {
                    if (preview.data.groups.length > 0 && !groupId) {
                      setGroupError(t('invite.group.required'));
                      return;
                    }
                    accept.mutate(undefined, {
                      onSuccess: ({ consultationId }) => goToConsultation(consultationId),
                    });
                  }}
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
                  email={preview.data.email ?? undefined}
                  groups={preview.data.groups}
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
