import { randomBytes } from 'node:crypto';
import { AuthService } from '../modules/auth/auth.service.js';
import { ApiClient } from './http-client.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  token: string;
  api: ApiClient;
}

/** Creates an account directly through the service and signs it in through HTTP. */
export async function buildUser(
  testApp: TestApp,
  overrides: { email?: string; name?: string; isOrganiser?: boolean } = {},
): Promise<TestUser> {
  const email = overrides.email ?? `user-${randomBytes(4).toString('hex')}@example.org`;
  const name = overrides.name ?? `User ${email.split('@')[0]}`;
  const auth = testApp.app.get(AuthService);
  await auth.createAccount(
    { email, name, password: TEST_PASSWORD },
    undefined,
    overrides.isOrganiser ?? false,
  );
  const api = new ApiClient(testApp.url);
  const login = await api.post('/api/auth/login', { email, password: TEST_PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return {
    id: login.body.user.id,
    email,
    name,
    token: login.body.token,
    api: api.withToken(login.body.token),
  };
}
