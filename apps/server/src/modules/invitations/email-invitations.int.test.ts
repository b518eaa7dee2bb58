import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitation as invitationSchema, MAX_BULK_INVITATIONS } from '@cw/shared';
import { ApiClient } from '../../test/http-client.js';
import { addMember, buildConsultation, buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { TestSmtpServer } from '../../test/smtp-server.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually } from '../../test/ws-clients.js';
import { hashToken } from '../auth/index.js';

const CIVIL = 'Civil society organisation';
const COMPANY = 'Company / business';
const SITE = 'https://consult.example.org';

const address = (name = 'invitee') => `${name}-${randomBytes(4).toString('hex')}@example.org`;

describe.each(BACKENDS)('invitations by email on %s', (backend) => {
  let testApp: TestApp;
  let smtp: TestSmtpServer;
  let anonymous: ApiClient;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    testApp = await startTestApp(backend, {
      PUBLIC_URL: SITE,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'consult@example.org',
      MAIL_POLL_MS: '50',
      MAIL_RETRY_MS: '100',
      MAIL_MAX_ATTEMPTS: '2',
      INVITATION_RATE_LIMIT: '10000',
    });
    anonymous = new ApiClient(testApp.url);
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.down();
  });

  async function setUp() {
    const admin = await buildUser(testApp);
    const consultation = await buildConsultation(testApp, admin, { title: 'State duty to protect' });
    const path = `/api/consultations/${consultation.id}/invitations`;
    return { admin, consultation, path };
  }

  /** The link in the latest invitation mail to `to`, once the mail server has it. */
  async function linkMailedTo(to: string, count = 1): Promise<string> {
    const mails = await eventually(() => {
      const received = smtp.to(to);
      expect(received).toHaveLength(count);
      return received;
    });
    const link = mails.at(-1)!.text!.match(/https:\/\/consult\.example\.org\/invite\/([A-Za-z0-9_-]+)/);
    expect(link).not.toBeNull();
    return link![1]!;
  }

  async function listed(api: ApiClient, path: string, id: string) {
    const list = await api.get(path);
    expect(list.status).toBe(200);
    return invitationSchema.parse(list.body.find((item: { id: string }) => item.id === id));
  }

  it('invites every valid row by mail and answers each refused row with its problem', async () => {
    const { admin, consultation, path } = await setUp();
    const member = await buildUser(testApp);
    await addMember(testApp, consultation.id, member, 'reviewer', consultation.groups[CIVIL]!);
    const [ana, ben, cy] = [address('ana'), address('ben'), address('cy')];
    const pending = address('pending');
    expect(
      (await admin.api.post(`${path}/bulk`, { rows: [{ email: pending, role: 'observer', group: null }] }))
        .body.invited,
    ).toBe(1);

    const response = await admin.api.post(`${path}/bulk`, {
      rows: [
        { email: `  ${ana.toUpperCase()} `, role: 'Reviewer', group: 'company / BUSINESS' },
        { email: 'not an address', role: 'reviewer', group: null },
        { email: ben, role: 'owner', group: null },
        { email: ben, role: 'editor', group: 'Nobody we know' },
        { email: ben, role: 'editor', group: 'open' },
        { email: ana, role: 'observer', group: null },
        { email: member.email, role: 'observer', group: null },
        { email: pending, role: 'observer', group: null },
        { email: cy, role: 'observer', group: '' },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body.invited).toBe(3);
    expect(response.body.refused).toBe(6);
    expect(
      response.body.rows.map((row: { row: number; problem: string | null }) => [row.row, row.problem]),
    ).toEqual([
      [0, null],
      [1, 'invalidEmail'],
      [2, 'invalidRole'],
      [3, 'unknownGroup'],
      [4, null],
      [5, 'duplicate'],
      [6, 'alreadyMember'],
      [7, 'alreadyInvited'],
      [8, null],
    ]);
    expect(response.body.rows[0].email).toBe(ana);

    const anaToken = await linkMailedTo(ana);
    const mail = smtp.to(ana)[0]!;
    expect(mail.subject).toContain('State duty to protect');
    expect(mail.text).toContain('as a reviewer');
    expect(mail.text).toContain(`“${COMPANY}”`);
    expect(mail.html).toContain(`/invite/${anaToken}`);
    await linkMailedTo(ben);
    expect(smtp.to(ben)[0]!.text).toContain('you pick the stakeholder group');
    await linkMailedTo(cy);
    expect(smtp.to(member.email)).toEqual([]);

    const anaId = response.body.rows[0].invitationId;
    const [stored] = await testApp.db.sql<{ token_hash: Buffer; group_id: string; role: string }[]>`
      SELECT token_hash, group_id, role FROM invitations WHERE id = ${anaId}`;
    expect(Buffer.compare(stored!.token_hash, hashToken(anaToken))).toBe(0);
    expect(stored).toMatchObject({ group_id: consultation.groups[COMPANY], role: 'reviewer' });
    const list = await admin.api.get(path);
    expect(JSON.stringify(list.body)).not.toContain(anaToken);
    const audit = await admin.api.get(
      `/api/consultations/${consultation.id}/audit?action=invitation.created`,
    );
    expect(audit.body.map((entry: { target: { label: string } }) => entry.target.label)).toEqual(
      expect.arrayContaining([ana, ben, cy]),
    );
  });

  it('invites an address once when two lists naming it are sent at the same time', async () => {
    const { admin, path } = await setUp();
    const email = address('twice');
    const answers = await Promise.all(
      [0, 1].map(() => admin.api.post(`${path}/bulk`, { rows: [{ email, role: 'observer', group: null }] })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(answers.map((answer) => answer.body.rows[0].problem).sort()).toEqual(['alreadyInvited', null]);
    expect(await testApp.db.sql`SELECT 1 FROM invitations WHERE email = ${email}`).toHaveLength(1);
  });

  it('refuses a list longer than the cap, or empty, with 400 and stores nothing', async () => {
    const { admin, consultation, path } = await setUp();
    const rows = Array.from({ length: MAX_BULK_INVITATIONS + 1 }, (_, index) => ({
      email: `many-${index}@example.org`,
      role: 'observer',
      group: null,
    }));
    const tooMany = await admin.api.post(`${path}/bulk`, { rows });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('VALIDATION_FAILED');
    expect(tooMany.body.issues[0].path).toBe('body.rows');
    expect(tooMany.body.issues[0].message).toContain(`at most ${MAX_BULK_INVITATIONS} rows`);
    for (const body of [
      { rows: [] },
      { rows: [{ email: 'a@example.org', role: 'observer' }] },
      { rows: [{ email: 'x'.repeat(5000), role: 'observer', group: null }] },
      { rows: 'a@example.org' },
    ]) {
      const response = await admin.api.post(`${path}/bulk`, body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
    expect(
      await testApp.db.sql`SELECT 1 FROM invitations WHERE consultation_id = ${consultation.id}`,
    ).toEqual([]);
  });

  it('shows each invitation sent, opened and joined, with times', async () => {
    const { admin, consultation, path } = await setUp();
    const email = address();
    const { body } = await admin.api.post(`${path}/bulk`, {
      rows: [{ email, role: 'reviewer', group: CIVIL }],
    });
    const id = body.rows[0].invitationId;
    const token = await linkMailedTo(email);
    const sent = await eventually(async () => {
      const current = await listed(admin.api, path, id);
      expect(current.mailStatus).toBe('sent');
      return current;
    });
    expect(sent).toMatchObject({ emailed: true, email, status: 'pending', openedAt: null, resendsLeft: 3 });
    expect(sent.mailedAt).toEqual(expect.any(String));

    const preview = await anonymous.get(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ email, groupName: CIVIL, groups: [], status: 'pending' });
    const opened = await listed(admin.api, path, id);
    expect(opened.openedAt).toEqual(expect.any(String));

    const signup = await anonymous.post(`/api/invitations/${token}/signup`, {
      name: 'Nadia',
      email,
      password: TEST_PASSWORD,
    });
    expect(signup.status).toBe(202);
    const joined = await listed(admin.api, path, id);
    expect(joined.status).toBe('used');
    expect(joined.usedAt).toEqual(expect.any(String));
    const members = (await admin.api.get(`/api/consultations/${consultation.id}/members`)).body;
    expect(members.find((m: { email: string }) => m.email === email)).toMatchObject({
      role: 'reviewer',
      groupId: consultation.groups[CIVIL],
      groupSelfIdentified: false,
    });
    const again = await anonymous.post(`/api/invitations/${token}/signup`, {
      name: 'Nadia',
      email,
      password: TEST_PASSWORD,
    });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('INVITATION_USED');
  });

  it('shows a mail the mail server refused for good as failed, with its reason', async () => {
    const { admin, path } = await setUp();
    const email = address('bounce');
    smtp.mode = 'reject';
    try {
      const { body } = await admin.api.post(`${path}/bulk`, {
        rows: [{ email, role: 'observer', group: null }],
      });
      const failed = await eventually(async () => {
        const current = await listed(admin.api, path, body.rows[0].invitationId);
        expect(current.mailStatus).toBe('failed');
        return current;
      });
      expect(failed.mailError).toContain('No such mailbox');
      expect(failed.mailedAt).toBeNull();
    } finally {
      smtp.mode = 'accept';
    }
  });

  it('resends with a new link that replaces the old one, a limited number of times', async () => {
    const { admin, consultation, path } = await setUp();
    const email = address();
    const { body } = await admin.api.post(`${path}/bulk`, {
      rows: [{ email, role: 'observer', group: null }],
    });
    const id = body.rows[0].invitationId;
    const first = await linkMailedTo(email);
    await testApp.db.sql`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = ${id}`;
    expect((await listed(admin.api, path, id)).status).toBe('expired');

    const resent = await admin.api.post(`${path}/${id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id, status: 'pending', resendsLeft: 2 });
    const second = await linkMailedTo(email, 2);
    expect(second).not.toBe(first);
    expect((await anonymous.get(`/api/invitations/${first}`)).status).toBe(404);
    expect((await anonymous.get(`/api/invitations/${second}`)).body.status).toBe('pending');

    for (const left of [1, 0]) {
      expect((await admin.api.post(`${path}/${id}/resend`)).body.resendsLeft).toBe(left);
    }
    const limited = await admin.api.post(`${path}/${id}/resend`);
    expect(limited.status).toBe(409);
    expect(limited.body.code).toBe('RESEND_LIMIT');
    await linkMailedTo(email, 4);
    const audit = await admin.api.get(`/api/consultations/${consultation.id}/audit?action=invitation.resent`);
    expect(audit.body).toHaveLength(3);

    const link = (await admin.api.post(path, { role: 'observer', groupId: consultation.groups[CIVIL] })).body;
    const notMailed = await admin.api.post(`${path}/${link.id}/resend`);
    expect(notMailed.status).toBe(409);
    expect(notMailed.body.code).toBe('CONFLICT');
  });

  it('answers a revoked link with a clear refusal and does not resend it', async () => {
    const { admin, path } = await setUp();
    const email = address();
    const { body } = await admin.api.post(`${path}/bulk`, {
      rows: [{ email, role: 'observer', group: null }],
    });
    const id = body.rows[0].invitationId;
    const token = await linkMailedTo(email);
    expect((await admin.api.delete(`${path}/${id}`)).status).toBe(204);
    expect((await anonymous.get(`/api/invitations/${token}`)).body.status).toBe('revoked');
    const signup = await anonymous.post(`/api/invitations/${token}/signup`, {
      name: 'Late',
      email,
      password: TEST_PASSWORD,
    });
    expect(signup.status).toBe(410);
    expect(signup.body.code).toBe('INVITATION_REVOKED');
    expect(signup.body.message).toContain('withdrawn');
    const resend = await admin.api.post(`${path}/${id}/resend`);
    expect(resend.status).toBe(409);
    expect(smtp.to(email)).toHaveLength(1);
    // The address may be invited anew once the old invitation is revoked.
    const anew = await admin.api.post(`${path}/bulk`, { rows: [{ email, role: 'observer', group: null }] });
    expect(anew.body.invited).toBe(1);
  });

  it('binds an emailed link to its address: another account or address is refused', async () => {
    const { admin, consultation, path } = await setUp();
    const email = address('bound');
    const { body } = await admin.api.post(`${path}/bulk`, {
      rows: [{ email, role: 'reviewer', group: CIVIL }],
    });
    const id = body.rows[0].invitationId;
    const token = await linkMailedTo(email);

    const stranger = await buildUser(testApp);
    const accept = await stranger.api.post(`/api/invitations/${token}/accept`);
    expect(accept.status).toBe(403);
    expect(accept.body.code).toBe('INVITATION_OTHER_EMAIL');
    const otherSignup = await anonymous.post(`/api/invitations/${token}/signup`, {
      name: 'Forwarded',
      email: address('forwarded'),
      password: TEST_PASSWORD,
    });
    expect(otherSignup.status).toBe(403);
    expect(otherSignup.body.code).toBe('INVITATION_OTHER_EMAIL');
    expect((await listed(admin.api, path, id)).status).toBe('pending');

    const owner = await buildUser(testApp, { email });
    const joined = await owner.api.post(`/api/invitations/${token}/accept`);
    expect(joined.status).toBe(200);
    expect(joined.body).toEqual({ consultationId: consultation.id });
  });

  it('keeps listing, inviting, resending and revoking to the consultation’s own admins', async () => {
    const { admin, consultation, path } = await setUp();
    const { body } = await admin.api.post(`${path}/bulk`, {
      rows: [{ email: address(), role: 'observer', group: null }],
    });
    const id = body.rows[0].invitationId;
    const bulkBody = { rows: [{ email: address('attacker'), role: 'admin', group: null }] };

    for (const role of ['observer', 'reviewer', 'editor'] as const) {
      const member = await buildUser(testApp);
      await addMember(testApp, consultation.id, member, role, consultation.groups[CIVIL]!);
      for (const response of [
        await member.api.get(path),
        await member.api.post(`${path}/bulk`, bulkBody),
        await member.api.post(`${path}/${id}/resend`),
        await member.api.delete(`${path}/${id}`),
      ]) {
        expect(response.status, role).toBe(403);
        expect(response.body.code).toBe('FORBIDDEN');
      }
    }

    const other = await setUp();
    for (const response of [
      await other.admin.api.get(path),
      await other.admin.api.post(`${path}/bulk`, bulkBody),
      await other.admin.api.post(`${path}/${id}/resend`),
      await other.admin.api.delete(`${path}/${id}`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('CONSULTATION_NOT_FOUND');
    }
    // The other admin's own consultation does not reach this invitation by its id.
    for (const response of [
      await other.admin.api.post(`${other.path}/${id}/resend`),
      await other.admin.api.delete(`${other.path}/${id}`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    const forged = await admin.api.post(`${path}/${'00000000-0000-4000-8000-000000000000'}/resend`);
    expect(forged.status).toBe(404);
    expect(await listed(admin.api, path, id)).toMatchObject({ status: 'pending', resendsLeft: 3 });
    expect(await testApp.db.sql`SELECT 1 FROM invitations WHERE email = ${bulkBody.rows[0]!.email}`).toEqual(
      [],
    );
  });
});
