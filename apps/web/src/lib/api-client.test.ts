import { idempotencyKey } from '@cw/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from './api-client';
import { ApiError, NetworkError } from './api-error';

type Reply = { status: number; body?: unknown; retryAfter?: string } | 'network down';

/** Answers fetch calls in turn and records the Idempotency-Key each one carried. */
function serve(...replies: Reply[]) {
  const keys: (string | null)[] = [];
  const fetchMock = vi.fn(async (_path: string, init: RequestInit) => {
    keys.push(new Headers(init.headers).get('Idempotency-Key'));
    const reply = replies.shift();
    if (reply === undefined) throw new Error('no more replies');
    if (reply === 'network down') throw new TypeError('fetch failed');
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: reply.retryAfter ? { 'Retry-After': reply.retryAfter } : {},
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { keys, fetchMock };
}

/** Runs a request to its end, letting the retry waits pass at once. */
async function settle<T>(request: Promise<T>): Promise<T> {
  const outcome = request.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  const result = await outcome;
  if ('error' in result) throw result.error;
  return result.value;
}

const created = { status: 201, body: { id: 'thread-1' } };
const databaseAway = { status: 503, body: { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: '' } };

describe('apiRequest', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('gives each POST an Idempotency-Key of its own', async () => {
    const { keys } = serve(created, created);
    await settle(apiRequest('POST', '/api/things', { body: { name: 'a' } }));
    await settle(apiRequest('POST', '/api/things', { body: { name: 'b' } }));
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(idempotencyKey.safeParse(key).success).toBe(true);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('retries a change lost on the network or refused with 503, with the same key', async () => {
    const { keys } = serve('network down', databaseAway, created);
    expect(await settle(apiRequest('POST', '/api/things', { body: { name: 'a' } }))).toBeUndefined();
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('waits as long as Retry-After asks before trying again', async () => {
    serve({ ...databaseAway, retryAfter: '2' }, created);
    const request = apiRequest('POST', '/api/things', { body: {} });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(vi.mocked(fetch)).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await request;
    expect(vi.mocked(fetch)).toHaveBeenCalledTimes(2);
  });

  it('does not retry an answer that will not change, nor a read', async () => {
    const refused = { status: 409, body: { statusCode: 409, code: 'THREAD_RESOLVED', message: '' } };
    const { fetchMock } = serve(refused, 'network down');
    await expect(settle(apiRequest('POST', '/api/things', { body: {} }))).rejects.toBeInstanceOf(ApiError);
    await expect(settle(apiRequest('GET', '/api/things'))).rejects.toBeInstanceOf(NetworkError);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('keeps the key of a change that never got an answer for the same change sent again', async () => {
    const { keys } = serve('network down', 'network down', 'network down', created, created);
    const send = () => settle(apiRequest('POST', '/api/things', { body: { name: 'a' } }));
    await expect(send()).rejects.toBeInstanceOf(NetworkError);
    await send();
    await send();
    expect(keys.slice(0, 4).every((key) => key === keys[0])).toBe(true);
    // Once it succeeded, sending the same again is a new action.
    expect(keys[4]).not.toBe(keys[0]);
  });
});
