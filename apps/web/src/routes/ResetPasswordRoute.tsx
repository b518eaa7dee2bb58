import { resetToken } from '@cw/shared';
import { Flex, Heading, Link as ThemeLink, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { NewPasswordForm } from '../features/auth/NewPasswordForm';
import { PasswordResetRequestForm } from '../features/auth/PasswordResetRequestForm';
import { usePageTitle } from '../ui/usePageTitle';

/**
 * Asks for a reset link, or — opened from the link, whose token follows `#` so that no server
 * ever receives it in a URL — sets the new password. A link cut short asks for a new one.
 */
export function ResetPasswordRoute() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const token = resetToken.safeParse(hash.slice(1));
  const title = token.success ? t('auth.reset.confirmTitle') : t('auth.reset.requestTitle');
  usePageTitle(title);

  return (
    <Flex direction="column" gap="5" maxWidth="480px" mx="auto">
      <Heading as="h1" id="reset-heading">
        {title}
      </Heading>
      {token.success ? (
        <NewPasswordForm token={token.data} />
      ) : (
        <>
          {hash.length > 1 ? <Text color="red">{t('auth.reset.brokenLink')}</Text> : null}
          <PasswordResetRequestForm />
        </>
      )}
      <ThemeLink asChild>
        <Link to="/login">{t('auth.reset.backToSignIn')}</Link>
      </ThemeLink>
    </Flex>
  );
}
