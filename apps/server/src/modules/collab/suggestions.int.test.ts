import { randomUUID } from 'node:crypto';
import { CLOSE_CODES, MESSAGE_WRITE_ACCESS, WRITE_ACCESS } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addMember,
  buildConsultation,
  buildSection,
  buildUser,
  type TestConsultation,
  type TestUser,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually, RawClient, roundTrip, stockClient, typeParagraph } from '../../test/ws-clients.js';

const SECTION = randomUUID();
/** Well-formed suggestion ids (22 base64url characters). */
const CIVIL_INSERTION = 'civilInsertion00000000';
const CIVIL_DELETION = 'civilDeletion000000000';
const CIVIL_CONCURRENT = 'civilConcurrent0000000';
const COMPANY_CONCURRENT = 'companyConcurrent00000';

/** The first paragraph's text of the section in `doc`. */
function firstText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment(`section:${SECTION}`).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

describe.each(BACKENDS)('suggested changes on the paper socket on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;
  let civil: TestUser;
  let company: TestUser;
  let consultation: TestConsultation;

  /** The paper as stored: the snapshot and the log, applied in order. */
  async function stored(): Promise<Y.Doc> {
    const rows = await testApp.db.sql<{ data: Buffer }[]>`
      SELECT data FROM paper_snapshots WHERE consultation_id = ${consultation.id}
      UNION ALL SELECT data FROM (SELECT data FROM paper_updates WHERE consultation_id = ${consultation.id} ORDER BY id) u`;
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, row.data);
    return doc;
  }

  /**
   * A reviewer's stock client makes `change` in its copy: refused when the server closes the
   * socket instead of answering the sync step 1 sent after it (frames are handled in order).
   */
  async function attempt(user: TestUser, change: (doc: Y.Doc) => void) {
    const client = stockClient(testApp.url, consultation.id, user.token);
    await eventually(() => expect(client.provider.synced).toBe(true));
    const closed = new Promise<number>((resolve) =>
      client.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    client.doc.transact(() => change(client.doc));
    const closeCode = await Promise.race([
      closed,
      roundTrip(client.provider).then(
        () => undefined,
        () => closed,
      ),
    ]);
    client.destroy();
    return { refused: closeCode !== undefined, closeCode };
  }

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    admin = await buildUser(testApp, { isOrganiser: true });
    civil = await buildUser(testApp, { name: 'Cleo Civil' });
    company = await buildUser(testApp, { name: 'Carl Company' });
    consultation = await buildConsultation(testApp, admin, { phase: 'open' });
    await buildSection(testApp, consultation.id, SECTION);
    await addMember(
      testApp,
      consultation.id,
      civil,
      'reviewer',
      consultation.groups['Civil society organisation']!,
    );
    await addMember(
      testApp,
      consultation.id,
      company,
      'reviewer',
      consultation.groups['Company / business']!,
    );
    const editor = stockClient(testApp.url, consultation.id, admin.token);
    await eventually(() => expect(editor.provider.synced).toBe(true));
    editor.doc
      .getXmlFragment(`section:${SECTION}`)
      .delete(0, editor.doc.getXmlFragment(`section:${SECTION}`).length);
    typeParagraph(editor.doc, SECTION, 'Business enterprises should respect human rights.');
    await roundTrip(editor.provider);
    editor.destroy();
    const suggest = await admin.api.patch(`/api/consultations/${consultation.id}`, {
      textChanges: 'suggest',
    });
    expect(suggest.status).toBe(200);
  });
  afterAll(() => testApp.close());

  it('tells a reviewer they may only suggest, and an admin that they may edit', async () => {
    const access = async (user: TestUser) => {
      const client = new RawClient(testApp.url, `/collab/${consultation.id}`, {
        token: user.token,
        acks: true,
      });
      const message = await eventually(() => {
        const found = client.messages.find((m) => m[0] === MESSAGE_WRITE_ACCESS);
        expect(found).toBeDefined();
        return found!;
      });
      client.close();
      return message[1];
    };
    expect(await access(civil)).toBe(WRITE_ACCESS.suggest);
    expect(await access(admin)).toBe(WRITE_ACCESS.edit);
  });

  it('stores and relays a suggestion, recorded as its author’s with their group', async () => {
    const watcher = stockClient(testApp.url, consultation.id, admin.token);
    await eventually(() => expect(watcher.provider.synced).toBe(true));
    const { refused } = await attempt(civil, (doc) => {
      firstText(doc).insert(0, 'All ', { insertion: { id: CIVIL_INSERTION } });
      firstText(doc).format(4 + 'Business enterprises '.length, 'should'.length, {
        deletion: { id: CIVIL_DELETION },
      });
    });
    expect(refused).toBe(false);
    await eventually(() =>
      expect(firstText(watcher.doc).toString()).toContain(
        `<insertion id="${CIVIL_INSERTION}">All </insertion>`,
      ),
    );
    await eventually(async () =>
      expect(firstText(await stored()).toString()).toContain(
        `<deletion id="${CIVIL_DELETION}">should</deletion>`,
      ),
    );
    const rows = await testApp.db.sql<
      { suggestion_id: string; author_id: string; group_id: string; attribution_mode: string }[]
    >`
      SELECT suggestion_id, author_id, group_id, attribution_mode FROM paper_suggestions
      WHERE consultation_id = ${consultation.id} ORDER BY suggestion_id`;
    const recorded = {
      author_id: civil.id,
      group_id: consultation.groups['Civil society organisation'],
      attribution_mode: 'chatham',
    };
    expect(rows).toEqual(
      [CIVIL_INSERTION, CIVIL_DELETION].sort().map((id) => ({ suggestion_id: id, ...recorded })),
    );
    watcher.destroy();
  });

  it('refuses a reviewer’s change that is no suggestion of theirs: the socket closes, nothing is stored or relayed', async () => {
    const watcher = stockClient(testApp.url, consultation.id, admin.token);
    await eventually(() => expect(watcher.provider.synced).toBe(true));
    const before = firstText(await stored()).toString();
    const crafted: [string, TestUser, (doc: Y.Doc) => void][] = [
      ['deletes unmarked text', company, (doc) => firstText(doc).delete(10, 12)],
      ['rewrites unmarked text', company, (doc) => firstText(doc).insert(10, 'never ')],
      ['removes another’s suggestion', company, (doc) => firstText(doc).delete(0, 4)],
      ['lifts another’s deletion mark', company, (doc) => firstText(doc).format(25, 6, { deletion: null })],
      [
        'writes under another’s id',
        company,
        (doc) => firstText(doc).insert(0, 'Forged ', { insertion: { id: CIVIL_INSERTION } }),
      ],
      ['accepts its own suggestion', civil, (doc) => firstText(doc).format(0, 4, { insertion: null })],
    ];
    for (const [what, user, change] of crafted) {
      const { refused, closeCode } = await attempt(user, change);
      expect(refused, what).toBe(true);
      expect(closeCode, what).toBe(CLOSE_CODES.SUGGESTIONS_ONLY);
    }
    // A later edit from the admin, stored after anything the refused ones could have caused.
    const marker = stockClient(testApp.url, consultation.id, admin.token);
    await eventually(() => expect(marker.provider.synced).toBe(true));
    typeParagraph(marker.doc, SECTION, 'editor marker');
    await roundTrip(marker.provider);
    await eventually(async () =>
      expect((await stored()).getXmlFragment(`section:${SECTION}`).toString()).toContain('editor marker'),
    );
    expect(firstText(await stored()).toString()).toBe(before);
    expect(firstText(watcher.doc).toString()).toBe(before);
    const forged = await testApp.db.sql`
      SELECT 1 FROM paper_suggestions WHERE consultation_id = ${consultation.id} AND author_id = ${company.id}`;
    expect(forged).toHaveLength(0);
    marker.destroy();
    watcher.destroy();
  });

  it('takes suggestions two reviewers of different groups make at once in one paragraph, and both converge', async () => {
    const a = stockClient(testApp.url, consultation.id, civil.token);
    const b = stockClient(testApp.url, consultation.id, company.token);
    await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true));
    // Both typed before either heard of the other's: concurrent inserts at the same place.
    a.provider.disconnect();
    b.provider.disconnect();
    firstText(a.doc).insert(10, 'civil ', { insertion: { id: CIVIL_CONCURRENT } });
    firstText(b.doc).insert(10, 'company ', { insertion: { id: COMPANY_CONCURRENT } });
    a.provider.connect();
    b.provider.connect();
    await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true));
    await roundTrip(a.provider);
    await roundTrip(b.provider);
    await eventually(() => {
      expect(firstText(a.doc).toString()).toContain(COMPANY_CONCURRENT);
      expect(firstText(b.doc).toString()).toContain(CIVIL_CONCURRENT);
    });
    expect(firstText(a.doc).toString()).toBe(firstText(b.doc).toString());
    await eventually(async () =>
      expect(firstText(await stored()).toString()).toBe(firstText(a.doc).toString()),
    );
    a.destroy();
    b.destroy();
  });

  it('lists the open suggestions with their authors as each viewer may see them, never an id', async () => {
    const path = `/api/consultations/${consultation.id}/paper/suggestions`;
    type Listed = { suggestions: { id: string; author: { label: string; isYou: boolean; name?: string } }[] };
    const mine = await civil.api.get<Listed>(path);
    expect(mine.status).toBe(200);
    const own = (listed: Listed) =>
      listed.suggestions
        .filter((s) => s.author.isYou)
        .map((s) => s.id)
        .sort();
    expect(own(mine.body)).toEqual([CIVIL_INSERTION, CIVIL_DELETION, CIVIL_CONCURRENT].sort());
    expect(own((await company.api.get<Listed>(path)).body)).toEqual([COMPANY_CONCURRENT]);
    // Chatham House: another reviewer sees each under its group's label only (k = 5: a group of
    // one is "A participant"); the organisers see the name.
    const seen = await company.api.get<Listed>(path);
    expect(seen.body.suggestions.map((s) => s.id).sort()).toEqual(
      [CIVIL_INSERTION, CIVIL_DELETION, CIVIL_CONCURRENT, COMPANY_CONCURRENT].sort(),
    );
    for (const suggestion of seen.body.suggestions.filter((s) => !s.author.isYou)) {
      expect(suggestion.author).toMatchObject({ label: 'A participant', isYou: false });
      expect(suggestion.author.name).toBeUndefined();
    }
    const text = JSON.stringify(seen.body);
    expect(text).not.toContain(civil.id);
    expect(text).not.toContain(civil.name);
    expect(text).not.toContain(company.id);
    const organisers = await admin.api.get<Listed>(path);
    expect(organisers.body.suggestions.find((s) => s.id === CIVIL_INSERTION)!.author).toMatchObject({
      label: 'Civil society organisation reviewer',
      name: civil.name,
    });
    const outsider = await buildUser(testApp);
    expect((await outsider.api.get(path)).status).toBe(404);
  });

  it('records an editor’s decision with its reason, once, in the audit log; refuses reviewers', async () => {
    const path = `/api/consultations/${consultation.id}/paper/suggestions/decisions`;
    const decision = {
      sectionId: SECTION,
      suggestionIds: [CIVIL_DELETION, COMPANY_CONCURRENT],
      outcome: 'rejected',
      reason: 'The original wording was agreed at the last session',
    };
    expect((await civil.api.post(path, decision)).status).toBe(403);
    expect(
      (await admin.api.post(path, { ...decision, suggestionIds: ['unknownSuggestion00000'] })).status,
    ).toBe(404);
    expect((await admin.api.post(path, { ...decision, sectionId: randomUUID() })).status).toBe(404);
    expect((await admin.api.post(path, { ...decision, suggestionIds: ['not an id'] })).status).toBe(400);
    expect((await admin.api.post(path, { ...decision, outcome: 'maybe' })).status).toBe(400);
    const unexplained = await admin.api.post(path, { ...decision, reason: '' });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.issues).toEqual([
      { path: 'body.reason', message: 'must say why, unless the input is taken up', code: 'reasonRequired' },
    ]);

    const first = await admin.api.post(path, decision);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ recorded: 2 });
    expect((await admin.api.post(path, { ...decision, outcome: 'accepted' })).body).toEqual({ recorded: 0 });
    const rows = await testApp.db.sql<
      { outcome: string; reason: string; decided_by: string; section_id: string }[]
    >`
      SELECT outcome, reason, decided_by, section_id, inserted_text, deleted_text FROM paper_suggestions
      WHERE consultation_id = ${consultation.id} AND suggestion_id IN ${testApp.db.sql(decision.suggestionIds)}
      ORDER BY suggestion_id`;
    const decided = {
      outcome: 'rejected',
      reason: decision.reason,
      decided_by: admin.id,
      section_id: SECTION,
    };
    // What each suggested, read from the paper as it stood.
    expect(rows).toEqual([
      { ...decided, inserted_text: '', deleted_text: 'should' },
      { ...decided, inserted_text: 'company ', deleted_text: '' },
    ]);
    const audit = await admin.api.get(
      `/api/consultations/${consultation.id}/audit?action=suggestions.decided`,
    );
    expect(audit.body).toMatchObject([
      {
        actor: { userId: admin.id },
        target: { type: 'section', id: SECTION },
        after: { outcome: 'rejected', reason: decision.reason, suggestions: 2 },
      },
    ]);
  });

  it('records the section each suggestion was made in, with the update that brought it', async () => {
    const rows = await testApp.db.sql<{ suggestion_id: string; section_id: string | null }[]>`
      SELECT suggestion_id, section_id FROM paper_suggestions
      WHERE consultation_id = ${consultation.id} AND suggestion_id IN ${testApp.db.sql([CIVIL_INSERTION, CIVIL_CONCURRENT])}
      ORDER BY suggestion_id`;
    expect(rows).toEqual([
      { suggestion_id: CIVIL_CONCURRENT, section_id: SECTION },
      { suggestion_id: CIVIL_INSERTION, section_id: SECTION },
    ]);
  });

  it('records an author’s withdrawal of their own open suggestions only, unaudited', async () => {
    const path = `/api/consultations/${consultation.id}/paper/suggestions/withdrawals`;
    const withdrawal = { sectionId: SECTION, suggestionIds: [CIVIL_INSERTION] };
    expect((await company.api.post(path, withdrawal)).status).toBe(404);
    expect((await civil.api.post(path, { ...withdrawal, outcome: 'accepted' })).status).toBe(400);
    expect((await civil.api.post(path, { ...withdrawal, sectionId: randomUUID() })).status).toBe(404);
    // Decided already: it keeps the editor's decision.
    expect((await civil.api.post(path, { ...withdrawal, suggestionIds: [CIVIL_DELETION] })).body).toEqual({
      recorded: 0,
    });
    const first = await civil.api.post(path, withdrawal);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ recorded: 1 });
    expect((await civil.api.post(path, withdrawal)).body).toEqual({ recorded: 0 });
    const rows = await testApp.db.sql<
      { suggestion_id: string; outcome: string | null; decided_by: string }[]
    >`
      SELECT suggestion_id, outcome, decided_by FROM paper_suggestions
      WHERE consultation_id = ${consultation.id} AND suggestion_id IN ${testApp.db.sql([CIVIL_INSERTION, CIVIL_DELETION])}
      ORDER BY suggestion_id`;
    expect(rows).toEqual([
      { suggestion_id: CIVIL_DELETION, outcome: 'rejected', decided_by: admin.id },
      { suggestion_id: CIVIL_INSERTION, outcome: 'withdrawn', decided_by: civil.id },
    ]);
    const audit = await admin.api.get(
      `/api/consultations/${consultation.id}/audit?action=suggestions.decided`,
    );
    expect(audit.body).toHaveLength(1);
  });

  it('lets the author withdraw their own suggestion', async () => {
    const { refused } = await attempt(civil, (doc) => firstText(doc).delete(0, 4));
    expect(refused).toBe(false);
    await eventually(async () => expect(firstText(await stored()).toString()).not.toContain(CIVIL_INSERTION));
  });
});
