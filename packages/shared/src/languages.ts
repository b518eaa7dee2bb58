/**
 * The languages the app speaks, and a consultation's input may be written in (search stems its
 * words by that language's rules): the six official languages of the United Nations, by their
 * BCP 47 code (Chinese is Simplified Chinese).
 */
export const LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language by its own name, in the order the United Nations lists them: for menus. */
export const LANGUAGE_NAMES: readonly (readonly [Language, string])[] = [
  ['ar', 'العربية'],
  ['zh', '中文（简体）'],
  ['en', 'English'],
  ['fr', 'Français'],
  ['ru', 'Русский'],
  ['es', 'Español'],
];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first of `preferred` (a browser's `navigator.languages`, most wanted first) the app speaks,
 * matched on the primary subtag (`fr-CA` → `fr`, `zh-Hans-CN` → `zh`); the default otherwise.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}
