import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildConsultation, buildUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { hashToken } from '../auth/index.js';

const CIVIL = 'Civil society organisation';

describe.each(BACKENDS)('invitation management on %s', (backend) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { PUBLIC_URL: 'https://consult.example.org' });
  });
  afterAll(() => testApp.close());

  async function setUp(phase = 'open') {
    const admin = await buildUser(testApp);
    const consultation = await buildConsultation(testApp, admin, { phase });
    const path = `/api/consultations/${consultation.id}/invitations`;
    return { admin, consultation, path };
  }

  async function storedInvitations(consultationId: string) {
    return testApp.db.sql`
      SELECT id, role, group_id, used_at, revoked_at, expires_at FROM invitations
      WHERE consultation_id = ${consultationId} ORDER BY id`;
  }

  it('creates a link whose token is shown once and stored only as a hash', async () => {
    const { admin, consultation, path } = await setUp();
    const response = await admin.api.post(path, {
      role: 'reviewer',
      groupId: consultation.groups[CIVIL],
      email: 'ngo@example.org',
      label: '  Amnesty delegation ',
    });
    expect(response.status).toBe(201);
    const { token, url, ...rest } = response.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url).toBe(`https://consult.example.org/invite/${token}`);
    expect(rest).toEqual({
      id: expect.any(String),
      role: 'reviewer',
      groupId: consultation.groups[CIVIL],
      email: 'ngo@example.org',
      label: 'Amnesty delegation',
      status: 'pending',
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      usedAt: null,
      emailed: false,
      mailStatus: null,
      mailError: null,
      mailedAt: null,
      openedAt: null,
      resendsLeft: 0,
    });
    const lifetimeDays = (Date.parse(rest.expiresAt) - Date.parse(rest.createdAt)) / 86_400_000;
    expect(lifetimeDays).toBeCloseTo(7, 3);
    const [stored] = await testApp.db.sql<{ token_hash: Buffer }[]>`
      SELECT token_hash FROM invitations WHERE id = ${rest.id}`;
    expect(Buffer.compare(stored!.token_hash, hashToken(token))).toBe(0);
    const everything = JSON.stringify(await testApp.db.sql`SELECT * FROM invitations WHERE id = ${rest.id}`);
    expect(everything).not.toContain(token);
  });

  it('honours a custom lifetime of 1 to 30 days', async () => {
    const { admin, consultation, path } = await setUp();
    const response = await admin.api.post(path, {
      role: 'observer',
      groupId: consultation.groups[CIVIL],
      expiresInDays: 30,
    });
    expect(response.status).toBe(201);
    const days = (Date.parse(response.body.expiresAt) - Date.parse(response.body.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(30, 3);
  });

  it('lists invitations newest first with computed status and never the token', async () => {
    const { admin, consultation, path } = await setUp();
    const created = [];
    for (const role of ['observer', 'reviewer', 'editor', 'admin']) {
      created.push((await admin.api.post(path, { role, groupId: consultation.groups[CIVIL] })).body);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const [expired, revoked, used, pending] = created;
    await testApp.db
      .sql`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = ${expired.id}`;
    expect((await admin.api.delete(`${path}/${revoked.id}`)).status).toBe(204);
    const invitee = await buildUser(testApp);
    expect((await invitee.api.post(`/api/invitations/${used.token}/accept`)).status).toBe(200);

    const list = await admin.api.get(path);
    expect(list.status).toBe(200);
    expect(list.body.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      [pending.id, 'pending'],
      [used.id, 'used'],
      [revoked.id, 'revoked'],
      [expired.id, 'expired'],
    ]);
    expect(list.body[1].usedAt).toEqual(expect.any(String));
    expect(JSON.stringify(list.body)).not.toMatch(/token|invite\//);
  });

  it('refuses a group of another consultation with 400 and stores nothing', async () => {
    const { admin, consultation, path } = await setUp();
    const other = await setUp();
    const response = await admin.api.post(path, {
      role: 'reviewer',
      groupId: other.consultation.groups[CIVIL],
    });
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([
      { path: 'body.groupId', message: expect.any(String), code: 'unknownGroup' },
    ]);
    expect(await storedInvitations(consultation.id)).toEqual([]);
  });

  it('validates the body field by field and stores nothing', async () => {
    const { admin, consultation, path } = await setUp();
    const groupId = consultation.groups[CIVIL];
    const cases: [unknown, string[]][] = [
      [{}, ['body.role', 'body.groupId']],
      [{ role: 'owner', groupId }, ['body.role']],
      [{ role: 'reviewer', groupId, expiresInDays: 0 }, ['body.expiresInDays']],
      [{ role: 'reviewer', groupId, expiresInDays: 31 }, ['body.expiresInDays']],
      [{ role: 'reviewer', groupId, expiresInDays: 1.5 }, ['body.expiresInDays']],
      [{ role: 'reviewer', groupId, email: 'not an email' }, ['body.email']],
      [{ role: 'reviewer', groupId, label: 'bad\u0000label' }, ['body.label']],
      [{ role: 'reviewer', groupId, label: 'x'.repeat(200_000) }, ['body.label']],
      [{ role: 'reviewer', groupId, token: 'mine' }, ['body']],
    ];
    for (const [body, paths] of cases) {
      const response = await admin.api.post(path, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.issues.map((issue: { path: string }) => issue.path)).toEqual(paths);
    }
    expect(await storedInvitations(consultation.id)).toEqual([]);
  });

  it('revokes a pending invitation; revoking again is harmless; a used one cannot be revoked', async () => {
    const { admin, consultation, path } = await setUp();
    const pending = (await admin.api.post(path, { role: 'reviewer', groupId: consultation.groups[CIVIL] }))
      .body;
    expect((await admin.api.delete(`${path}/${pending.id}`)).status).toBe(204);
    expect((await admin.api.delete(`${path}/${pending.id}`)).status).toBe(204);

    const used = (await admin.api.post(path, { role: 'reviewer', groupId: consultation.groups[CIVIL] })).body;
    const invitee = await buildUser(testApp);
    await invitee.api.post(`/api/invitations/${used.token}/accept`);
    const before = await storedInvitations(consultation.id);
    const response = await admin.api.delete(`${path}/${used.id}`);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CONFLICT');
    expect(await storedInvitations(consultation.id)).toEqual(before);
  });

  it("answers 404 for another consultation's invitation and leaves it pending", async () => {
    const { admin, path } = await setUp();
    const other = await setUp();
    const foreign = (
      await other.admin.api.post(other.path, { role: 'reviewer', groupId: other.consultation.groups[CIVIL] })
    ).body;
    const response = await admin.api.delete(`${path}/${foreign.id}`);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
    expect((await other.admin.api.get(other.path)).body[0].status).toBe('pending');
  });

  it('keeps invitations to admins: others get 403, outsiders 404, and nothing is stored', async () => {
    const { admin, consultation, path } = await setUp();
    const existing = (await admin.api.post(path, { role: 'reviewer', groupId: consultation.groups[CIVIL] }))
      .body;
    const outsider = await buildUser(testApp);
    for (const role of ['editor', 'reviewer', 'observer'] as const) {
      const user = await buildUser(testApp);
      await addMember(testApp, consultation.id, user, role, consultation.groups[CIVIL]!);
      expect((await user.api.get(path)).status).toBe(403);
      const create = await user.api.post(path, { role: 'admin', groupId: consultation.groups[CIVIL] });
      expect(create.status).toBe(403);
      expect(create.body.code).toBe('FORBIDDEN');
      expect((await user.api.delete(`${path}/${existing.id}`)).status).toBe(403);
    }
    expect((await outsider.api.get(path)).status).toBe(404);
    expect(
      (await outsider.api.post(path, { role: 'admin', groupId: consultation.groups[CIVIL] })).status,
    ).toBe(404);
    const stored = await storedInvitations(consultation.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.revoked_at).toBeNull();
  });

  it('stops new invitations once the consultation is published', async () => {
    const { admin, consultation, path } = await setUp('published');
    const response = await admin.api.post(path, { role: 'reviewer', groupId: consultation.groups[CIVIL] });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('PHASE_FORBIDS');
  });
});
