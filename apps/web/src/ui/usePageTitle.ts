import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from './Announcer';

/**
 * Names the browser tab after the page and says the page's name in the live region, so
 * screen-reader users hear where a navigation landed.
 */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  useEffect(() => {
    document.title = title ? t('app.pageTitle', { page: title }) : t('app.name');
    if (title) announce(title);
  }, [t, title, announce]);
}
