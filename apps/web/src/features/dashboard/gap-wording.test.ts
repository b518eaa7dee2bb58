import type { Gap } from '@cw/shared';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en.json';
import { gapMessage } from './gap-wording';

const i18n = i18next.createInstance();
const question = { kind: 'question', id: '00000000-0000-4000-8000-000000000004', number: 4 } as const;
const section = { kind: 'section', id: '00000000-0000-4000-8000-000000000003', number: '3' } as const;
const company = '00000000-0000-4000-8000-00000000000c';
const names: Record<string, string> = { [company]: 'Company / business' };

const words = (gap: Gap) => {
  const message = gapMessage(gap, (id) => names[id]!);
  return i18n.t(message.key, message.values);
};

beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

describe('gap wording', () => {
  it('names the group and the question a group gave no input on', () => {
    expect(words({ kind: 'noInput', rowKey: company, target: question })).toBe(
      'No Company / business input on question 4',
    );
  });

  it('says when nobody gave input on a section', () => {
    expect(words({ kind: 'noInput', rowKey: null, target: section })).toBe('No input at all on section 3');
  });

  it('gives the share a dominant group exceeds, in percent', () => {
    expect(words({ kind: 'dominant', rowKey: company, target: section, share: 0.7 })).toBe(
      'Company / business accounts for over 70 % of the comments on section 3',
    );
  });
});
