import type { GapTarget } from '@cw/shared';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en.json';
import type { GapKind } from './gap-groups';
import { gapMessage } from './gap-wording';

const i18n = i18next.createInstance();
const question: GapTarget = { kind: 'question', id: '00000000-0000-4000-8000-000000000004', number: 4 };
const section: GapTarget = { kind: 'section', id: '00000000-0000-4000-8000-000000000003', number: '3' };
const names: Record<string, string> = { company: 'Company / business', academia: 'Academia / research' };

const words = (kind: GapKind, target: GapTarget, rowKeys: string[] = []) => {
  const message = gapMessage(kind, { target, rowKeys }, (key) => names[key]!);
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
  it('names what nobody gave input on by its number', () => {
    expect(words('unanswered', section)).toBe('Section 3');
  });

  it('names every group missing from a question', () => {
    expect(words('missingVoices', question, ['company'])).toBe(
      'Question 4: no input from Company / business',
    );
    expect(words('missingVoices', question, ['company', 'academia'])).toBe(
      'Question 4: no input from Company / business or Academia / research',
    );
  });

  it('gives the share a dominant group exceeds, in percent', () => {
    expect(words('dominated', section, ['company'])).toBe(
      'Section 3: Company / business wrote over 70 % of the comments',
    );
  });
});
