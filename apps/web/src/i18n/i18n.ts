import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, pickLanguage, type Language } from '@cw/shared';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

export { DEFAULT_LANGUAGE };

/** This browser's choice, for the sign-in page and until an account's own choice is known. */
const STORED_LANGUAGE_KEY = 'cw.language';

/** Every other language's strings, each a chunk of its own fetched only when chosen. */
const bundles = import.meta.glob<{ default: typeof en }>(['./locales/*.json', '!./locales/en.json']);

/**
 * Fonts for the scripts the system fonts may lack (Arabic, Chinese), shipped with the app and
 * fetched only with their language; the browser then fetches only the parts of the font a page uses.
 */
const fonts: Partial<Record<Language, () => Promise<unknown>>> = {
  ar: () => import('./fonts-arabic'),
  zh: () => import('./fonts-chinese'),
};

/** Keeps `<html lang dir>` in step with the language so right-to-left scripts lay out mirrored. */
function applyDocumentLanguage(language: string) {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
}

i18next.on('languageChanged', applyDocumentLanguage);

void i18next.use(initReactI18next).init({
  // English is bundled, so it is ready before the first render; others load before they show.
  initAsync: false,
  resources: { en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
});

applyDocumentLanguage(i18next.language);

function storedLanguage(): Language | undefined {
  try {
    const stored = localStorage.getItem(STORED_LANGUAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** The language before sign-in: the one chosen on this browser, else the browser's own. */
export function initialLanguage(): Language {
  return storedLanguage() ?? pickLanguage(navigator.languages ?? [navigator.language]);
}

/** Loads a language's strings (and fonts) and switches the whole app to it, remembered on this browser. */
export async function switchLanguage(language: Language): Promise<void> {
  const load = bundles[`./locales/${language}.json`];
  if (load && !i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', (await load()).default);
  }
  await fonts[language]?.();
  try {
    localStorage.setItem(STORED_LANGUAGE_KEY, language);
  } catch {
    // Private modes may refuse storage: the choice then lasts as long as the page.
  }
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

/** The app's language now. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export default i18next;
