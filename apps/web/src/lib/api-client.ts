import { backoffDelay, IDEMPOTENCY_KEY_HEADER } from '@cw/shared';
import type { z } from 'zod';
import { actionKey, settleAction } from './action-keys';
import { ApiError, NetworkError, toApiError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions<S extends z.ZodType | undefined> {
  body?: unknown;
  /** The shared schema of the answer; the answer is checked against it. Omit for 204 answers. */
  schema?: S;
}

type Answer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** Attempts of one change before its failure is shown; reads are retried by the query cache. */
const CHANGE_ATTEMPTS = 3;
/** Wait before the first retry in ms, doubling; a `Retry-After` is honoured up to the cap. */
const RETRY_DELAY_MS = 500;
const RETRY_DELAY_CAP_MS = 5_000;

/** Failures that may pass on their own and leave the request safe to send again. */
function isTransient(error: unknown): boolean {
  return (
    error instanceof NetworkError || (error instanceof ApiError && [502, 503, 504].includes(error.status))
  );
}

function retryDelay(attempt: number, error: unknown): number {
  const retryAfter = error instanceof ApiError ? error.retryAfterSeconds : undefined;
  return retryAfter === undefined
    ? backoffDelay(attempt, RETRY_DELAY_MS, RETRY_DELAY_CAP_MS)
    : Math.min(retryAfter * 1000, RETRY_DELAY_CAP_MS);
}

async function send(method: Method, path: string, body: unknown, headers: Record<string, string>) {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, payload, response.headers.get('Retry-After'));
  return payload;
}

/**
 * Calls the API with the session cookie (never a stored token) and checks the answer against the
 * shared schema, so a contract drift fails loudly here instead of deep inside a component.
 *
 * A change that fails on its way (network, 502/503/504) is sent again, twice at most. A POST
 * carries an Idempotency-Key for the action, the same on each retry, so a creation whose answer
 * was lost is not made twice; the key is kept when all attempts failed, for the same request sent
 * again by hand.
 */
export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  method: Method,
  path: string,
  options: RequestOptions<S> = {},
): Promise<Answer<S>> {
  const signature = `${method} ${path} ${JSON.stringify(options.body) ?? ''}`;
  const key = method === 'POST' ? actionKey(signature) : undefined;
  const headers: Record<string, string> = key ? { [IDEMPOTENCY_KEY_HEADER]: key } : {};
  const attempts = method === 'GET' ? 1 : CHANGE_ATTEMPTS;
  for (let attempt = 0; ; attempt++) {
    try {
      const payload = await send(method, path, options.body, headers);
      if (key) settleAction(signature, key, true);
      return (options.schema ? options.schema.parse(payload) : undefined) as Answer<S>;
    } catch (error) {
      if (!isTransient(error) || attempt + 1 >= attempts) {
        if (key) settleAction(signature, key, !isTransient(error));
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt, error)));
    }
  }
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
