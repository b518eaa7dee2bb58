import { Callout, Flex } from '@radix-ui/themes';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** How often a page that could not load asks whether the server is back. */
const RETRY_MS = 2_000;

/**
 * In place of a page that failed to load. A page's code is fetched on its first visit, so with
 * the server away (a restart, a lost connection) that fetch fails: the page says the server
 * could not be reached and loads by itself once the server answers again. Anything else is an
 * error of the app, said as such.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  // Failed fetches, of code or of data, are TypeErrors.
  const isUnreachable = error instanceof TypeError;
  useEffect(() => {
    if (!isUnreachable) return;
    const timer = setInterval(() => {
      fetch('/api/health', { cache: 'no-store' }).then(
        (response) => {
          // The browser may keep a failed module fetch: a fresh load asks for the code again.
          if (response.ok) window.location.reload();
        },
        () => undefined,
      );
    }, RETRY_MS);
    return () => clearInterval(timer);
  }, [isUnreachable]);
  return (
    <Flex direction="column" p="4">
      <Callout.Root color="red" highContrast role="alert">
        <Callout.Text>{t(isUnreachable ? 'errors.NETWORK' : 'errors.INTERNAL')}</Callout.Text>
      </Callout.Root>
    </Flex>
  );
}
