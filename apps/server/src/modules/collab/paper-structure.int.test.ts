import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually, roundTrip, sectionText, stockClient, typeParagraph } from '../../test/ws-clients.js';

interface Detail {
  id: string;
  sections: Array<{ id: string; number: string; title: string }>;
  groups: Array<{ id: string; name: string }>;
}

describe.each(BACKENDS)('paper and consultation structure on %s', (backend) => {
  let testApp: TestApp;
  let organiser: TestUser;
  let reviewer: TestUser;
  let consultation: Detail;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COLLAB_RECHECK_MS: '200', COLLAB_UNLOAD_DELAY_MS: '0' });
    organiser = await buildUser(testApp, { isOrganiser: true });
    reviewer = await buildUser(testApp);
    const created = await organiser.api.post('/api/consultations', {
      title: 'Foundational paper',
      templateId: 'foundational-paper',
      agendaDate: '2026-12-01',
      textChanges: 'edit',
    });
    expect(created.status).toBe(201);
    consultation = created.body;
    await organiser.api.post(`/api/consultations/${consultation.id}/phase`, { phase: 'open' });
    const group = consultation.groups.find((g) => g.name === 'Civil society organisation')!;
    await addMember(testApp, consultation.id, reviewer, 'reviewer', group.id);
  });
  afterAll(() => testApp.close());

  it('starts a template consultation’s paper from the template text, once', async () => {
    const a = stockClient(testApp.url, consultation.id, organiser.token);
    const b = stockClient(testApp.url, consultation.id, reviewer.token);
    await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true));
    const firstSection = consultation.sections[0]!.id;
    expect(sectionText(a.doc, firstSection)).toMatch(/States should enforce laws/);
    for (const section of consultation.sections) {
      expect(sectionText(b.doc, section.id)).toBe(sectionText(a.doc, section.id));
      expect(sectionText(a.doc, section.id).length).toBeGreaterThan(20);
    }
    const [row] = await testApp.db.sql<{ count: number }[]>`
      SELECT count(*) AS count FROM paper_updates WHERE consultation_id = ${consultation.id} AND user_id IS NULL`;
    expect(row?.count).toBe(1);
    a.destroy();
    b.destroy();
  });

  it('keeps every section’s text through renaming, reordering and adding sections', async () => {
    const writer = stockClient(testApp.url, consultation.id, reviewer.token);
    await eventually(() => expect(writer.provider.synced).toBe(true));
    for (const section of consultation.sections)
      typeParagraph(writer.doc, section.id, `note for ${section.id}`);
    const expected = new Map(consultation.sections.map((s) => [s.id, sectionText(writer.doc, s.id)]));
    await eventually(async () => {
      const rows = await testApp.db
        .sql`SELECT 1 FROM paper_updates WHERE consultation_id = ${consultation.id} AND user_id = ${reviewer.id}`;
      expect(rows.length).toBeGreaterThan(0);
    });
    writer.destroy();

    const base = `/api/consultations/${consultation.id}/sections`;
    const [first, second] = consultation.sections;
    expect(
      (await organiser.api.patch(`${base}/${first!.id}`, { title: 'Renamed headline', number: '9' })).status,
    ).toBe(200);
    const order = consultation.sections.map((s) => s.id).reverse();
    expect((await organiser.api.put(`${base}/order`, { order })).status).toBe(200);
    expect(
      (await organiser.api.post(base, { title: 'A new headline', afterSectionId: second!.id })).status,
    ).toBe(201);

    const reader = stockClient(testApp.url, consultation.id, organiser.token);
    await eventually(() => expect(reader.provider.synced).toBe(true));
    for (const [id, text] of expected) expect(sectionText(reader.doc, id)).toBe(text);
    reader.destroy();
  });

  it('drops a reviewer’s offline edits when the round closed while they were away', async () => {
    const section = consultation.sections[1]!.id;
    const client = stockClient(testApp.url, consultation.id, reviewer.token);
    await eventually(() => expect(client.provider.synced).toBe(true));
    client.provider.disconnect();
    typeParagraph(client.doc, section, 'written offline after closing');
    expect(
      (await organiser.api.post(`/api/consultations/${consultation.id}/phase`, { phase: 'closed' })).status,
    ).toBe(200);
    client.provider.connect();
    await eventually(() => expect(client.provider.synced).toBe(true));
    // Its answer to the server's step 1 (carrying the offline edit) came before this one.
    await roundTrip(client.provider);
    const rows = await testApp.db.sql<{ data: Buffer }[]>`
      SELECT data FROM paper_updates WHERE consultation_id = ${consultation.id} AND user_id = ${reviewer.id}`;
    expect(rows.some((row) => row.data.toString('latin1').includes('written offline'))).toBe(false);
    const observer = stockClient(testApp.url, consultation.id, organiser.token);
    await eventually(() => expect(observer.provider.synced).toBe(true));
    expect(sectionText(observer.doc, section)).not.toContain('written offline');
    observer.destroy();
    client.destroy();
    await organiser.api.post(`/api/consultations/${consultation.id}/phase`, { phase: 'open' });
  });
});
