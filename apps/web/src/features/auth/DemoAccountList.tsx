import type { DemoAccount } from '@cw/shared';
import { Button, Card, Flex, Heading, Text } from '@radix-ui/themes';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/ErrorCallout';
import { fetchDemoAccounts } from './api';
import { roleLabel } from '../consultations/labels';
import { useLogin } from './useSessionActions';

/** In demo mode only: one-click sign-in as each demo account. Renders nothing otherwise. */
export function DemoAccountList({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const { data: accounts } = useQuery({
    queryKey: ['demo-accounts'],
    queryFn: fetchDemoAccounts,
    staleTime: Infinity,
  });
  const login = useLogin();
  if (!accounts || accounts.length === 0) return null;

  const signInAs = (account: DemoAccount) =>
    login.mutate({ email: account.email, password: account.password }, { onSuccess: onSignedIn });

  return (
    <Card asChild>
      <section aria-labelledby="demo-heading">
        <Flex direction="column" gap="3">
          <Heading as="h2" size="4" id="demo-heading">
            {t('auth.demo.title')}
          </Heading>
          <Text size="2" color="gray" highContrast>
            {t('auth.demo.explanation')}
          </Text>
          <FormAlert error={login.error} />
          <ul className="plain-list">
            {accounts.map((account) => (
              <li key={account.email}>
                <Flex align="center" justify="between" gap="3" py="2" wrap="wrap">
                  <Flex direction="column">
                    <Text weight="medium">{account.name}</Text>
                    <Text size="2" color="gray" highContrast>
                      {t('auth.demo.roleInGroup', { role: roleLabel(t, account.role), group: account.group })}
                    </Text>
                    <Text size="2" color="gray" highContrast>
                      {t('auth.demo.credentials', { email: account.email, password: account.password })}
                    </Text>
                  </Flex>
                  <Button variant="soft" disabled={login.isPending} onClick={() => signInAs(account)}>
                    {t('auth.demo.signInAs', { name: account.name })}
                  </Button>
                </Flex>
              </li>
            ))}
          </ul>
        </Flex>
      </section>
    </Card>
  );
}
