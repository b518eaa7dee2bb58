import { readFileSync } from 'node:fs';
import { LANGUAGES, localeProblems } from '@cw/shared';
import { describe, expect, it } from 'vitest';

const read = (language: string) =>
  JSON.parse(readFileSync(new URL(`./locales/${language}.json`, import.meta.url), 'utf8'));
const english = read('en');

/** Words each language shares with English, checked by a native reader: not left-over English. */
const SAME_AS_ENGLISH: Partial<Record<string, string[]>> = {
  es: ['roles.editor', 'dashboard.table.total'],
};

describe.each(LANGUAGES.filter((language) => language !== 'en'))('the %s strings', (language) => {
  it('have every English key in every plural form, with its placeholders, translated', () => {
    expect(localeProblems(language, english, read(language), SAME_AS_ENGLISH[language])).toEqual([]);
  });
});
