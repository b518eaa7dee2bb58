import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../test/http-client.js';
import { addMember, buildConsultation, buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';

const STATE = 'State / public authority';
const CIVIL = 'Civil society organisation';
const ACADEMIA = 'Academia / research';

describe.each(BACKENDS)('members on %s', (backend) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp(backend);
  });
  afterAll(() => testApp.close());

  /** A consultation with an admin (IO) and one member of every other role. */
  async function setUp() {
    const admin = await buildUser(testApp, { name: 'Zoe Admin' });
    const consultation = await buildConsultation(testApp, admin);
    const editor = await buildUser(testApp, { name: 'Eve Editor' });
    const reviewer = await buildUser(testApp, { name: 'Rita Reviewer' });
    const observer = await buildUser(testApp, { name: 'Otto Observer' });
    await addMember(testApp, consultation.id, editor, 'editor', consultation.groups[ACADEMIA]!);
    await addMember(testApp, consultation.id, reviewer, 'reviewer', consultation.groups[STATE]!);
    await addMember(testApp, consultation.id, observer, 'observer', consultation.groups[STATE]!);
    const path = `/api/consultations/${consultation.id}/members`;
    return { admin, consultation, editor, reviewer, observer, path };
  }

  async function memberId(path: string, admin: TestUser, user: TestUser): Promise<string> {
    const list = await admin.api.get(path);
    return list.body.find((m: { userId: string }) => m.userId === user.id).id;
  }

  async function storedMembers(consultationId: string) {
    return testApp.db.sql`
      SELECT id, user_id, role, group_id FROM members
      WHERE consultation_id = ${consultationId} ORDER BY id`;
  }

  it('lists members to admins and editors, ordered by group then name', async () => {
    const { admin, consultation, editor, reviewer, observer, path } = await setUp();
    for (const reader of [admin, editor]) {
      const response = await reader.api.get(path);
      expect(response.status).toBe(200);
      expect(response.body.map((m: { name: string }) => m.name)).toEqual([
        observer.name,
        reviewer.name,
        editor.name,
        admin.name,
      ]);
    }
    const list = await admin.api.get(path);
    expect(list.body[0]).toEqual({
      id: expect.any(String),
      userId: observer.id,
      name: observer.name,
      email: observer.email,
      role: 'observer',
      groupId: consultation.groups[STATE],
      groupSelfIdentified: false,
      joinedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('hides the member list from reviewers and observers (403) and from outsiders (404)', async () => {
    const { reviewer, observer, path } = await setUp();
    const outsider = await buildUser(testApp);
    for (const user of [reviewer, observer]) {
      const response = await user.api.get(path);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    }
    const hidden = await outsider.api.get(path);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('CONSULTATION_NOT_FOUND');
    expect((await new ApiClient(testApp.url).get(path)).status).toBe(401);
  });

  it('lets an admin change role and group', async () => {
    const { admin, consultation, reviewer, path } = await setUp();
    const id = await memberId(path, admin, reviewer);
    const response = await admin.api.patch(`${path}/${id}`, {
      role: 'editor',
      groupId: consultation.groups[CIVIL],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id,
      userId: reviewer.id,
      role: 'editor',
      groupId: consultation.groups[CIVIL],
    });
    const groupOnly = await admin.api.patch(`${path}/${id}`, { groupId: consultation.groups[STATE] });
    expect(groupOnly.body).toMatchObject({ role: 'editor', groupId: consultation.groups[STATE] });
    expect((await reviewer.api.get(path)).status).toBe(200);
  });

  it('refuses member management to editors, reviewers and observers', async () => {
    const { admin, consultation, editor, reviewer, observer, path } = await setUp();
    const target = await memberId(path, admin, reviewer);
    const before = await storedMembers(consultation.id);
    for (const user of [editor, reviewer, observer]) {
      const promote = await user.api.patch(`${path}/${target}`, { role: 'admin' });
      expect(promote.status).toBe(403);
      const remove = await user.api.delete(`${path}/${target}`);
      expect(remove.status).toBe(403);
    }
    expect(await storedMembers(consultation.id)).toEqual(before);
  });

  it('answers 404 for a member id of another consultation and changes nothing', async () => {
    const { admin, consultation, path } = await setUp();
    const other = await setUp();
    const foreignId = await memberId(other.path, other.admin, other.reviewer);
    const patch = await admin.api.patch(`${path}/${foreignId}`, { role: 'admin' });
    expect(patch.status).toBe(404);
    expect(patch.body.code).toBe('NOT_FOUND');
    expect((await admin.api.delete(`${path}/${foreignId}`)).status).toBe(404);
    expect(
      (await other.admin.api.get(other.path)).body.find((m: { id: string }) => m.id === foreignId).role,
    ).toBe('reviewer');
    expect((await storedMembers(consultation.id)).length).toBe(4);
  });

  it('refuses a group of another consultation with 400 on body.groupId', async () => {
    const { admin, consultation, reviewer, path } = await setUp();
    const other = await setUp();
    const id = await memberId(path, admin, reviewer);
    const before = await storedMembers(consultation.id);
    const response = await admin.api.patch(`${path}/${id}`, {
      role: 'editor',
      groupId: other.consultation.groups[CIVIL],
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.issues).toEqual([
      { path: 'body.groupId', message: expect.any(String), code: 'unknownGroup' },
    ]);
    expect(await storedMembers(consultation.id)).toEqual(before);
  });

  it('validates the body and the path field by field', async () => {
    const { admin, consultation, reviewer, path } = await setUp();
    const id = await memberId(path, admin, reviewer);
    const before = await storedMembers(consultation.id);
    const cases: [unknown, string[]][] = [
      [{}, ['body']],
      [{ role: 'owner' }, ['body.role']],
      [{ role: 'admin', userId: admin.id }, ['body']],
      [{ groupId: 'not-a-uuid' }, ['body.groupId']],
      [{ role: 'admin\u0000' }, ['body.role']],
      [{ role: 'x'.repeat(100_000) }, ['body.role']],
    ];
    for (const [body, paths] of cases) {
      const response = await admin.api.patch(`${path}/${id}`, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.issues.map((issue: { path: string }) => issue.path)).toEqual(paths);
    }
    const badId = await admin.api.patch(`${path}/42`, { role: 'admin' });
    expect(badId.status).toBe(400);
    expect(badId.body.issues[0].path).toMatch(/^params?\.id$/);
    expect((await admin.api.delete(`${path}/42`)).status).toBe(400);
    expect(await storedMembers(consultation.id)).toEqual(before);
  });

  it('never leaves a consultation without an admin', async () => {
    const { admin, consultation, editor, path } = await setUp();
    const adminId = await memberId(path, admin, admin);
    const demote = await admin.api.patch(`${path}/${adminId}`, { role: 'editor' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('LAST_ADMIN');
    const remove = await admin.api.delete(`${path}/${adminId}`);
    expect(remove.status).toBe(409);
    expect(remove.body.code).toBe('LAST_ADMIN');
    const sameRole = await admin.api.patch(`${path}/${adminId}`, {
      role: 'admin',
      groupId: consultation.groups[STATE],
    });
    expect(sameRole.status).toBe(200);

    const editorId = await memberId(path, admin, editor);
    expect((await admin.api.patch(`${path}/${editorId}`, { role: 'admin' })).status).toBe(200);
    const selfDemote = await admin.api.patch(`${path}/${adminId}`, { role: 'reviewer' });
    expect(selfDemote.status).toBe(200);
    expect(selfDemote.body.role).toBe('reviewer');
    expect((await admin.api.get(path)).status).toBe(403);
    const lastOne = await editor.api.delete(`${path}/${editorId}`);
    expect(lastOne.status).toBe(409);
    expect(lastOne.body.code).toBe('LAST_ADMIN');
  });

  it('lets exactly one of two admins demote the other at the same time', async () => {
    const { admin, editor, path } = await setUp();
    const adminId = await memberId(path, admin, admin);
    const editorId = await memberId(path, admin, editor);
    await admin.api.patch(`${path}/${editorId}`, { role: 'admin' });
    const results = await Promise.all([
      admin.api.patch(`${path}/${editorId}`, { role: 'reviewer' }),
      editor.api.patch(`${path}/${adminId}`, { role: 'reviewer' }),
    ]);
    const statuses = results.map((response) => response.status).sort();
    // The loser is refused either as last admin or, having been demoted first, by role.
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const [admins] = await testApp.db.sql`
      SELECT count(*) AS n FROM members WHERE id IN (${adminId}, ${editorId}) AND role = 'admin'`;
    expect(admins!.n).toBe(1);
  });

  it('removes a member, who at once loses access to the consultation', async () => {
    const { admin, editor, path } = await setUp();
    expect((await editor.api.get(path)).status).toBe(200);
    const id = await memberId(path, admin, editor);
    const response = await admin.api.delete(`${path}/${id}`);
    expect(response.status).toBe(204);
    const after = await editor.api.get(path);
    expect(after.status).toBe(404);
    expect(after.body.code).toBe('CONSULTATION_NOT_FOUND');
    expect((await admin.api.get(path)).body.map((m: { userId: string }) => m.userId)).not.toContain(
      editor.id,
    );
    expect((await admin.api.delete(`${path}/${id}`)).status).toBe(404);
  });
});
