import { describe, expect, it } from 'vitest';
import { pickLanguage } from './languages.js';

describe('pickLanguage', () => {
  it('takes the first language the app speaks, by primary subtag', () => {
    expect(pickLanguage(['de-CH', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(['zh-Hans-CN'])).toBe('zh');
    expect(pickLanguage(['AR_eg'])).toBe('ar');
  });

  it('falls back to English when none is spoken here', () => {
    expect(pickLanguage(['de', 'ja'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});
