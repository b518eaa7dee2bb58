import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../test/http-client.js';
import {
  addMember,
  buildConsultation,
  buildUser,
  TEST_PASSWORD,
  type TestUser,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { expectRateLimited } from '../../test/rate-limits.js';
import { BACKENDS } from '../../test/test-database.js';

const CIVIL = 'Civil society organisation';
const COMPANY = 'Company / business';

describe.each(BACKENDS)('invitation links on %s', (backend) => {
  let testApp: TestApp;
  let anonymous: ApiClient;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { INVITATION_RATE_LIMIT: '10000' });
    anonymous = new ApiClient(testApp.url);
  });
  afterAll(() => testApp.close());

  /** A consultation and one pending invitation to it (reviewer, civil society unless told). */
  async function setUp(invite: { role?: string; group?: string } = {}) {
    const admin = await buildUser(testApp);
    const consultation = await buildConsultation(testApp, admin, { title: 'State duty to protect' });
    const membersPath = `/api/consultations/${consultation.id}/members`;
    const invitationsPath = `/api/consultations/${consultation.id}/invitations`;
    const groupId = consultation.groups[invite.group ?? CIVIL]!;
    const created = await admin.api.post(invitationsPath, { role: invite.role ?? 'reviewer', groupId });
    expect(created.status).toBe(201);
    return { admin, consultation, membersPath, invitationsPath, groupId, invitation: created.body };
  }

  async function statusOf(admin: TestUser, invitationsPath: string, id: string) {
    return (await admin.api.get(invitationsPath)).body.find((i: { id: string }) => i.id === id).status;
  }

  async function expire(id: string) {
    await testApp.db.sql`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = ${id}`;
  }

  function signupBody(overrides: Record<string, unknown> = {}) {
    const suffix = Math.random().toString(36).slice(2, 10);
    return {
      name: `Nadia ${suffix}`,
      email: `nadia-${suffix}@example.org`,
      password: TEST_PASSWORD,
      ...overrides,
    };
  }

  it('previews an invitation to anyone holding the link', async () => {
    const { consultation, invitation } = await setUp({ role: 'observer', group: COMPANY });
    const response = await anonymous.get(`/api/invitations/${invitation.token}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      consultationId: consultation.id,
      consultationTitle: 'State duty to protect',
      role: 'observer',
      groupName: COMPANY,
      groups: [],
      email: null,
      expiresAt: invitation.expiresAt,
      status: 'pending',
    });
  });

  it('answers 404 for an unknown token and 400 for a malformed one', async () => {
    const unknown = await anonymous.get(`/api/invitations/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    for (const bad of ['short', 'x'.repeat(101), 'has%20space%00nul', "semi;colon'quote"]) {
      const response = await anonymous.get(`/api/invitations/${bad}`);
      expect(response.status, bad).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
    const user = await buildUser(testApp);
    expect((await user.api.post('/api/invitations/short/accept')).status).toBe(400);
    expect((await anonymous.post('/api/invitations/short/signup', signupBody())).status).toBe(400);
  });

  it('signs up through the link: account and membership with that role and group, then sign in', async () => {
    const { admin, consultation, membersPath, invitationsPath, groupId, invitation } = await setUp({
      role: 'editor',
    });
    const body = signupBody({ email: '  Nadia.New@Example.org ' });
    const response = await anonymous.post(`/api/invitations/${invitation.token}/signup`, body);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ next: 'signIn' });
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await statusOf(admin, invitationsPath, invitation.id)).toBe('used');

    const login = await anonymous.post('/api/auth/login', {
      email: 'nadia.new@example.org',
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toEqual({
      id: expect.any(String),
      email: 'nadia.new@example.org',
      name: body.name,
      isOrganiser: false,
      language: null,
    });
    const newcomer = anonymous.withToken(login.body.token);
    const members = await newcomer.get(membersPath);
    expect(members.status).toBe(200);
    expect(members.body.find((m: { userId: string }) => m.userId === login.body.user.id)).toMatchObject({
      role: 'editor',
      groupId,
    });
    // What the web app does next: accepting the invitation it used confirms the membership.
    const accept = await newcomer.post(`/api/invitations/${invitation.token}/accept`);
    expect(accept.status).toBe(200);
    expect(accept.body).toEqual({ consultationId: consultation.id });
    expect((await admin.api.get(membersPath)).body).toHaveLength(2);
  });

  it('answers sign-up with an email that has an account exactly as with a new one, changing nothing', async () => {
    const known = await setUp();
    const fresh = await setUp();
    const existing = await buildUser(testApp);
    const forExisting = await anonymous.post(
      `/api/invitations/${known.invitation.token}/signup`,
      signupBody({
        email: existing.email.toUpperCase(),
        name: 'Someone Else',
        password: 'not their password',
      }),
    );
    const forNew = await anonymous.post(`/api/invitations/${fresh.invitation.token}/signup`, signupBody());
    for (const answer of [forExisting, forNew]) {
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ next: 'signIn' });
    }
    for (const header of ['content-type', 'content-length', 'set-cookie', 'location', 'cache-control']) {
      expect(forExisting.headers.get(header), header).toBe(forNew.headers.get(header));
    }
    // The account, its password and the invitation are untouched.
    const [row] = await testApp.db.sql`SELECT name FROM users WHERE email = ${existing.email}`;
    expect(row!.name).toBe(existing.name);
    expect(await statusOf(known.admin, known.invitationsPath, known.invitation.id)).toBe('pending');
    expect((await known.admin.api.get(known.membersPath)).body).toHaveLength(1);
    const wrongPassword = await anonymous.post('/api/auth/login', {
      email: existing.email,
      password: 'not their password',
    });
    expect(wrongPassword.status).toBe(401);

    // The person who owns the account signs in and accepts.
    const accept = await existing.api.post(`/api/invitations/${known.invitation.token}/accept`);
    expect(accept.status).toBe(200);
    expect(accept.body).toEqual({ consultationId: known.consultation.id });
    expect(await statusOf(known.admin, known.invitationsPath, known.invitation.id)).toBe('used');
  });

  it('lets an existing user accept and join with exactly the invited role and group', async () => {
    const { admin, consultation, membersPath, invitationsPath, groupId, invitation } = await setUp();
    const invitee = await buildUser(testApp);
    const response = await invitee.api.post(`/api/invitations/${invitation.token}/accept`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ consultationId: consultation.id });
    const members = (await admin.api.get(membersPath)).body;
    expect(members.find((m: { userId: string }) => m.userId === invitee.id)).toMatchObject({
      role: 'reviewer',
      groupId,
    });
    // A reviewer may not read the member list: proof that the role is reviewer, not more.
    expect((await invitee.api.get(membersPath)).status).toBe(403);
    const list = (await admin.api.get(invitationsPath)).body;
    expect(list[0]).toMatchObject({ id: invitation.id, status: 'used', usedAt: expect.any(String) });
    const [usedBy] = await testApp.db.sql`SELECT used_by FROM invitations WHERE id = ${invitation.id}`;
    expect(usedBy!.used_by).toBe(invitee.id);
  });

  it('does not let a member removed since accept the used invitation again', async () => {
    const { admin, membersPath, invitation } = await setUp();
    const invitee = await buildUser(testApp);
    expect((await invitee.api.post(`/api/invitations/${invitation.token}/accept`)).status).toBe(200);
    const membership = (await admin.api.get(membersPath)).body.find(
      (m: { userId: string }) => m.userId === invitee.id,
    );
    expect((await admin.api.delete(`${membersPath}/${membership.id}`)).status).toBe(204);
    const again = await invitee.api.post(`/api/invitations/${invitation.token}/accept`);
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('INVITATION_USED');
    expect((await admin.api.get(membersPath)).body).toHaveLength(1);
  });

  it('requires a session to accept', async () => {
    const { admin, invitationsPath, invitation } = await setUp();
    const response = await anonymous.post(`/api/invitations/${invitation.token}/accept`);
    expect(response.status).toBe(401);
    expect(await statusOf(admin, invitationsPath, invitation.id)).toBe('pending');
  });

  it('is single use: a second accept or sign-up gets 410 INVITATION_USED', async () => {
    const { invitation, membersPath, admin } = await setUp();
    const first = await buildUser(testApp);
    const second = await buildUser(testApp);
    expect((await first.api.post(`/api/invitations/${invitation.token}/accept`)).status).toBe(200);
    // Its user accepting again (a retry) changes nothing and answers as the first time.
    expect((await first.api.post(`/api/invitations/${invitation.token}/accept`)).status).toBe(200);
    const again = await second.api.post(`/api/invitations/${invitation.token}/accept`);
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('INVITATION_USED');
    const body = signupBody();
    const signup = await anonymous.post(`/api/invitations/${invitation.token}/signup`, body);
    expect(signup.status).toBe(410);
    expect(signup.body.code).toBe('INVITATION_USED');
    expect(await testApp.db.sql`SELECT id FROM users WHERE email = ${body.email}`).toHaveLength(0);
    const userIds = (await admin.api.get(membersPath)).body.map((m: { userId: string }) => m.userId);
    expect(userIds).toContain(first.id);
    expect(userIds).not.toContain(second.id);
    expect((await anonymous.get(`/api/invitations/${invitation.token}`)).body.status).toBe('used');
  });

  it('refuses expired links with 410 INVITATION_EXPIRED', async () => {
    const { invitation, membersPath, admin } = await setUp();
    await expire(invitation.id);
    expect((await anonymous.get(`/api/invitations/${invitation.token}`)).body.status).toBe('expired');
    const invitee = await buildUser(testApp);
    const accept = await invitee.api.post(`/api/invitations/${invitation.token}/accept`);
    expect(accept.status).toBe(410);
    expect(accept.body.code).toBe('INVITATION_EXPIRED');
    const signup = await anonymous.post(`/api/invitations/${invitation.token}/signup`, signupBody());
    expect(signup.status).toBe(410);
    expect(signup.body.code).toBe('INVITATION_EXPIRED');
    expect((await admin.api.get(membersPath)).body).toHaveLength(1);
  });

  it('refuses revoked links with 410 INVITATION_REVOKED', async () => {
    const { invitation, invitationsPath, membersPath, admin } = await setUp();
    expect((await admin.api.delete(`${invitationsPath}/${invitation.id}`)).status).toBe(204);
    expect((await anonymous.get(`/api/invitations/${invitation.token}`)).body.status).toBe('revoked');
    const invitee = await buildUser(testApp);
    const accept = await invitee.api.post(`/api/invitations/${invitation.token}/accept`);
    expect(accept.status).toBe(410);
    expect(accept.body.code).toBe('INVITATION_REVOKED');
    const signup = await anonymous.post(`/api/invitations/${invitation.token}/signup`, signupBody());
    expect(signup.status).toBe(410);
    expect(signup.body.code).toBe('INVITATION_REVOKED');
    expect((await admin.api.get(membersPath)).body).toHaveLength(1);
  });

  it('lets exactly one of two concurrent accepts win', async () => {
    const { invitation, membersPath, admin } = await setUp();
    const [one, two] = [await buildUser(testApp), await buildUser(testApp)];
    const responses = await Promise.all(
      [one, two].map((user) => user.api.post(`/api/invitations/${invitation.token}/accept`)),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 410]);
    expect(responses.find((response) => response.status === 410)!.body.code).toBe('INVITATION_USED');
    const joined = (await admin.api.get(membersPath)).body.filter((m: { userId: string }) =>
      [one.id, two.id].includes(m.userId),
    );
    expect(joined).toHaveLength(1);
  });

  it('lets exactly one of two concurrent sign-ups win and leaves no account for the loser', async () => {
    const { invitation } = await setUp();
    const bodies = [signupBody(), signupBody()];
    const responses = await Promise.all(
      bodies.map((body) => anonymous.post(`/api/invitations/${invitation.token}/signup`, body)),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([202, 410]);
    const accounts = await testApp.db.sql`
      SELECT email FROM users WHERE email IN (${bodies[0]!.email}, ${bodies[1]!.email})`;
    expect(accounts).toHaveLength(1);
  });

  it('answers 409 ALREADY_MEMBER to a member and leaves the invitation pending', async () => {
    const { admin, consultation, invitationsPath, membersPath, invitation } = await setUp({ role: 'admin' });
    const member = await buildUser(testApp);
    await addMember(testApp, consultation.id, member, 'observer', consultation.groups[COMPANY]!);
    const response = await member.api.post(`/api/invitations/${invitation.token}/accept`);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('ALREADY_MEMBER');
    expect(await statusOf(admin, invitationsPath, invitation.id)).toBe('pending');
    const stillObserver = (await admin.api.get(membersPath)).body.find(
      (m: { userId: string }) => m.userId === member.id,
    );
    expect(stillObserver).toMatchObject({ role: 'observer', groupId: consultation.groups[COMPANY] });
    const selfInvite = await admin.api.post(`/api/invitations/${invitation.token}/accept`);
    expect(selfInvite.status).toBe(409);
    expect(await statusOf(admin, invitationsPath, invitation.id)).toBe('pending');
  });

  it('validates the sign-up body field by field and stores nothing', async () => {
    const { admin, invitationsPath, invitation } = await setUp();
    const path = `/api/invitations/${invitation.token}/signup`;
    const cases: [unknown, string[]][] = [
      [{}, ['body.name', 'body.email', 'body.password']],
      [signupBody({ name: 'Nul\u0000byte' }), ['body.name']],
      [signupBody({ name: 'x'.repeat(100_000) }), ['body.name']],
      [signupBody({ email: 'nope' }), ['body.email']],
      [signupBody({ password: 'short' }), ['body.password']],
      [signupBody({ role: 'admin' }), ['body']],
      [signupBody({ isOrganiser: true }), ['body']],
    ];
    const [{ count: usersBefore }] = (await testApp.db.sql`SELECT count(*) FROM users`) as unknown as [
      { count: number },
    ];
    for (const [body, paths] of cases) {
      const response = await anonymous.post(path, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.issues.map((issue: { path: string }) => issue.path)).toEqual(paths);
    }
    const malformed = await anonymous.request('POST', path, '{"name":', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    const accept = await (
      await buildUser(testApp)
    ).api.post(`/api/invitations/${invitation.token}/accept`, {
      role: 'admin',
    });
    expect(accept.status).toBe(200);
    const [{ count: usersAfter }] = (await testApp.db.sql`SELECT count(*) FROM users`) as unknown as [
      { count: number },
    ];
    expect(usersAfter).toBe(usersBefore + 1);
    expect(await statusOf(admin, invitationsPath, invitation.id)).toBe('used');
  });
});

describe('invitation link rate limit', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp('pglite', { INVITATION_RATE_LIMIT: '3' });
  });
  afterAll(() => testApp.close());

  it('shares one per-address budget across preview, accept and sign-up, and spares login', async () => {
    const anonymous = new ApiClient(testApp.url);
    const token = 'B'.repeat(43);
    const first = [
      await anonymous.get(`/api/invitations/${token}`),
      await anonymous.post(`/api/invitations/${token}/signup`, {
        name: 'Probe',
        email: 'probe@example.org',
        password: TEST_PASSWORD,
      }),
      await anonymous.get(`/api/invitations/${token}`),
    ];
    expect(first.map((response) => response.status)).toEqual([404, 404, 404]);
    expectRateLimited(await anonymous.get(`/api/invitations/${'C'.repeat(43)}`), { min: 1, max: 60 });
    const user = await buildUser(testApp);
    expectRateLimited(await user.api.post(`/api/invitations/${token}/accept`), { min: 1, max: 60 });
    expect((await user.api.get('/api/auth/me')).status).toBe(200);
  });
});
