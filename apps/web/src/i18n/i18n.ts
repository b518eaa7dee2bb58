import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

export const DEFAULT_LANGUAGE = 'en';

/** Keeps `<html lang dir>` in step with the language so right-to-left scripts lay out mirrored. */
function applyDocumentLanguage(language: string) {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
}

i18next.on('languageChanged', applyDocumentLanguage);

void i18next.use(initReactI18next).init({
  // Resources are bundled, so the language is ready before the first render.
  initAsync: false,
  resources: { en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
});

applyDocumentLanguage(i18next.language);

export default i18next;
