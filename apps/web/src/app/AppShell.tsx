import { Box, Button, Container, Flex, Link as ThemeLink, Text } from '@radix-ui/themes';
import { Link, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { useLogout } from '../features/auth/useSessionActions';
import { switchLanguage } from '../i18n/i18n';
import { AnnouncerProvider } from '../ui/Announcer';
import { LanguageSwitcher } from './LanguageSwitcher';
import './app-shell.css';

/** Page frame: a header with the product name and the signed-in user, then the page in `<main>`. */
export function AppShell() {
  const { t, i18n } = useTranslation();
  const { data: user } = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();

  // The account's own choice wins over this browser's, on every device it signs in from.
  const accountLanguage = user?.language;
  useEffect(() => {
    if (accountLanguage && accountLanguage !== i18n.language) void switchLanguage(accountLanguage);
  }, [accountLanguage, i18n]);

  return (
    <AnnouncerProvider>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Box asChild className="app-header">
        <header>
          <Container size="4" px="4" className="app-width">
            <Flex align="center" justify="between" gap="4" py="3">
              <ThemeLink asChild weight="bold" size="4" highContrast underline="none">
                <Link to="/">{t('app.name')}</Link>
              </ThemeLink>
              <Flex align="center" gap="3" wrap="wrap" justify="end">
                <LanguageSwitcher />
                {user ? (
                  <>
                    {user.isOrganiser ? (
                      // Installation-wide, so beside the account rather than in a consultation.
                      <ThemeLink asChild size="2">
                        <Link to="/outbox">{t('mail.title')}</Link>
                      </ThemeLink>
                    ) : null}
                    <Text size="2" color="gray" highContrast>
                      {t('shell.signedInAs', { name: user.name })}
                    </Text>
                    <Button
                      variant="soft"
                      size="1"
                      disabled={logout.isPending}
                      onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
                    >
                      {t('shell.signOut')}
                    </Button>
                  </>
                ) : null}
              </Flex>
            </Flex>
          </Container>
        </header>
      </Box>
      <Container size="4" px="4" asChild className="app-width">
        <main id="main" tabIndex={-1}>
          <Box py="5">
            <Outlet />
          </Box>
        </main>
      </Container>
    </AnnouncerProvider>
  );
}
