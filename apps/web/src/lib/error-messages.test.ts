import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json';
import { ApiError, NetworkError } from './api-error';
import { errorMessage } from './error-messages';

const i18n = i18next.createInstance();
void i18n.init({ initAsync: false, resources: { en: { translation: en } }, lng: 'en' });
const rateLimited = (seconds?: number) => new ApiError(429, 'RATE_LIMITED', 'Too many', [], seconds);

describe('errorMessage', () => {
  it('says how long a rate limit asks to wait, in whole minutes', () => {
    expect(errorMessage(i18n.t, rateLimited(12))).toBe('Too many attempts. Wait a minute and try again.');
    expect(errorMessage(i18n.t, rateLimited(900))).toBe('Too many attempts. Wait 15 minutes and try again.');
    expect(errorMessage(i18n.t, rateLimited())).toBe(en.errors.RATE_LIMITED);
  });

  it('words other failures by their code', () => {
    expect(errorMessage(i18n.t, new ApiError(409, 'THREAD_RESOLVED', 'x'))).toBe(en.errors.THREAD_RESOLVED);
    expect(errorMessage(i18n.t, new NetworkError(new Error('down')))).toBe(en.errors.NETWORK);
  });
});
