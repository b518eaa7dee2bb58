import { request as httpRequest } from 'node:http';
import { CLOSE_CODES } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  buildConsultation,
  buildUser,
  TEST_PASSWORD,
  type TestConsultation,
  type TestUser,
} from '../../test/factories.js';
import { ApiClient } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { eventually, RawClient } from '../../test/ws-clients.js';

const FOREIGN = 'https://evil.example';

/** Signs in through the API and returns the session cookie, as a browser would keep it. */
async function sessionCookie(testApp: TestApp, user: TestUser): Promise<string> {
  const response = await new ApiClient(testApp.url).post('/api/auth/login', {
    email: user.email,
    password: TEST_PASSWORD,
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** A POST as a browser sends it: with the cookie, and the Origin and Host of its page. */
function browserPost(
  testApp: TestApp,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: { code?: string; message?: string } }> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      `${testApp.url}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode!, body: text ? JSON.parse(text) : {} }),
        );
      },
    );
    call.on('error', reject);
    call.end('{}');
  });
}

describe('the Origin check: same-origin pages on any address, other sites refused', () => {
  let testApp: TestApp;
  let member: TestUser;
  let consultation: TestConsultation;
  let ownOrigin: string;

  beforeAll(async () => {
    // PUBLIC_URL stays at its default (http://localhost:PORT): the app is opened elsewhere.
    testApp = await startTestApp('pglite');
    ownOrigin = testApp.url;
    member = await buildUser(testApp, { isOrganiser: true });
    consultation = await buildConsultation(testApp, member);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('lets a page on the address the app was opened at use its cookie, by IP or by host name', async () => {
    const cookie = await sessionCookie(testApp, member);
    const port = new URL(testApp.url).port;
    const byName = await browserPost(testApp, '/api/auth/logout', {
      cookie,
      host: `workshop-laptop:${port}`,
      origin: `http://workshop-laptop:${port}`,
    });
    expect(byName.status).toBe(204);
    const byIp = await browserPost(testApp, '/api/auth/logout', {
      cookie: await sessionCookie(testApp, member),
      origin: ownOrigin,
    });
    expect(byIp.status).toBe(204);
  });

  it('refuses a change a page of another site makes with the cookie, and says which setting allows it', async () => {
    const cookie = await sessionCookie(testApp, member);
    const refused = await browserPost(testApp, '/api/auth/logout', { cookie, origin: FOREIGN });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN_ORIGIN');
    expect(refused.body.message).toMatch(/PUBLIC_URL.*ALLOWED_ORIGINS/);
    // The session was not ended.
    const me = await new ApiClient(testApp.url).request('GET', '/api/auth/me', undefined, { cookie });
    expect(me.status).toBe(200);
    // Another site cannot sign anyone in either.
    const login = await browserPost(testApp, '/api/auth/login', { origin: FOREIGN });
    expect(login.body.code).toBe('FORBIDDEN_ORIGIN');
  });

  it('lets programs with a bearer token through whatever Origin they send', async () => {
    const response = await member.api.request('POST', '/api/auth/logout', {}, { origin: FOREIGN });
    expect(response.status).toBe(204);
  });

  it('admits a paper socket from the page’s own address and refuses one from another site', async () => {
    const reviewer = await buildUser(testApp);
    await addMember(testApp, consultation.id, reviewer, 'reviewer', consultation.groups['Other']!);
    const { token } = reviewer;
    const own = new RawClient(testApp.url, `/collab/${consultation.id}`, { token, origin: ownOrigin });
    await eventually(() => expect(own.messages.length).toBeGreaterThan(0));
    expect(own.closed).toBeUndefined();
    own.close();
    const foreign = new RawClient(testApp.url, `/collab/${consultation.id}`, { token, origin: FOREIGN });
    expect((await foreign.waitClosed()).code).toBe(CLOSE_CODES.FORBIDDEN_ORIGIN);
  });

  it('serves plain HTTP without sending the browser to https', async () => {
    const response = await new ApiClient(testApp.url).get('/api/health');
    expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('an https PUBLIC_URL and ALLOWED_ORIGINS', () => {
  let testApp: TestApp;
  const partner = 'https://partner.example.org';

  beforeAll(async () => {
    testApp = await startTestApp('pglite', {
      PUBLIC_URL: 'https://consult.example.org',
      ALLOWED_ORIGINS: partner,
    });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('upgrades requests and sends HSTS', async () => {
    const response = await new ApiClient(testApp.url).get('/api/health');
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('answers the CORS preflight of an allowed origin with credentials, and no other', async () => {
    const api = new ApiClient(testApp.url);
    const preflight = (origin: string) =>
      api.request('OPTIONS', '/api/auth/login', undefined, {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      });
    const allowed = await preflight(partner);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(partner);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await preflight(FOREIGN);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
