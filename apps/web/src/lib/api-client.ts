import type { z } from 'zod';
import { NetworkError, toApiError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions<S extends z.ZodType | undefined> {
  body?: unknown;
  /** The shared schema of the answer; the answer is checked against it. Omit for 204 answers. */
  schema?: S;
}

type Answer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/**
 * Calls the API with the session cookie (never a stored token) and checks the answer against the
 * shared schema, so a contract drift fails loudly here instead of deep inside a component.
 */
export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  method: Method,
  path: string,
  options: RequestOptions<S> = {},
): Promise<Answer<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, payload);
  return (options.schema ? options.schema.parse(payload) : undefined) as Answer<S>;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S) => apiRequest('GET', path, { schema }),
  post: <S extends z.ZodType | undefined = undefined>(path: string, body?: unknown, schema?: S) =>
    apiRequest('POST', path, { body, ...(schema ? { schema } : {}) }) as Promise<Answer<S>>,
  put: <S extends z.ZodType>(path: string, body: unknown, schema: S) =>
    apiRequest('PUT', path, { body, schema }),
  patch: <S extends z.ZodType>(path: string, body: unknown, schema: S) =>
    apiRequest('PATCH', path, { body, schema }),
  delete: (path: string) => apiRequest('DELETE', path),
};
