import { describe, expect, it } from 'vitest';
import { localeProblems } from './locale-check.js';

describe('the completeness check', () => {
  const source = { greeting: 'Hello {{name}}', items_one: 'One item', items_other: '{{count}} items' };

  it('asks for each plural form the language has', () => {
    expect(
      localeProblems('ru', source, { greeting: 'Привет, {{name}}', items_one: '{{count}} пункт' }),
    ).toEqual([
      'items_few is missing or empty',
      'items_many is missing or empty',
      'items_other is missing or empty',
    ]);
  });

  it('finds lost or unknown placeholders, English left behind, and keys English does not have', () => {
    expect(
      localeProblems('fr', source, {
        greeting: 'Bonjour {{nom}}',
        items_one: 'One item',
        items_many: '{{count}} éléments',
        items_other: '{{count}} éléments',
        extra: 'en trop',
      }),
    ).toEqual([
      'greeting has an unknown {{nom}}',
      'greeting lost {{name}}',
      'items_one is still in English: "One item"',
      'extra is not an English key',
    ]);
  });

  it('lets a word the language shares with English stay, when named', () => {
    const total = { total: 'Total' };
    expect(localeProblems('es', total, total)).toEqual(['total is still in English: "Total"']);
    expect(localeProblems('es', total, total, ['total'])).toEqual([]);
  });

  it('lets text without words stay as it is', () => {
    expect(
      localeProblems('zh', { heading: '{{number}} {{title}}' }, { heading: '{{number}} {{title}}' }),
    ).toEqual([]);
  });
});
