import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';

describe.each(BACKENDS)('checklist on %s', (backend) => {
  let testApp: TestApp;
  let organiser: TestUser;
  let editor: TestUser;
  let reviewer: TestUser;
  let stranger: TestUser;
  let consultationId: string;
  let itemIds: string[];
  let base: string;

  const checklist = async (id = consultationId) =>
    (await organiser.api.get(`/api/consultations/${id}`)).body.checklist;

  const createCompass = async () => {
    const detail = (
      await organiser.api.post('/api/consultations', { title: 'Compass', templateId: 'ungps-compass' })
    ).body;
    return detail as { id: string; groups: { id: string }[]; checklist: { id: string }[] };
  };

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    organiser = await buildUser(testApp, { isOrganiser: true });
    [editor, reviewer, stranger] = (await Promise.all([
      buildUser(testApp),
      buildUser(testApp),
      buildUser(testApp),
    ])) as [TestUser, TestUser, TestUser];
  });
  afterAll(() => testApp.close());

  beforeEach(async () => {
    const detail = await createCompass();
    consultationId = detail.id;
    itemIds = detail.checklist.map((item) => item.id);
    await addMember(testApp, consultationId, editor, 'editor', detail.groups[0]!.id);
    await addMember(testApp, consultationId, reviewer, 'reviewer', detail.groups[0]!.id);
    base = `/api/consultations/${consultationId}/checklist`;
  });

  it('ticks an item with a note and records who and when', async () => {
    const response = await editor.api.patch(`${base}/${itemIds[0]}`, {
      isChecked: true,
      note: 'Covered in section 2',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: itemIds[0],
      label: 'A broad view on human rights',
      isChecked: true,
      note: 'Covered in section 2',
    });
    expect(Date.now() - Date.parse(response.body.updatedAt)).toBeLessThan(60_000);
    const [row] = await testApp.db.sql<{ updated_by: string }[]>`
      SELECT updated_by FROM checklist_items WHERE id = ${itemIds[0]!}`;
    expect(row!.updated_by).toBe(editor.id);
    const untick = await editor.api.patch(`${base}/${itemIds[0]}`, { isChecked: false });
    expect(untick.body).toMatchObject({ isChecked: false, note: 'Covered in section 2' });
  });

  it('refuses reviewers (403), non-members (404) and published consultations (409)', async () => {
    expect((await reviewer.api.patch(`${base}/${itemIds[0]}`, { isChecked: true })).status).toBe(403);
    const outsider = await stranger.api.patch(`${base}/${itemIds[0]}`, { isChecked: true });
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe('CONSULTATION_NOT_FOUND');
    await testApp.db.sql`UPDATE consultations SET phase = 'published' WHERE id = ${consultationId}`;
    const late = await organiser.api.patch(`${base}/${itemIds[0]}`, { isChecked: true });
    expect(late.status).toBe(409);
    expect((await checklist()).every((item: { isChecked: boolean }) => !item.isChecked)).toBe(true);
  });

  it('answers 404 for an item of another consultation and leaves it unchanged', async () => {
    const other = await createCompass();
    const response = await editor.api.patch(`${base}/${other.checklist[0]!.id}`, { isChecked: true });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
    expect((await checklist(other.id))[0].isChecked).toBe(false);
  });

  it.each([
    [{}],
    [{ isChecked: 'yes' }],
    [{ note: 'a\u0000b' }],
    [{ note: 'x'.repeat(3000) }],
    [{ label: 'New' }],
  ])('refuses %j with 400', async (body) => {
    const response = await editor.api.patch(`${base}/${itemIds[0]}`, body);
    expect(response.status).toBe(400);
    expect((await checklist())[0]).toMatchObject({ isChecked: false, note: '', updatedAt: null });
  });
});
