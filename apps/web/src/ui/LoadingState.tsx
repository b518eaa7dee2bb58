import { Flex, Spinner, Text } from '@radix-ui/themes';
import { useTranslation } from 'react-i18next';

/** Shown while a page's data loads; announced politely. */
export function LoadingState() {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap="2" role="status" p="4">
      <Spinner />
      <Text>{t('common.loading')}</Text>
    </Flex>
  );
}
