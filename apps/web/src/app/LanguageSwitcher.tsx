import { type Language, LANGUAGE_NAMES } from '@cw/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { savePreferences } from '../features/auth/api';
import { CURRENT_USER_KEY, useCurrentUser } from '../features/auth/useCurrentUser';
import { currentLanguage, switchLanguage } from '../i18n/i18n';

/**
 * The language picker in the header: the app switches at once; a signed-in account keeps the
 * choice for every device it signs in from, a signed-out browser for itself.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { data: user } = useCurrentUser();
  const save = useMutation({
    mutationFn: savePreferences,
    onSuccess: (saved) => queryClient.setQueryData(CURRENT_USER_KEY, saved),
  });

  const choose = async (language: Language) => {
    await switchLanguage(language);
    if (user) save.mutate({ language });
  };

  return (
    <select
      aria-label={t('shell.language')}
      className="native-select"
      value={i18n.resolvedLanguage ?? currentLanguage()}
      onChange={(event) => void choose(event.target.value as Language)}
    >
      {LANGUAGE_NAMES.map(([language, name]) => (
        <option key={language} value={language} lang={language}>
          {name}
        </option>
      ))}
    </select>
  );
}
