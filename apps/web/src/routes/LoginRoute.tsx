import { Flex, Heading, Link as ThemeLink } from '@radix-ui/themes';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DemoAccountList } from '../features/auth/DemoAccountList';
import { LoginForm } from '../features/auth/LoginForm';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { usePageTitle } from '../ui/usePageTitle';

/** Only same-site paths: a crafted `?next=https://…` must not send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginRoute() {
  const { t } = useTranslation();
  usePageTitle(t('auth.title'));
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const { data: user } = useCurrentUser();
  const next = safeNext(searchParams.get('next'));
  if (user) return <Navigate to={next} replace />;

  const onSignedIn = () => navigate(next, { replace: true });
  return (
    <Flex direction="column" gap="5" maxWidth="480px" mx="auto">
      <Heading as="h1" id="login-heading">
        {t('auth.title')}
      </Heading>
      <LoginForm onSignedIn={onSignedIn} />
      <ThemeLink asChild>
        <Link to="/reset-password">{t('auth.forgotPassword')}</Link>
      </ThemeLink>
      <DemoAccountList onSignedIn={onSignedIn} />
    </Flex>
  );
}
