/**
 * What makes a language's strings complete against the English ones: every key, every plural
 * form the language has (as `Intl.PluralRules` names them, the forms i18next looks up), the
 * same placeholders, and no English left where words should be translated.
 */

/** Strings by key, nested as in i18next resource files. */
export type LocaleStrings = { [key: string]: string | LocaleStrings };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(
  strings: LocaleStrings,
  prefix = '',
  into: Record<string, string> = {},
): Record<string, string> {
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === 'string') into[prefix + key] = value;
    else flatten(value, `${prefix}${key}.`, into);
  }
  return into;
}

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => match[1]!));
}

/** True when a text has words once its placeholders are taken out: it ought to be translated. */
function hasWords(text: string): boolean {
  return /\p{L}{2,}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''));
}

/**
 * `sameAsEnglish`: keys whose text is rightly the same in this language (a word both languages
 * share, such as Spanish "Total"); any other text equal to the English is left untranslated.
 */
export function localeProblems(
  language: string,
  english: LocaleStrings,
  translated: LocaleStrings,
  sameAsEnglish: readonly string[] = [],
): string[] {
  const en = flatten(english);
  const tr = flatten(translated);
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const entries = new Map<string, { plural: boolean; english: string[] }>();
  for (const [key, text] of Object.entries(en)) {
    const base = key.replace(PLURAL_SUFFIX, '');
    const entry = entries.get(base) ?? { plural: base !== key, english: [] };
    entry.english.push(text);
    entries.set(base, entry);
  }

  const problems: string[] = [];
  const expected = new Set<string>();
  for (const [base, { plural, english: texts }] of entries) {
    const englishNames = new Set(texts.flatMap((text) => [...placeholders(text)]));
    const keys = plural ? forms.map((form) => `${base}_${form}`) : [base];
    for (const key of keys) {
      expected.add(key);
      const text = tr[key];
      if (!text?.trim()) {
        problems.push(`${key} is missing or empty`);
        continue;
      }
      const names = placeholders(text);
      for (const name of names)
        if (!englishNames.has(name)) problems.push(`${key} has an unknown {{${name}}}`);
      for (const name of englishNames) {
        // A plural form may leave out the number its words already say ("one comment").
        const required = name !== 'count' && texts.every((english) => placeholders(english).has(name));
        if (required && !names.has(name)) problems.push(`${key} lost {{${name}}}`);
      }
      if (hasWords(text) && texts.includes(text) && !sameAsEnglish.includes(key))
        problems.push(`${key} is still in English: "${text}"`);
    }
  }
  for (const key of Object.keys(tr)) if (!expected.has(key)) problems.push(`${key} is not an English key`);
  return problems;
}
