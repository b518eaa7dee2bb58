import type { VersionDetail, VersionRestore, VersionSummary } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMember, buildConsultation, buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually, sectionText, stockClient } from '../../test/ws-clients.js';
import { PaperRegistry } from '../collab/index.js';

const SCOPE_TEXT = 'States should adopt a smart mix.';
const STEPS_TEXT = 'Scoping, then design.';

async function addSection(testApp: TestApp, consultationId: string, position: number, body: string) {
  const [row] = await testApp.db.sql<{ id: string }[]>`
    INSERT INTO sections (consultation_id, number, title, position, initial_body)
    VALUES (${consultationId}, ${String(position + 1)}, ${`Section ${position + 1}`}, ${position}, ${body})
    RETURNING id`;
  return row!.id;
}

/** Replaces `word` in the first paragraph of a section, as a typist would. */
function replaceWord(doc: Y.Doc, sectionId: string, word: string, replacement: string): void {
  const text = (doc.getXmlFragment(`section:${sectionId}`).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const index = text.toString().indexOf(word);
  doc.transact(() => {
    text.delete(index, word.length);
    text.insert(index, replacement);
  });
}

const blocksText = (detail: VersionDetail, sectionId: string) =>
  JSON.stringify(detail.sections.find((section) => section.sectionId === sectionId)?.blocks);

describe.each(BACKENDS)('restoring a version on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;
  let editor: TestUser;
  let reviewer: TestUser;
  let observer: TestUser;
  let outsider: TestUser;
  let consultationId: string;
  let scope: string;
  let steps: string;
  let versionsPath: string;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COLLAB_UNLOAD_DELAY_MS: '50' });
    admin = await buildUser(testApp, { isOrganiser: true });
    [editor, reviewer, observer, outsider] = (await Promise.all(
      [1, 2, 3, 4].map(() => buildUser(testApp)),
    )) as [TestUser, TestUser, TestUser, TestUser];
    const consultation = await buildConsultation(testApp, admin, { phase: 'open' });
    consultationId = consultation.id;
    const { groups } = consultation;
    await addMember(testApp, consultationId, editor, 'editor', groups['International organisation']!);
    await addMember(testApp, consultationId, reviewer, 'reviewer', groups['Civil society organisation']!);
    await addMember(testApp, consultationId, observer, 'observer', groups['Academia / research']!);
    scope = await addSection(testApp, consultationId, 0, SCOPE_TEXT);
    steps = await addSection(testApp, consultationId, 1, STEPS_TEXT);
    versionsPath = `/api/consultations/${consultationId}/versions`;
  });
  afterAll(() => testApp.close());

  it('puts the text back as a change both connected clients receive, after saving the paper as it was', async () => {
    const editing = stockClient(testApp.url, consultationId, editor.token);
    const reviewing = stockClient(testApp.url, consultationId, reviewer.token);
    await eventually(() => expect(editing.provider.synced && reviewing.provider.synced).toBe(true));
    await eventually(() => expect(sectionText(reviewing.doc, scope)).toBe(SCOPE_TEXT));
    const taken = await editor.api.post<VersionSummary>(versionsPath, { name: 'Draft for consultation' });
    expect(taken.status).toBe(201);

    replaceWord(reviewing.doc, scope, 'smart', 'clever');
    await eventually(() => expect(sectionText(editing.doc, scope)).toContain('clever'));
    // A section added after the version: the restore leaves it alone.
    await addSection(testApp, consultationId, 2, 'Added later.');

    const restore = `${versionsPath}/${taken.body.id}/restore`;
    for (const member of [reviewer, observer]) {
      const refused = await member.api.post(restore, {});
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
    expect((await outsider.api.post(restore, {})).status).toBe(404);
    expect(sectionText(reviewing.doc, scope)).toContain('clever');

    const restored = await editor.api.post<VersionRestore>(restore, {});
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({
      sectionsRestored: 1,
      sectionsUnchanged: 1,
      sectionsNotInVersion: 1,
      sectionsNoLongerInPaper: 0,
    });
    expect(restored.body.savedAs.name).toMatch(/^Before restoring "Draft for consultation" \(\d{4}-/);

    // Both clients converge on the version's text without reconnecting; the unchanged section stays.
    for (const client of [editing, reviewing]) {
      await eventually(() => expect(sectionText(client.doc, scope)).toBe(SCOPE_TEXT));
      expect(sectionText(client.doc, steps)).toBe(STEPS_TEXT);
    }
    // The paper as it was before the restore is a version of its own.
    const saved = await editor.api.get<VersionDetail>(`${versionsPath}/${restored.body.savedAs.id}`);
    expect(blocksText(saved.body, scope)).toContain('clever');

    // Stored: once nobody has it open, the paper read back from storage is the restored one.
    editing.destroy();
    reviewing.destroy();
    const registry = testApp.app.get(PaperRegistry);
    await eventually(() => expect(registry.isLoaded(consultationId)).toBe(false));
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await registry.currentState(consultationId));
    expect(sectionText(stored, scope)).toBe(SCOPE_TEXT);
    stored.destroy();

    const [audited] = await testApp.db.sql<{ target_id: string }[]>`
      SELECT target_id FROM audit_log WHERE consultation_id = ${consultationId} AND action = 'version.restored'`;
    expect(audited?.target_id).toBe(taken.body.id);
  });

  it('answers 404 for an unknown version and refuses restoring once the consultation is published', async () => {
    const unknown = await editor.api.post(`${versionsPath}/00000000-0000-4000-8000-000000000000/restore`, {});
    expect(unknown.status).toBe(404);
    const published = await buildConsultation(testApp, admin, { phase: 'published' });
    const [version] = (await admin.api.get<VersionSummary[]>(versionsPath)).body;
    const refused = await admin.api.post(
      `/api/consultations/${published.id}/versions/${version!.id}/restore`,
      {},
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PHASE_FORBIDS');
  });
});
