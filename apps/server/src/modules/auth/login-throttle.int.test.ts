import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { TEST_PASSWORD } from '../../test/factories.js';
import { ApiClient, type ApiResponse } from '../../test/http-client.js';
import { expectRateLimited } from '../../test/rate-limits.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { AuthService } from './auth.service.js';
import { LoginThrottlesRepository } from './login-throttles.repository.js';

const DELAY_SECONDS = 60;
const LOCK_SECONDS = 15 * 60;

describe.each(BACKENDS)('sign-in throttling per account on %s', (backend) => {
  let testApp: TestApp;
  let anonymous: ApiClient;
  let nextAddress = 0;

  beforeAll(async () => {
    testApp = await startTestApp(backend, {
      // The test client is a loopback proxy whose X-Forwarded-For is believed, and each address may
      // try twice a minute: the guessing below comes from a new address each time.
      TRUST_PROXY: 'loopback',
      LOGIN_RATE_LIMIT: '2',
      LOGIN_FAILURES_BEFORE_DELAY: '5',
      LOGIN_DELAY_SECONDS: String(DELAY_SECONDS),
      LOGIN_FAILURES_BEFORE_LOCK: '20',
      LOGIN_LOCK_MINUTES: '15',
    });
    anonymous = new ApiClient(testApp.url);
  });
  afterAll(() => testApp.close());

  /** An account made without signing in, so no address spends its budget on it. */
  async function newAccount(): Promise<{ email: string }> {
    const email = `user-${randomBytes(4).toString('hex')}@example.org`;
    await testApp.app.get(AuthService).createAccount({ email, name: 'Ada', password: TEST_PASSWORD });
    return { email };
  }

  /** A sign-in from an address never used before, as a loopback proxy would forward it. */
  function login(email: string, password: string): Promise<ApiResponse> {
    nextAddress += 1;
    const address = `198.51.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`;
    return anonymous.request('POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': address });
  }

  /** Lets the account's current wait pass, as if that much time had gone by. */
  async function letWaitPass(email: string) {
    const rows = await testApp.db.sql`
      UPDATE login_throttles SET blocked_until = now() - interval '1 second'
      WHERE email_hash = sha256(convert_to(${email}, 'UTF8')) AND blocked_until IS NOT NULL
      RETURNING email_hash`;
    expect(rows).toHaveLength(1);
  }

  /** The wait after the n-th failure, per the settings above. */
  const expectedWait = (failures: number) =>
    failures >= 20 ? LOCK_SECONDS : Math.min(DELAY_SECONDS * 2 ** (failures - 5), LOCK_SECONDS);

  async function expectWait(email: string, seconds: number) {
    // Seconds are rounded up from the database clock; a slow test machine may take a few off.
    const answer = await login(email, TEST_PASSWORD);
    expectRateLimited(answer, { min: seconds - 5, max: seconds });
    expect(answer.body.message).toMatch(/Too many failed sign-in attempts for this account/);
    return answer;
  }

  it('delays guessing from 30 addresses after 5 failures, doubling, then locks after 20', async () => {
    const target = await newAccount();
    const bystander = await newAccount();
    const addressesBefore = nextAddress;

    for (let failure = 1; failure <= 5; failure++) {
      expect((await login(target.email, 'wrong password')).status).toBe(401);
    }
    // Even the right password waits: the answer must not tell whether a guess was right.
    await expectWait(target.email, expectedWait(5));
    expect((await login(bystander.email, TEST_PASSWORD)).status).toBe(200);

    for (let failure = 6; failure <= 20; failure++) {
      await letWaitPass(target.email);
      expect((await login(target.email, 'wrong password')).status).toBe(401);
      await expectWait(target.email, expectedWait(failure));
    }
    expect(nextAddress - addressesBefore).toBeGreaterThanOrEqual(30);

    // Locked: the right password is refused too, again and again, until the lock has passed.
    await expectWait(target.email, LOCK_SECONDS);
    expect((await login(bystander.email, 'wrong password')).status).toBe(401);
    expect((await login(bystander.email, TEST_PASSWORD)).status).toBe(200);

    await letWaitPass(target.email);
    expect((await login(target.email, TEST_PASSWORD)).status).toBe(200);
    // The success started the count again: five more failures before any wait.
    for (let failure = 1; failure <= 5; failure++) {
      expect((await login(target.email, 'wrong password')).status).toBe(401);
    }
    await expectWait(target.email, DELAY_SECONDS);
  });

  it('lets only as many concurrent guesses through as the delay allows', async () => {
    const target = await newAccount();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => login(target.email, 'wrong password')),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });

  it('throttles an email without an account exactly like one with an account', async () => {
    const existing = await newAccount();
    const unknown = `nobody-${existing.email}`;
    const pairs: [ApiResponse, ApiResponse][] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      pairs.push([await login(existing.email, 'wrong password'), await login(unknown, 'wrong password')]);
    }
    for (const [forExisting, forUnknown] of pairs) {
      expect(forUnknown.status).toBe(forExisting.status);
      expect(forUnknown.body).toEqual(
        forExisting.status === 429
          ? { ...forExisting.body, message: forUnknown.body.message }
          : forExisting.body,
      );
      for (const header of ['content-type', 'set-cookie', 'cache-control']) {
        expect(forUnknown.headers.get(header), header).toBe(forExisting.headers.get(header));
      }
    }
    expect(pairs.map(([forExisting]) => forExisting.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(pairs[0]![0].body).toEqual({
      statusCode: 401,
      code: 'INVALID_CREDENTIALS',
      message: 'Email or password is incorrect',
    });
    const [lastExisting, lastUnknown] = pairs[5]!;
    expect(
      Math.abs(
        Number(lastUnknown.headers.get('retry-after')) - Number(lastExisting.headers.get('retry-after')),
      ),
    ).toBeLessThanOrEqual(1);
  });

  it('keeps the count in the database, so every instance and a restart see it', async () => {
    const target = await newAccount();
    for (let failure = 1; failure <= 5; failure++) await login(target.email, 'wrong password');
    const [row] = await testApp.db.sql<{ failures: number; is_blocked: boolean }[]>`
      SELECT failures, blocked_until > now() AS is_blocked FROM login_throttles
      WHERE email_hash = sha256(convert_to(${target.email}, 'UTF8'))`;
    expect(row).toEqual({ failures: 5, is_blocked: true });
  });

  it('sweeps away counts forgotten a day after the last attempt, but not a running wait', async () => {
    const [stale, waiting, recent] = [await newAccount(), await newAccount(), await newAccount()];
    for (const account of [stale, waiting, recent]) await login(account.email, 'wrong password');
    const hashOf = (email: string) => testApp.db.sql`sha256(convert_to(${email}, 'UTF8'))`;
    await testApp.db.sql`
      UPDATE login_throttles SET last_attempt_at = now() - interval '25 hours'
      WHERE email_hash IN (${hashOf(stale.email)}, ${hashOf(waiting.email)})`;
    await testApp.db.sql`
      UPDATE login_throttles SET blocked_until = now() + interval '1 minute'
      WHERE email_hash = ${hashOf(waiting.email)}`;
    await testApp.app.get(LoginThrottlesRepository).sweep();
    const isKept = async (email: string) =>
      (await testApp.db.sql`SELECT 1 FROM login_throttles WHERE email_hash = ${hashOf(email)}`).length === 1;
    expect([await isKept(stale.email), await isKept(waiting.email), await isKept(recent.email)]).toEqual([
      false,
      true,
      true,
    ]);
    // A forgotten count starts again: one more failure does not make anyone wait.
    expect((await login(stale.email, 'wrong password')).status).toBe(401);
    expect((await login(stale.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('still limits each address on its own', async () => {
    const user = await newAccount();
    const address = { 'x-forwarded-for': '192.0.2.77' };
    const attempts = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      attempts.push(
        await anonymous.request(
          'POST',
          '/api/auth/login',
          { email: user.email, password: 'wrong password' },
          address,
        ),
      );
    }
    expect(attempts.slice(0, 2).map((answer) => answer.status)).toEqual([401, 401]);
    expectRateLimited(attempts[2]!, { min: 1, max: 60 });
    expect(attempts[2]!.body.message).toMatch(/at most 2 a minute/);
  });
});
