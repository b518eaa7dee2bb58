import { Theme } from '@radix-ui/themes';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import i18n from '../i18n/i18n';
import { queryClient } from './query-client';
import { router } from './router';

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <Theme accentColor="indigo" grayColor="slate" radius="medium">
          <RouterProvider router={router} />
        </Theme>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
