import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../test/http-client.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { expectRateLimited } from '../../test/rate-limits.js';
import { BACKENDS } from '../../test/test-database.js';

describe.each(BACKENDS)('auth on %s', (backend) => {
  let testApp: TestApp;
  let anonymous: ApiClient;

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    anonymous = new ApiClient(testApp.url);
  });
  afterAll(() => testApp.close());

  it('reports health with the backend in use', async () => {
    const response = await anonymous.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: backend });
  });

  it('logs in with a token and an HttpOnly SameSite session cookie', async () => {
    const user = await buildUser(testApp, { email: 'ana@example.org' });
    const response = await anonymous.post('/api/auth/login', {
      email: 'ANA@example.org',
      password: TEST_PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual({
      id: user.id,
      email: 'ana@example.org',
      name: user.name,
      isOrganiser: false,
      language: null,
    });
    expect(response.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cw_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('accepts the session as a bearer token and as a cookie', async () => {
    const user = await buildUser(testApp);
    expect((await user.api.get('/api/auth/me')).body.email).toBe(user.email);
    const viaCookie = await anonymous.request('GET', '/api/auth/me', undefined, {
      cookie: `cw_session=${user.token}`,
    });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body.id).toBe(user.id);
  });

  it('keeps the language an account chooses, for every session of it and no other account', async () => {
    const user = await buildUser(testApp);
    const other = await buildUser(testApp);
    const chosen = await user.api.patch('/api/auth/me', { language: 'ar' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.language).toBe('ar');

    const elsewhere = await anonymous.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(elsewhere.body.user.language).toBe('ar');
    expect((await other.api.get('/api/auth/me')).body.language).toBeNull();
  });

  it('refuses a language the app does not speak, other fields, and anonymous callers', async () => {
    const user = await buildUser(testApp);
    const unknown = await user.api.patch('/api/auth/me', { language: 'de' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect(unknown.body.issues[0].path).toBe('body.language');
    // An account cannot make itself an organiser, or rename itself, through its preferences.
    const smuggled = await user.api.patch('/api/auth/me', { language: 'fr', isOrganiser: true });
    expect(smuggled.status).toBe(400);
    expect((await user.api.get('/api/auth/me')).body).toMatchObject({ isOrganiser: false, language: null });
    expect((await anonymous.patch('/api/auth/me', { language: 'fr' })).status).toBe(401);
  });

  it('refuses wrong credentials with 401 and the same message for unknown emails', async () => {
    await buildUser(testApp, { email: 'bo@example.org' });
    const wrongPassword = await anonymous.post('/api/auth/login', {
      email: 'bo@example.org',
      password: 'wrong password',
    });
    const unknownEmail = await anonymous.post('/api/auth/login', {
      email: 'nobody@example.org',
      password: 'whatever1234',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknownEmail.body.message).toBe(wrongPassword.body.message);
  });

  it('ends the session on logout everywhere', async () => {
    const user = await buildUser(testApp);
    const logout = await user.api.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/cw_session=;/);
    const after = await user.api.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses expired sessions', async () => {
    const user = await buildUser(testApp);
    await testApp.db
      .sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = ${user.id}`;
    expect((await user.api.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses forged, malformed and missing tokens', async () => {
    expect((await anonymous.get('/api/auth/me')).status).toBe(401);
    expect((await anonymous.withToken('x'.repeat(43)).get('/api/auth/me')).status).toBe(401);
    expect((await anonymous.withToken('not a token; drop').get('/api/auth/me')).status).toBe(401);
  });

  it('validates the login body field by field', async () => {
    const response = await anonymous.post('/api/auth/login', {
      email: 42,
      password: 'x'.repeat(10_000),
      admin: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const paths = response.body.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body']));
  });

  it('answers malformed JSON and oversized bodies with 4xx, not 500', async () => {
    const malformed = await anonymous.request('POST', '/api/auth/login', '{"email":', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const huge = await anonymous.post('/api/auth/login', {
      email: 'a@b.org',
      password: 'x'.repeat(2_000_000),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('publishes the OpenAPI document', async () => {
    const response = await anonymous.get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(response.body.paths['/api/auth/login'].post.requestBody).toBeDefined();
  });
});

describe('login rate limit', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp('pglite', { LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(() => testApp.close());

  it('answers 429 with a standard Retry-After once the limit is used up', async () => {
    const anonymous = new ApiClient(testApp.url);
    const attempts = [];
    for (let i = 0; i < 4; i++) {
      attempts.push(
        await anonymous.post('/api/auth/login', { email: 'flood@example.org', password: 'wrong password' }),
      );
    }
    expect(attempts.slice(0, 3).map((response) => response.status)).toEqual([401, 401, 401]);
    expectRateLimited(attempts[3]!, { min: 1, max: 60 });
    expect(attempts[3]!.body.message).toMatch(/at most 3 a minute/);
  });
});
