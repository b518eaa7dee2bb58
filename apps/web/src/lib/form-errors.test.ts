import type { ValidationIssue } from '@cw/shared';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json';
import fr from '../i18n/locales/fr.json';
import { ApiError, NetworkError } from './api-error';
import { serverFieldErrors } from './form-errors';

// The app's own instance, as the forms use it.
void i18next.init({
  initAsync: false,
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: 'en',
});

const refused = (...issues: ValidationIssue[]) =>
  new ApiError(400, 'VALIDATION_FAILED', 'Invalid request', issues);

describe('serverFieldErrors', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('puts each body issue on the form field it names, first issue first', () => {
    const error = refused(
      { path: 'body.title', message: 'must not be empty', code: 'required' },
      { path: 'body.timezone', message: 'must be an IANA time zone such as Europe/Zurich', code: 'timeZone' },
    );
    expect(serverFieldErrors(error, ['timezone', 'title'])).toEqual([
      ['title', 'Fill this in.'],
      ['timezone', 'Choose a time zone such as Europe/Zurich.'],
    ]);
  });

  it("says each problem in the reader's language, from its code and bound", async () => {
    await i18next.changeLanguage('fr');
    const error = refused(
      {
        path: 'body.title',
        message: 'must be at most 200 characters',
        code: 'tooLong',
        params: { maximum: 200 },
      },
      { path: 'body.email', message: 'must be an email address', code: 'invalidEmail' },
    );
    expect(serverFieldErrors(error, ['title', 'email'])).toEqual([
      ['title', 'Saisissez au plus 200 caractères.'],
      ['email', 'Saisissez une adresse électronique, par exemple nom@example.org.'],
    ]);
  });

  it("keeps the server's words for a code this app does not know", () => {
    const error = refused({ path: 'body.title', message: 'is taken', code: 'newerCode' as never });
    expect(serverFieldErrors(error, ['title'])).toEqual([['title', 'is taken']]);
  });

  it('keeps only the first problem of a field', () => {
    const error = refused(
      {
        path: 'body.title',
        message: 'must be at most 200 characters',
        code: 'tooLong',
        params: { maximum: 200 },
      },
      { path: 'body.title', message: 'must be a single line', code: 'singleLine' },
    );
    expect(serverFieldErrors(error, ['title'])).toEqual([['title', 'Use at most 200 characters.']]);
  });

  it('leaves problems without a field of the form, and other failures, to the form-level message', () => {
    const error = refused(
      { path: 'params.consultationId', message: 'must be a UUID', code: 'invalidId' },
      { path: 'body.groups', message: 'Too small', code: 'tooFew', params: { minimum: 1 } },
    );
    expect(serverFieldErrors(error, ['title', 'groups'])).toEqual([['groups', 'Choose at least 1.']]);
    expect(serverFieldErrors(error, ['title'])).toEqual([]);
    expect(serverFieldErrors(new ApiError(409, 'CONFIRMATION_REQUIRED', 'Confirm'), ['title'])).toEqual([]);
    expect(serverFieldErrors(new NetworkError(new Error('down')), ['title'])).toEqual([]);
  });
});
