import { randomBytes } from 'node:crypto';
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
import { BACKENDS } from '../../test/test-database.js';

const CIVIL = 'Civil society organisation';
const COMPANY = 'Company / business';

describe.each(BACKENDS)('stakeholders who name their own group on %s', (backend) => {
  let testApp: TestApp;
  let anonymous: ApiClient;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { INVITATION_RATE_LIMIT: '10000' });
    anonymous = new ApiClient(testApp.url);
  });
  afterAll(() => testApp.close());

  async function setUp() {
    const admin = await buildUser(testApp);
    const consultation = await buildConsultation(testApp, admin);
    const base = `/api/consultations/${consultation.id}`;
    return { admin, consultation, base };
  }

  const signupBody = (groupId?: string) => ({
    name: 'Self Named',
    email: `self-${randomBytes(4).toString('hex')}@example.org`,
    password: TEST_PASSWORD,
    ...(groupId === undefined ? {} : { groupId }),
  });

  async function memberByEmail(admin: TestUser, base: string, email: string) {
    const members = (await admin.api.get(`${base}/members`)).body as { email: string }[];
    return members.find((member) => member.email === email) as
      { id: string; groupId: string; groupSelfIdentified: boolean } | undefined;
  }

  async function openInvitation(admin: TestUser, base: string) {
    const created = await admin.api.post(`${base}/invitations`, { role: 'reviewer', groupId: null });
    expect(created.status).toBe(201);
    expect(created.body.groupId).toBeNull();
    return created.body as { id: string; token: string };
  }

  it('lets the invitee pick a group, shown with its description, and records it self-identified', async () => {
    const { admin, consultation, base } = await setUp();
    const companyId = consultation.groups[COMPANY]!;
    expect(
      (
        await admin.api.patch(`${base}/groups/${companyId}`, {
          description: 'Firms and business associations',
        })
      ).status,
    ).toBe(200);
    const invitation = await openInvitation(admin, base);
    // An open invitation belongs to no group until accepted; the dashboard counts it nowhere.
    expect((await admin.api.get(`${base}/dashboard`)).status).toBe(200);

    const preview = await anonymous.get(`/api/invitations/${invitation.token}`);
    expect(preview.status).toBe(200);
    expect(preview.body.groupName).toBeNull();
    expect(preview.body.groups).toHaveLength(Object.keys(consultation.groups).length);
    expect(preview.body.groups).toContainEqual({
      id: companyId,
      name: COMPANY,
      description: 'Firms and business associations',
    });

    const other = await setUp();
    const users = async () =>
      (await testApp.db.sql<{ count: number }[]>`SELECT count(*)::int AS count FROM users`)[0]!.count;
    const before = await users();
    const unpicked = await anonymous.post(`/api/invitations/${invitation.token}/signup`, signupBody());
    expect(unpicked.status).toBe(400);
    expect(unpicked.body.issues).toEqual([
      { path: 'body.groupId', message: expect.any(String), code: 'required' },
    ]);
    const foreign = await anonymous.post(
      `/api/invitations/${invitation.token}/signup`,
      signupBody(other.consultation.groups[COMPANY]),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.issues).toEqual([
      { path: 'body.groupId', message: expect.any(String), code: 'unknownGroup' },
    ]);
    expect(await users()).toBe(before);

    const body = signupBody(companyId);
    expect((await anonymous.post(`/api/invitations/${invitation.token}/signup`, body)).status).toBe(202);
    expect(await memberByEmail(admin, base, body.email)).toMatchObject({
      groupId: companyId,
      groupSelfIdentified: true,
    });
  });

  it('lets a signed-in invitee accept an open invitation with the group picked', async () => {
    const { admin, consultation, base } = await setUp();
    const invitation = await openInvitation(admin, base);
    const invitee = await buildUser(testApp);
    const unpicked = await invitee.api.post(`/api/invitations/${invitation.token}/accept`);
    expect(unpicked.status).toBe(400);
    const accept = await invitee.api.post(`/api/invitations/${invitation.token}/accept`, {
      groupId: consultation.groups[CIVIL],
    });
    expect(accept.status).toBe(200);
    expect(await memberByEmail(admin, base, invitee.email)).toMatchObject({
      groupId: consultation.groups[CIVIL],
      groupSelfIdentified: true,
    });
  });

  it('lets the admin confirm or change a self-identified group, audited; nobody else', async () => {
    const { admin, consultation, base } = await setUp();
    const invitation = await openInvitation(admin, base);
    const invitee = await buildUser(testApp);
    await invitee.api.post(`/api/invitations/${invitation.token}/accept`, {
      groupId: consultation.groups[COMPANY],
    });
    const member = (await memberByEmail(admin, base, invitee.email))!;

    const editor = await buildUser(testApp);
    await addMember(testApp, consultation.id, editor, 'editor', consultation.groups[CIVIL]!);
    for (const user of [editor, invitee]) {
      const refused = await user.api.patch(`${base}/members/${member.id}`, { groupId: member.groupId });
      expect(refused.status).toBe(403);
    }
    const other = await setUp();
    const foreign = await other.admin.api.patch(`${other.base}/members/${member.id}`, {
      groupId: other.consultation.groups[CIVIL],
    });
    expect(foreign.status).toBe(404);
    expect((await memberByEmail(admin, base, invitee.email))!.groupSelfIdentified).toBe(true);

    const roleOnly = await admin.api.patch(`${base}/members/${member.id}`, { role: 'observer' });
    expect(roleOnly.body.groupSelfIdentified).toBe(true);
    const confirmed = await admin.api.patch(`${base}/members/${member.id}`, { groupId: member.groupId });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      groupId: consultation.groups[COMPANY],
      groupSelfIdentified: false,
    });
    const audit = await admin.api.get(`${base}/audit?action=member.updated`);
    expect(audit.body[0]).toMatchObject({
      target: { type: 'member', id: member.id },
      before: { group: COMPANY, groupSelfIdentified: true },
      after: { group: COMPANY, groupSelfIdentified: false },
    });
  });

  it('counts self-identified members towards the k-anonymous group labels like any other', async () => {
    const { admin, consultation, base } = await setUp();
    await testApp.db.sql`UPDATE consultations SET k_threshold = 2 WHERE id = ${consultation.id}`;
    const scopeOfCompany = async () =>
      (await admin.api.get(base)).body.groups.find((group: { name: string }) => group.name === COMPANY)
        .labelScope;
    expect(await scopeOfCompany()).not.toBe('group');
    for (let index = 0; index < 2; index++) {
      const invitation = await openInvitation(admin, base);
      const invitee = await buildUser(testApp);
      const accept = await invitee.api.post(`/api/invitations/${invitation.token}/accept`, {
        groupId: consultation.groups[COMPANY],
      });
      expect(accept.status).toBe(200);
    }
    expect(await scopeOfCompany()).toBe('group');
  });

  it('lets a member ask to change group, and the admin decline or approve, audited', async () => {
    const { admin, consultation, base } = await setUp();
    const reviewer = await buildUser(testApp);
    await addMember(testApp, consultation.id, reviewer, 'reviewer', consultation.groups[CIVIL]!);
    const path = `${base}/group-requests`;

    const same = await reviewer.api.post(path, { groupId: consultation.groups[CIVIL] });
    expect(same.status).toBe(409);
    const other = await setUp();
    const foreignGroup = await reviewer.api.post(path, { groupId: other.consultation.groups[COMPANY] });
    expect(foreignGroup.status).toBe(400);
    expect((await reviewer.api.post(path, { groupId: 'not-a-uuid' })).status).toBe(400);

    const asked = await reviewer.api.post(path, { groupId: consultation.groups[COMPANY] });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      name: reviewer.name,
      fromGroupId: consultation.groups[CIVIL],
      groupId: consultation.groups[COMPANY],
    });
    expect((await reviewer.api.get(`${path}/mine`)).body.request.id).toBe(asked.body.id);

    // Only this consultation's admins see and decide requests.
    expect((await reviewer.api.get(path)).status).toBe(403);
    expect(
      (await reviewer.api.post(`${path}/${asked.body.id}/decision`, { decision: 'approve' })).status,
    ).toBe(403);
    expect((await other.admin.api.get(path)).status).toBe(404);
    expect(
      (
        await other.admin.api.post(`${other.base}/group-requests/${asked.body.id}/decision`, {
          decision: 'approve',
        })
      ).status,
    ).toBe(404);

    expect((await admin.api.get(path)).body.map((request: { id: string }) => request.id)).toEqual([
      asked.body.id,
    ]);
    const declined = await admin.api.post(`${path}/${asked.body.id}/decision`, { decision: 'decline' });
    expect(declined.status).toBe(204);
    expect((await memberByEmail(admin, base, reviewer.email))!.groupId).toBe(consultation.groups[CIVIL]);
    expect((await reviewer.api.get(`${path}/mine`)).body.request).toBeNull();
    const again = await admin.api.post(`${path}/${asked.body.id}/decision`, { decision: 'approve' });
    expect(again.status).toBe(404);

    const second = await reviewer.api.post(path, { groupId: consultation.groups[COMPANY] });
    expect((await admin.api.post(`${path}/${second.body.id}/decision`, { decision: 'approve' })).status).toBe(
      204,
    );
    expect(await memberByEmail(admin, base, reviewer.email)).toMatchObject({
      groupId: consultation.groups[COMPANY],
      groupSelfIdentified: false,
    });
    const audit = (await admin.api.get(`${base}/audit`)).body as {
      action: string;
      before: unknown;
      after: unknown;
    }[];
    expect(audit.find((entry) => entry.action === 'member.groupChangeApproved')).toMatchObject({
      before: { group: CIVIL },
      after: { group: COMPANY },
    });
    expect(audit.find((entry) => entry.action === 'member.groupChangeDeclined')).toMatchObject({
      before: { group: CIVIL },
      after: { group: CIVIL, requested: COMPANY },
    });
  });
});
