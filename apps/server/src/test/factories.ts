import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_STAKEHOLDER_GROUPS } from '@cw/shared';
import { AuthService } from '../modules/auth/index.js';
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
  const created = await auth.createAccount(
    { email, name, password: TEST_PASSWORD },
    undefined,
    overrides.isOrganiser ?? false,
  );
  if (!created) throw new Error(`${email} already has an account`);
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

export interface TestConsultation {
  id: string;
  /** Group ids by name (the SPEC §2 defaults). */
  groups: Record<string, string>;
}

/**
 * Inserts a consultation with the default stakeholder groups directly in the database (so
 * modules can be tested without going through consultation creation) and makes `admin` its admin.
 */
export async function buildConsultation(
  testApp: TestApp,
  admin: TestUser,
  overrides: { title?: string; phase?: string; attributionMode?: string; timezone?: string } = {},
): Promise<TestConsultation> {
  const { sql } = testApp.db;
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO consultations (title, timezone, phase, attribution_mode, created_by)
    VALUES (${overrides.title ?? 'Test consultation'}, ${overrides.timezone ?? 'Europe/Zurich'},
            ${overrides.phase ?? 'open'}, ${overrides.attributionMode ?? 'chatham'}, ${admin.id})
    RETURNING id`;
  const groups: Record<string, string> = {};
  for (const [position, name] of DEFAULT_STAKEHOLDER_GROUPS.entries()) {
    const [group] = await sql<{ id: string }[]>`
      INSERT INTO stakeholder_groups (consultation_id, name, position)
      VALUES (${row!.id}, ${name}, ${position}) RETURNING id`;
    groups[name] = group!.id;
  }
  await addMember(testApp, row!.id, admin, 'admin', groups['International organisation']!);
  return { id: row!.id, groups };
}

/**
 * Adds a section to a consultation directly in the database (the paper holds text only in its
 * sections' fragments); returns its id.
 */
export async function buildSection(
  testApp: TestApp,
  consultationId: string,
  id: string = randomUUID(),
): Promise<string> {
  await testApp.db.sql`
    INSERT INTO sections (id, consultation_id, number, title, position)
    SELECT ${id}, ${consultationId}, (count(*) + 1)::text, 'Section', count(*) + 1
    FROM sections WHERE consultation_id = ${consultationId}`;
  return id;
}

/** Adds a section through the API, as an editor does; returns its id. */
export async function createSection(api: ApiClient, consultationId: string): Promise<string> {
  const response = await api.post(`/api/consultations/${consultationId}/sections`, { title: 'Section' });
  if (response.status !== 201) throw new Error(`creating a section failed: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** Adds `user` to a consultation with a role and group, directly in the database. */
export async function addMember(
  testApp: TestApp,
  consultationId: string,
  user: TestUser,
  role: 'observer' | 'reviewer' | 'editor' | 'admin',
  groupId: string,
): Promise<void> {
  await testApp.db.sql`
    INSERT INTO members (consultation_id, user_id, role, group_id)
    VALUES (${consultationId}, ${user.id}, ${role}, ${groupId})`;
}
