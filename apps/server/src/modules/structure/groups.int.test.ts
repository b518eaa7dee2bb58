import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  buildConsultation,
  buildUser,
  type TestConsultation,
  type TestUser,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';

describe.each(BACKENDS)('stakeholder groups on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;
  let editor: TestUser;
  let stranger: TestUser;
  let consultation: TestConsultation;
  let path: string;

  const groupNames = async () =>
    (await admin.api.get(`/api/consultations/${consultation.id}`)).body.groups.map(
      (group: { name: string }) => group.name,
    );

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    admin = await buildUser(testApp);
    editor = await buildUser(testApp);
    stranger = await buildUser(testApp);
  });
  afterAll(() => testApp.close());

  beforeEach(async () => {
    consultation = await buildConsultation(testApp, admin, { phase: 'open' });
    await addMember(testApp, consultation.id, editor, 'editor', consultation.groups['Other']!);
    path = `/api/consultations/${consultation.id}/groups`;
  });

  it('adds a group at the end', async () => {
    const response = await admin.api.post(path, {
      name: 'Trade union',
      description: '  Workers and their federations ',
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      name: 'Trade union',
      position: 6,
      description: 'Workers and their federations',
    });
    expect((await groupNames()).at(-1)).toBe('Trade union');
  });

  it('refuses a duplicate name with 409 CONFLICT, on create and on rename', async () => {
    const duplicate = await admin.api.post(path, { name: 'Other' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('CONFLICT');
    const rename = await admin.api.patch(`${path}/${consultation.groups['Other']}`, {
      name: 'Academia / research',
    });
    expect(rename.status).toBe(409);
    expect((await groupNames()).filter((name: string) => name === 'Academia / research')).toHaveLength(1);
  });

  it('renames and moves a group; the others shift', async () => {
    const id = consultation.groups['Other']!;
    const response = await admin.api.patch(`${path}/${id}`, {
      name: 'Independent experts',
      position: 0,
      description: 'Speaking for themselves',
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id,
      name: 'Independent experts',
      position: 0,
      description: 'Speaking for themselves',
    });
    expect(await groupNames()).toEqual([
      'Independent experts',
      'State / public authority',
      'Civil society organisation',
      'Company / business',
      'Academia / research',
      'International organisation',
    ]);
    const toEnd = await admin.api.patch(`${path}/${id}`, { position: 999 });
    expect(toEnd.body.position).toBe(5);
  });

  it('deletes an unused group and closes the gap', async () => {
    const response = await admin.api.delete(`${path}/${consultation.groups['Company / business']}`);
    expect(response.status).toBe(204);
    const groups = (await admin.api.get(`/api/consultations/${consultation.id}`)).body.groups;
    expect(groups.map((group: { position: number }) => group.position)).toEqual([0, 1, 2, 3, 4]);
    expect(groups.map((group: { name: string }) => group.name)).not.toContain('Company / business');
  });

  it('refuses to delete a group that members or pending invitations use (409 GROUP_IN_USE)', async () => {
    const withMember = await admin.api.delete(`${path}/${consultation.groups['Other']}`);
    expect(withMember.status).toBe(409);
    expect(withMember.body.code).toBe('GROUP_IN_USE');
    const invitedGroup = consultation.groups['Academia / research']!;
    await testApp.db.sql`
      INSERT INTO invitations (consultation_id, token_hash, role, group_id, expires_at)
      VALUES (${consultation.id}, ${randomBytes(32)}, 'reviewer', ${invitedGroup}, now() + interval '1 day')`;
    const withInvitation = await admin.api.delete(`${path}/${invitedGroup}`);
    expect(withInvitation.status).toBe(409);
    expect(withInvitation.body.code).toBe('GROUP_IN_USE');
    expect(await groupNames()).toHaveLength(6);
  });

  it('answers 404 for a group of another consultation and changes nothing there', async () => {
    const other = await buildConsultation(testApp, admin);
    const foreignId = other.groups['Company / business']!;
    expect((await admin.api.patch(`${path}/${foreignId}`, { name: 'Stolen' })).status).toBe(404);
    expect((await admin.api.delete(`${path}/${foreignId}`)).status).toBe(404);
    const otherGroups = (await admin.api.get(`/api/consultations/${other.id}`)).body.groups;
    expect(otherGroups.map((group: { name: string }) => group.name)).toContain('Company / business');
  });

  it('keeps groups to admins: editors 403, non-members 404, published 409', async () => {
    const id = consultation.groups['Company / business']!;
    expect((await editor.api.post(path, { name: 'Mine' })).status).toBe(403);
    expect((await editor.api.patch(`${path}/${id}`, { name: 'Mine' })).status).toBe(403);
    expect((await editor.api.delete(`${path}/${id}`)).status).toBe(403);
    for (const response of [
      await stranger.api.post(path, { name: 'Mine' }),
      await stranger.api.patch(`${path}/${id}`, { name: 'Mine' }),
      await stranger.api.delete(`${path}/${id}`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('CONSULTATION_NOT_FOUND');
    }
    await testApp.db.sql`UPDATE consultations SET phase = 'published' WHERE id = ${consultation.id}`;
    const published = await admin.api.post(path, { name: 'Late' });
    expect(published.status).toBe(409);
    expect(published.body.code).toBe('PHASE_FORBIDS');
    expect(await groupNames()).toHaveLength(6);
  });

  it.each([
    [{ name: '' }],
    [{ name: 'a\u0000b' }],
    [{ name: 'x'.repeat(5000) }],
    [{ name: 7 }],
    [{ name: 'Fine', colour: 'red' }],
    [{}],
  ])('refuses the invalid body %j with 400', async (body) => {
    const response = await admin.api.post(path, body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(await groupNames()).toHaveLength(6);
  });

  it('refuses invalid updates with 400', async () => {
    const id = consultation.groups['Other']!;
    for (const body of [{}, { position: -1 }, { position: 1.5 }, { name: 'Line\nbreak' }]) {
      expect((await admin.api.patch(`${path}/${id}`, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await admin.api.patch(`${path}/not-a-uuid`, { name: 'X' })).status).toBe(400);
    expect((await groupNames()).at(-1)).toBe('Other');
  });
});
