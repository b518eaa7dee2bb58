import { SEARCH_QUERY_MAX } from '@cw/shared';
import { TextField } from '@radix-ui/themes';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FormField } from '../../ui/FormField';
import { isTyping, SEARCH_PARAM, withSearch } from './search-query';

/** The key that brings the search box from anywhere on the page but text entry. */
const SHORTCUT = '/';

/**
 * The search box of the filter bar: its query is kept in the address (sent with Enter, cleared
 * by emptying it), so a search can be shared and survives a reload.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const inAddress = search.get(SEARCH_PARAM) ?? '';
  const [typed, setTyped] = useState(inAddress);
  const input = useRef<HTMLInputElement>(null);

  // The address may change without the box: back, forward, a shared link followed in place.
  useEffect(() => setTyped(inAddress), [inAddress]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== SHORTCUT || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = (query: string) => setSearch(withSearch(search, query), { replace: true });

  return (
    <form
      role="search"
      aria-label={t('search.label')}
      onSubmit={(event) => {
        event.preventDefault();
        submit(typed);
      }}
    >
      <FormField label={t('search.label')} hint={t('search.hint', { key: SHORTCUT })}>
        {(control) => (
          <TextField.Root
            {...control}
            ref={input}
            type="search"
            name={SEARCH_PARAM}
            value={typed}
            maxLength={SEARCH_QUERY_MAX}
            placeholder={t('search.placeholder')}
            aria-keyshortcuts={SHORTCUT}
            onChange={(event) => {
              setTyped(event.target.value);
              // Emptying the box (or its clear button) ends the search at once.
              if (event.target.value === '' && inAddress !== '') submit('');
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') input.current?.blur();
            }}
          />
        )}
      </FormField>
    </form>
  );
}
