import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './api-error';
import { serverFieldErrors } from './form-errors';

const refused = (...issues: { path: string; message: string }[]) =>
  new ApiError(400, 'VALIDATION_FAILED', 'Invalid request', issues);

describe('serverFieldErrors', () => {
  it('puts each body issue on the form field it names, first issue first', () => {
    const error = refused(
      { path: 'body.title', message: 'must not be empty' },
      { path: 'body.timezone', message: 'must be an IANA time zone such as Europe/Zurich' },
    );
    expect(serverFieldErrors(error, ['timezone', 'title'])).toEqual([
      ['title', 'must not be empty'],
      ['timezone', 'must be an IANA time zone such as Europe/Zurich'],
    ]);
  });

  it('keeps only the first problem of a field', () => {
    const error = refused(
      { path: 'body.title', message: 'must be at most 200 characters' },
      { path: 'body.title', message: 'must be a single line' },
    );
    expect(serverFieldErrors(error, ['title'])).toEqual([['title', 'must be at most 200 characters']]);
  });

  it('leaves problems without a field of the form, and other failures, to the form-level message', () => {
    const error = refused(
      { path: 'params.consultationId', message: 'must be a UUID' },
      { path: 'body.groups', message: 'Too small' },
    );
    expect(serverFieldErrors(error, ['title', 'groups'])).toEqual([['groups', 'Too small']]);
    expect(serverFieldErrors(error, ['title'])).toEqual([]);
    expect(serverFieldErrors(new ApiError(409, 'CONFIRMATION_REQUIRED', 'Confirm'), ['title'])).toEqual([]);
    expect(serverFieldErrors(new NetworkError(new Error('down')), ['title'])).toEqual([]);
  });
});
