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

interface SectionView {
  id: string;
  number: string;
  title: string;
  position: number;
}

describe.each(BACKENDS)('sections on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;
  let editor: TestUser;
  let reviewer: TestUser;
  let observer: TestUser;
  let stranger: TestUser;
  let consultation: TestConsultation;
  let path: string;

  const sections = async (): Promise<SectionView[]> =>
    (await admin.api.get(`/api/consultations/${consultation.id}`)).body.sections;

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    [admin, editor, reviewer, observer, stranger] = (await Promise.all(
      Array.from({ length: 5 }, () => buildUser(testApp)),
    )) as [TestUser, TestUser, TestUser, TestUser, TestUser];
  });
  afterAll(() => testApp.close());

  beforeEach(async () => {
    consultation = await buildConsultation(testApp, admin, { phase: 'draft' });
    const other = consultation.groups['Other']!;
    await addMember(testApp, consultation.id, editor, 'editor', other);
    await addMember(testApp, consultation.id, reviewer, 'reviewer', other);
    await addMember(testApp, consultation.id, observer, 'observer', other);
    path = `/api/consultations/${consultation.id}/sections`;
  });

  it('numbers new sections after the highest whole number and appends them', async () => {
    const first = await editor.api.post(path, { title: 'Scope' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), number: '1', title: 'Scope', position: 0 });
    await editor.api.post(path, { title: 'Annex', number: '2.1' });
    const third = await editor.api.post(path, { title: 'Remedy' });
    expect(third.body).toMatchObject({ number: '2', position: 2 });
  });

  it('inserts after a given section and keeps every id', async () => {
    const a = (await editor.api.post(path, { title: 'A' })).body;
    const c = (await editor.api.post(path, { title: 'C' })).body;
    const b = await editor.api.post(path, { title: 'B', number: '1.1', afterSectionId: a.id });
    expect(b.body.position).toBe(1);
    expect((await sections()).map((section) => [section.id, section.title, section.position])).toEqual([
      [a.id, 'A', 0],
      [b.body.id, 'B', 1],
      [c.id, 'C', 2],
    ]);
  });

  it('renames and renumbers without changing the id', async () => {
    const created = (await editor.api.post(path, { title: 'Draft title' })).body;
    const response = await editor.api.patch(`${path}/${created.id}`, { title: 'Final title', number: '3' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: created.id, number: '3', title: 'Final title', position: 0 });
  });

  it('reorders with the complete id list only', async () => {
    const ids = [];
    for (const title of ['A', 'B', 'C']) ids.push((await editor.api.post(path, { title })).body.id);
    const response = await editor.api.put(`${path}/order`, { order: [ids[2], ids[0], ids[1]] });
    expect(response.status).toBe(200);
    expect(response.body.map((section: SectionView) => section.title)).toEqual(['C', 'A', 'B']);
    const other = await buildConsultation(testApp, admin, { phase: 'draft' });
    const foreign = (await admin.api.post(`/api/consultations/${other.id}/sections`, { title: 'X' })).body.id;
    for (const order of [
      [ids[0], ids[1]],
      [ids[0], ids[1], ids[1]],
      [ids[0], ids[1], ids[2], ids[2]],
      [ids[0], ids[1], foreign],
    ]) {
      const refused = await editor.api.put(`${path}/order`, { order });
      expect(refused.status).toBe(400);
      expect(refused.body.issues[0].path).toBe('body.order');
    }
    expect((await sections()).map((section) => section.title)).toEqual(['C', 'A', 'B']);
  });

  it('deletes a section with its links and closes the gap', async () => {
    const a = (await editor.api.post(path, { title: 'A' })).body;
    const b = (await editor.api.post(path, { title: 'B' })).body;
    const question = await editor.api.post(`/api/consultations/${consultation.id}/questions`, {
      text: 'Anything to add?',
      sectionIds: [a.id, b.id],
    });
    expect((await editor.api.delete(`${path}/${a.id}`)).status).toBe(204);
    expect(await sections()).toEqual([{ ...b, position: 0 }]);
    const detail = (await admin.api.get(`/api/consultations/${consultation.id}`)).body;
    expect(detail.questions[0]).toMatchObject({ id: question.body.id, sectionIds: [b.id] });
  });

  it('answers 404 for sections of another consultation and leaves them alone', async () => {
    const other = await buildConsultation(testApp, admin, { phase: 'draft' });
    const foreign = (await admin.api.post(`/api/consultations/${other.id}/sections`, { title: 'Theirs' }))
      .body;
    expect((await editor.api.patch(`${path}/${foreign.id}`, { title: 'Mine' })).status).toBe(404);
    expect((await editor.api.delete(`${path}/${foreign.id}`)).status).toBe(404);
    const inserted = await editor.api.post(path, { title: 'X', afterSectionId: foreign.id });
    expect(inserted.status).toBe(400);
    expect(inserted.body.issues[0].path).toBe('body.afterSectionId');
    expect((await admin.api.get(`/api/consultations/${other.id}`)).body.sections).toEqual([foreign]);
    expect(await sections()).toEqual([]);
  });

  it('keeps structure to editors and admins in preparing phases', async () => {
    const created = (await editor.api.post(path, { title: 'A' })).body;
    for (const user of [reviewer, observer]) {
      expect((await user.api.post(path, { title: 'Mine' })).status).toBe(403);
      expect((await user.api.patch(`${path}/${created.id}`, { title: 'Mine' })).status).toBe(403);
      expect((await user.api.put(`${path}/order`, { order: [created.id] })).status).toBe(403);
      expect((await user.api.delete(`${path}/${created.id}`)).status).toBe(403);
    }
    expect((await stranger.api.post(path, { title: 'Mine' })).status).toBe(404);
    expect((await stranger.api.delete(`${path}/${created.id}`)).status).toBe(404);
    await testApp.db.sql`UPDATE consultations SET phase = 'published' WHERE id = ${consultation.id}`;
    const late = await admin.api.patch(`${path}/${created.id}`, { title: 'Late' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PHASE_FORBIDS');
    expect(await sections()).toEqual([created]);
  });

  it.each([
    [{ title: '' }],
    [{ title: 'x'.repeat(10_000) }],
    [{ title: 'a\u0000' }],
    [{ title: 'T', number: 'one two' }],
    [{ title: 'T', number: 3 }],
    [{ title: 'T', afterSectionId: 'nope' }],
    [{ title: 'T', body: 'not here' }],
  ])('refuses the invalid body %j with 400', async (body) => {
    const response = await editor.api.post(path, body);
    expect(response.status).toBe(400);
    expect(await sections()).toEqual([]);
  });
});
