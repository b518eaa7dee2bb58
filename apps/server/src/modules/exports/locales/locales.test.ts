import { LANGUAGES, localeProblems } from '@cw/shared';
import { describe, expect, it } from 'vitest';
import { EXPORT_STRINGS } from '../export-text.js';

/** Words each language shares with English, checked by a native reader: not left-over English. */
const SAME_AS_ENGLISH: Partial<Record<string, string[]>> = {
  es: ['labels.total'],
  fr: ['csv.date', 'notes.sectionHeading'],
};

describe.each(LANGUAGES.filter((language) => language !== 'en'))('the %s export strings', (language) => {
  it('have every English key in every plural form, with its placeholders, translated', () => {
    expect(
      localeProblems(language, EXPORT_STRINGS.en, EXPORT_STRINGS[language], SAME_AS_ENGLISH[language]),
    ).toEqual([]);
  });
});
