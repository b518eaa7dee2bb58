import { Flex, Heading, Link as ThemeLink, Text } from '@radix-ui/themes';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/usePageTitle';

export function NotFoundRoute() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Flex direction="column" gap="3">
      <Heading as="h1">{t('notFound.title')}</Heading>
      <Text>{t('notFound.explanation')}</Text>
      <ThemeLink asChild>
        <Link to="/">{t('notFound.home')}</Link>
      </ThemeLink>
    </Flex>
  );
}
