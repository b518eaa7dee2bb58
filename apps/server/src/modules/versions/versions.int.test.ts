import { randomUUID } from 'node:crypto';
import type { VersionComparison, VersionDetail, VersionSummary } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addMember,
  buildConsultation,
  buildUser,
  type TestConsultation,
  type TestUser,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually, sectionText, stockClient } from '../../test/ws-clients.js';
import { PaperRegistry } from '../collab/index.js';

const SCOPE_TEXT = 'States should adopt a smart mix.';

/** Adds a section with starting text directly in the database; returns its id. */
async function addSection(
  testApp: TestApp,
  consultationId: string,
  position: number,
  title: string,
  body: string,
): Promise<string> {
  const [row] = await testApp.db.sql<{ id: string }[]>`
    INSERT INTO sections (consultation_id, number, title, position, initial_body)
    VALUES (${consultationId}, ${String(position + 1)}, ${title}, ${position}, ${body}) RETURNING id`;
  return row!.id;
}

/** The paper text the server holds for one section right now (memory or storage). */
async function serverText(testApp: TestApp, consultationId: string, sectionId: string): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await testApp.app.get(PaperRegistry).currentState(consultationId));
  const text = sectionText(doc, sectionId);
  doc.destroy();
  return text;
}

/** Replaces `word` in the first paragraph of a section of `doc`, as a typist would. */
function replaceWord(doc: Y.Doc, sectionId: string, word: string, replacement: string): void {
  const paragraph = doc.getXmlFragment(`section:${sectionId}`).get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  const index = text.toString().indexOf(word);
  doc.transact(() => {
    text.delete(index, word.length);
    text.insert(index, replacement);
  });
}

describe.each(BACKENDS)('paper versions on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;
  let editor: TestUser;
  let reviewer: TestUser;
  let observer: TestUser;
  let outsider: TestUser;
  let consultation: TestConsultation;
  let scope: string;
  let steps: string;
  let versionsPath: string;

  beforeAll(async () => {
    // Edits wait up to a second before being stored, so a version can catch some still pending.
    testApp = await startTestApp(backend, { COLLAB_UNLOAD_DELAY_MS: '50', COLLAB_FLUSH_MS: '1000' });
    admin = await buildUser(testApp, { isOrganiser: true, name: 'Ada Admin' });
    editor = await buildUser(testApp, { name: 'Edith Editor' });
    reviewer = await buildUser(testApp, { name: 'Rita Reviewer' });
    observer = await buildUser(testApp, { name: 'Otto Observer' });
    outsider = await buildUser(testApp);
    consultation = await buildConsultation(testApp, admin, { phase: 'open', attributionMode: 'chatham' });
    const { groups } = consultation;
    await addMember(testApp, consultation.id, editor, 'editor', groups['International organisation']!);
    await addMember(testApp, consultation.id, reviewer, 'reviewer', groups['Civil society organisation']!);
    await addMember(testApp, consultation.id, observer, 'observer', groups['Academia / research']!);
    scope = await addSection(testApp, consultation.id, 0, 'Scope', SCOPE_TEXT);
    steps = await addSection(testApp, consultation.id, 1, 'Steps', '- Scoping\n- Design');
    versionsPath = `/api/consultations/${consultation.id}/versions`;
  });
  afterAll(() => testApp.close());

  it('lets editors and admins take versions; reviewers and observers get 403, outsiders 404', async () => {
    const created = await editor.api.post<VersionSummary>(versionsPath, { name: 'Draft for consultation' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Draft for consultation',
      createdAt: expect.any(String),
      createdBy: 'Edith Editor',
      isCreatedByYou: true,
    });
    expect((await admin.api.post(versionsPath, { name: 'Admin copy' })).status).toBe(201);
    for (const member of [reviewer, observer]) {
      const refused = await member.api.post(versionsPath, { name: 'Mine' });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
    const stranger = await outsider.api.post(versionsPath, { name: 'Theirs' });
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('CONSULTATION_NOT_FOUND');
    for (const path of [versionsPath, `${versionsPath}/${created.body.id}`]) {
      expect((await outsider.api.get(path)).status).toBe(404);
    }
    const names = (await admin.api.get<VersionSummary[]>(versionsPath)).body.map((v) => v.name);
    expect(names).toEqual(['Admin copy', 'Draft for consultation']);
  });

  it('refuses bad and duplicate names with one issue per field, storing nothing', async () => {
    const before = (await editor.api.get<VersionSummary[]>(versionsPath)).body.length;
    const cases: Array<[unknown, string]> = [
      [{}, 'body.name'],
      [{ name: '   ' }, 'body.name'],
      [{ name: 'x'.repeat(121) }, 'body.name'],
      [{ name: 'Line\nbreak' }, 'body.name'],
      [{ name: 'Fine', extra: true }, 'body'],
    ];
    for (const [body, path] of cases) {
      const response = await editor.api.post(versionsPath, body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.issues).toHaveLength(1);
      expect(response.body.issues[0].path).toBe(path);
    }
    const duplicate = await editor.api.post(versionsPath, { name: '  Draft for consultation ' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('CONFLICT');
    expect((await editor.api.get<VersionSummary[]>(versionsPath)).body).toHaveLength(before);
  });

  it('refuses new versions once the consultation is published', async () => {
    const published = await buildConsultation(testApp, admin, { phase: 'published' });
    const response = await admin.api.post(`/api/consultations/${published.id}/versions`, { name: 'Late' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('PHASE_FORBIDS');
  });

  it('keeps a version as it was while the paper changes, and includes edits not yet stored', async () => {
    const before = await editor.api.post<VersionSummary>(versionsPath, { name: 'Before edits' });
    const writer = stockClient(testApp.url, consultation.id, reviewer.token);
    await eventually(() => expect(writer.provider.synced).toBe(true));
    replaceWord(writer.doc, scope, 'should', 'must');
    await eventually(async () =>
      expect(await serverText(testApp, consultation.id, scope)).toBe('States must adopt a smart mix.'),
    );
    const storedEdits = async () => {
      const [row] = await testApp.db.sql<{ count: number }[]>`
        SELECT count(*) AS count FROM paper_updates
        WHERE consultation_id = ${consultation.id} AND user_id = ${reviewer.id}`;
      return row!.count;
    };
    expect(await storedEdits()).toBe(0);
    const after = await editor.api.post<VersionSummary>(versionsPath, { name: 'After edits' });
    expect(after.status).toBe(201);
    // The version holds the edit, so the edit had to be stored first.
    expect(await storedEdits()).toBeGreaterThan(0);

    const renamed = await admin.api.patch(`/api/consultations/${consultation.id}/sections/${scope}`, {
      title: 'Scope and purpose',
    });
    expect(renamed.status).toBe(200);
    replaceWord(writer.doc, scope, 'smart', 'clever');
    await eventually(async () =>
      expect(await serverText(testApp, consultation.id, scope)).toContain('clever'),
    );
    writer.destroy();

    const old = await reviewer.api.get<VersionDetail>(`${versionsPath}/${before.body.id}`);
    expect(old.status).toBe(200);
    expect(old.body.sections).toEqual([
      {
        sectionId: scope,
        number: '1',
        title: 'Scope',
        blocks: [{ type: 'paragraph', content: [{ text: SCOPE_TEXT, marks: [] }] }],
      },
      {
        sectionId: steps,
        number: '2',
        title: 'Steps',
        blocks: [
          {
            type: 'bulletList',
            children: ['Scoping', 'Design'].map((item) => ({
              type: 'listItem',
              children: [{ type: 'paragraph', content: [{ text: item, marks: [] }] }],
            })),
          },
        ],
      },
    ]);
    const newer = await reviewer.api.get<VersionDetail>(`${versionsPath}/${after.body.id}`);
    expect(newer.body.sections[0]!.blocks).toEqual([
      { type: 'paragraph', content: [{ text: 'States must adopt a smart mix.', marks: [] }] },
    ]);
  });

  it('compares two versions and a version with the live paper word by word', async () => {
    const versions = (await reviewer.api.get<VersionSummary[]>(versionsPath)).body;
    const before = versions.find((v) => v.name === 'Before edits')!;
    const after = versions.find((v) => v.name === 'After edits')!;
    const added = await admin.api.post<{ id: string }>(`/api/consultations/${consultation.id}/sections`, {
      title: 'Design features',
    });
    expect(added.status).toBe(201);
    expect((await admin.api.delete(`/api/consultations/${consultation.id}/sections/${steps}`)).status).toBe(
      204,
    );

    const between = await observer.api.get<VersionComparison>(
      `${versionsPath}/compare?from=${before.id}&to=${after.id}`,
    );
    expect(between.status).toBe(200);
    expect(between.body.from.name).toBe('Before edits');
    expect(between.body.to?.name).toBe('After edits');
    expect(between.body.sections).toEqual([
      {
        sectionId: scope,
        number: '1',
        title: 'Scope',
        status: 'changed',
        changes: [
          { kind: 'same', text: 'States ' },
          { kind: 'removed', text: 'should' },
          { kind: 'added', text: 'must' },
          { kind: 'same', text: ' adopt a smart mix.' },
        ],
        acceptedSuggestions: [],
      },
      {
        sectionId: steps,
        number: '2',
        title: 'Steps',
        status: 'unchanged',
        changes: [{ kind: 'same', text: 'Scoping\nDesign' }],
        acceptedSuggestions: [],
      },
    ]);

    const live = await observer.api.get<VersionComparison>(
      `${versionsPath}/compare?from=${after.id}&to=current`,
    );
    expect(live.status).toBe(200);
    expect(live.body.to).toBeNull();
    expect(live.body.sections).toEqual([
      {
        sectionId: scope,
        number: '1',
        title: 'Scope and purpose',
        status: 'changed',
        changes: [
          { kind: 'same', text: 'States must adopt a ' },
          { kind: 'removed', text: 'smart' },
          { kind: 'added', text: 'clever' },
          { kind: 'same', text: ' mix.' },
        ],
        acceptedSuggestions: [],
      },
      {
        sectionId: added.body.id,
        number: '3',
        title: 'Design features',
        status: 'added',
        changes: [],
        acceptedSuggestions: [],
      },
      {
        sectionId: steps,
        number: '2',
        title: 'Steps',
        status: 'removed',
        changes: [{ kind: 'removed', text: 'Scoping\nDesign' }],
        acceptedSuggestions: [],
      },
    ]);
  });

  it('lists the suggestions accepted in each section between the two sides, by group label only', async () => {
    const take = async (name: string) => (await editor.api.post<VersionSummary>(versionsPath, { name })).body;
    const before = await take('Before the decision');
    await testApp.db.sql`
      INSERT INTO paper_suggestions (consultation_id, suggestion_id, author_id, group_id, attribution_mode,
        label_scope, section_id, outcome, reason, decided_by, decided_at, inserted_text, deleted_text)
      VALUES (${consultation.id}, 'acceptedBetween0000000', ${reviewer.id},
        ${consultation.groups['Civil society organisation']!}, 'chatham', 'participant', ${scope}, 'accepted',
        'Matches the Guiding Principles', ${editor.id}, now(), 'must', 'should')`;
    const after = await take('After the decision');
    const accepted = {
      insertedText: 'must',
      deletedText: 'should',
      reason: 'Matches the Guiding Principles',
      groupLabel: 'A participant',
    };
    const listed = async (from: string, to: string) => {
      const answer = await reviewer.api.get<VersionComparison>(
        `${versionsPath}/compare?from=${from}&to=${to}`,
      );
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain(reviewer.name);
      return answer.body.sections.find((section) => section.sectionId === scope)!.acceptedSuggestions;
    };
    expect(await listed(before.id, after.id)).toEqual([accepted]);
    // Sides in either order, and up to the paper now.
    expect(await listed(after.id, before.id)).toEqual([accepted]);
    expect(await listed(before.id, 'current')).toEqual([accepted]);
    expect(await listed(after.id, 'current')).toEqual([]);
  });

  it('answers 404 for unknown and foreign versions and 400 for a bad comparison query', async () => {
    const [version] = (await editor.api.get<VersionSummary[]>(versionsPath)).body;
    const other = await buildConsultation(testApp, admin, { phase: 'open' });
    const foreign = await admin.api.post<VersionSummary>(`/api/consultations/${other.id}/versions`, {
      name: 'Elsewhere',
    });
    expect(foreign.status).toBe(201);
    for (const path of [
      `${versionsPath}/${randomUUID()}`,
      `${versionsPath}/${foreign.body.id}`,
      `${versionsPath}/compare?from=${foreign.body.id}&to=current`,
      `${versionsPath}/compare?from=${version!.id}&to=${foreign.body.id}`,
    ]) {
      const response = await editor.api.get(path);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
    const cases: Array<[string, string[]]> = [
      ['', ['query.from', 'query.to']],
      [`?from=${version!.id}`, ['query.to']],
      [`?from=${version!.id}&to=latest`, ['query.to']],
      [`?from=current&to=current`, ['query.from']],
      [`?from=${version!.id}&to=current&extra=1`, ['query']],
    ];
    for (const [query, paths] of cases) {
      const response = await editor.api.get(`${versionsPath}/compare${query}`);
      expect(response.status).toBe(400);
      expect(response.body.issues.map((issue: { path: string }) => issue.path)).toEqual(paths);
    }
    expect((await editor.api.get(`${versionsPath}/not-a-uuid`)).status).toBe(400);
  });

  describe('attribution of who took a version', () => {
    const setMode = (mode: string) =>
      testApp.db.sql`UPDATE consultations SET attribution_mode = ${mode} WHERE id = ${consultation.id}`;
    const creatorsSeenBy = async (viewer: TestUser) => {
      const response = await viewer.api.get<VersionSummary[]>(versionsPath);
      expect(response.status).toBe(200);
      const raw = JSON.stringify(response.body);
      return { raw, byName: new Map(response.body.map((v) => [v.name, v.createdBy])) };
    };
    afterAll(() => setMode('chatham'));

    it('Chatham House: editors and admins see names, reviewers and observers the role', async () => {
      await setMode('chatham');
      for (const viewer of [reviewer, observer]) {
        const { raw, byName } = await creatorsSeenBy(viewer);
        expect(byName.get('Draft for consultation')).toBe('Editor');
        expect(byName.get('Admin copy')).toBe('Admin');
        for (const secret of [editor.name, admin.name, editor.id, admin.id, editor.email])
          expect(raw).not.toContain(secret);
      }
      const { byName } = await creatorsSeenBy(admin);
      expect(byName.get('Draft for consultation')).toBe('Edith Editor');
      const version = (await reviewer.api.get<VersionSummary[]>(versionsPath)).body[0]!;
      const detail = await reviewer.api.get(`${versionsPath}/${version.id}`);
      const comparison = await reviewer.api.get(`${versionsPath}/compare?from=${version.id}&to=current`);
      for (const raw of [JSON.stringify(detail.body), JSON.stringify(comparison.body)]) {
        for (const secret of [editor.name, admin.name, editor.id, admin.id])
          expect(raw).not.toContain(secret);
      }
    });

    it('named: everyone sees the names on versions taken under named mode, and only on those', async () => {
      await setMode('named');
      const taken = await editor.api.post(versionsPath, { name: 'Taken while named' });
      expect(taken.status).toBe(201);
      const { raw, byName } = await creatorsSeenBy(observer);
      expect(byName.get('Taken while named')).toBe('Edith Editor');
      // Taken under Chatham House: switching to named reveals nothing about them.
      expect(byName.get('Draft for consultation')).toBe('Editor');
      expect(byName.get('Admin copy')).toBe('Admin');
      expect(raw).not.toContain(admin.name);
    });

    it('anonymous: nobody sees names, except each creator their own', async () => {
      await setMode('anonymous');
      const seenByAdmin = await creatorsSeenBy(admin);
      expect(seenByAdmin.byName.get('Draft for consultation')).toBe('Editor');
      expect(seenByAdmin.byName.get('Admin copy')).toBe('Ada Admin');
      expect(seenByAdmin.raw).not.toContain(editor.name);
      const seenByEditor = await creatorsSeenBy(editor);
      expect(seenByEditor.byName.get('Draft for consultation')).toBe('Edith Editor');
      expect(seenByEditor.byName.get('Admin copy')).toBe('Admin');
    });
  });
});
