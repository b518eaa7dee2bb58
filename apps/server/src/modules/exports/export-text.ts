import type { LabelScope, Language, LocaleStrings } from '@cw/shared';
import ar from './locales/ar.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import ru from './locales/ru.json' with { type: 'json' };
import zh from './locales/zh.json' with { type: 'json' };

/** The words of the exports in each language; locales.test.ts holds each to the English keys. */
export const EXPORT_STRINGS: Readonly<Record<Language, LocaleStrings>> = { ar, en, es, fr, ru, zh };

type Values = Readonly<Record<string, string | number>>;

/**
 * An export's words, numbers and dates in one language. Only the exports' own words change:
 * what people wrote (paper text, comments, notes, names) is put in as it is.
 */
export interface ExportText {
  language: Language;
  /**
   * The text at a dotted key, `{{name}}` filled in from `values`; with a `count`, the plural form
   * `Intl.PluralRules` picks for it (`key_one`, `key_few`…), the count written as a number.
   */
  t(key: string, values?: Values): string;
  number(value: number): string;
  /** Items joined as a list ("A, B and C"). */
  list(items: readonly string[]): string;
  /** The day of an instant on the given wall clock, as a date in words. */
  date(instant: Date, timeZone: string): string;
  /** From one instant to another on the given wall clock. */
  timeRange(start: Date, end: Date, timeZone: string): string;
  dateTime(instant: Date, timeZone: string): string;
}

function lookUp(strings: LocaleStrings, key: string): string | undefined {
  let node: LocaleStrings | string | undefined = strings;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

export function exportText(language: Language): ExportText {
  const strings = EXPORT_STRINGS[language];
  const plural = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);
  const list = new Intl.ListFormat(language);
  const dateTime = (timeZone: string, date: boolean) =>
    new Intl.DateTimeFormat(language, {
      dateStyle: 'long',
      ...(date ? {} : { timeStyle: 'short' }),
      timeZone,
    });
  return {
    language,
    t(key, values = {}) {
      const count = values.count;
      const path = typeof count === 'number' ? `${key}_${plural.select(count)}` : key;
      const text = lookUp(strings, path);
      if (text === undefined) throw new Error(`No export text "${path}" in ${language}`);
      return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? numbers.format(value) : value;
      });
    },
    number: (value) => numbers.format(value),
    list: (items) => list.format(items),
    date: (instant, timeZone) => dateTime(timeZone, true).format(instant),
    timeRange: (start, end, timeZone) => dateTime(timeZone, false).formatRange(start, end),
    dateTime: (instant, timeZone) => dateTime(timeZone, false).format(instant),
  };
}

/** The label input is shown under: a named group as it is, the pooled labels in the export's words. */
export function shownLabel(text: ExportText, scope: LabelScope, groupName: string): string {
  switch (scope) {
    case 'group':
      return groupName;
    case 'pool':
      return text.t('labels.pooledGroups');
    case 'participant':
      return text.t('labels.participant');
  }
}
