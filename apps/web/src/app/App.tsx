import type { ReactNode } from 'react';
import { DirectionProvider } from '@radix-ui/react-direction';
import { Theme } from '@radix-ui/themes';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import i18n from '../i18n/i18n';
import { queryClient } from './query-client';
import { router } from './router';

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <Theme accentColor="indigo" grayColor="slate" radius="medium">
          <TextDirection>
            <RouterProvider router={router} />
          </TextDirection>
        </Theme>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

/**
 * The language's direction for Radix's menus, tabs and sliders (arrow keys, sides), which the
 * theme would otherwise fix to left-to-right.
 */
function TextDirection({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DirectionProvider dir={i18n.dir()}>{children}</DirectionProvider>;
}
