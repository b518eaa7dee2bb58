import {
  CLOSE_CODES,
  COLLAB_PATH,
  collabRoom,
  MESSAGE_SYNC,
  type ConsultationDetail,
  type ConsultationResults,
  type Member,
  NOTES_GENERAL_FRAGMENT,
  type NotesCheck,
  notesQuestionFragmentName,
  type Notification,
  type PublishedNotes,
} from '@cw/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { buildUser, type TestUser } from '../../test/factories.js';
import { PaperRegistry } from '../collab/index.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { buildThreadWorld, type ThreadWorld } from '../../test/thread-fixtures.js';
import { eventually, RawClient, stockClient } from '../../test/ws-clients.js';

/** Appends a paragraph to one fragment of a session's notes. */
function write(doc: Y.Doc, fragmentName: string, text: string): void {
  const fragment = doc.getXmlFragment(fragmentName);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

/** The paragraphs of one fragment of a session's notes. */
function read(doc: Y.Doc, fragmentName: string): string[] {
  return doc
    .getXmlFragment(fragmentName)
    .toArray()
    .map((node) => (node as Y.XmlElement).toArray().join(''));
}

describe.each(BACKENDS)('session notes on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;
  let stranger: TestUser;
  let sessionId: string;
  let room: string;
  let questionFragment: string;
  let memberIds: Record<string, string>;
  const clients: Array<{ destroy: () => void }> = [];
  const notesPath = () => `${world.base}/sessions/${sessionId}`;
  const open = (user: TestUser, doc = new Y.Doc()) => {
    const client = stockClient(testApp.url, room, user.token, doc);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    world = await buildThreadWorld(testApp, { phase: 'open' });
    stranger = await buildUser(testApp);
    const [session] = await testApp.db.sql<{ id: string }[]>`
      INSERT INTO agenda_sessions (consultation_id, title, starts_at, ends_at)
      VALUES (${world.consultation.id}, 'The smart mix', '2026-05-04T14:15:00Z', '2026-05-04T14:45:00Z')
      RETURNING id`;
    sessionId = session!.id;
    await testApp.db
      .sql`UPDATE guiding_questions SET session_id = ${sessionId} WHERE id = ${world.questionId}`;
    room = collabRoom({ kind: 'notes', consultationId: world.consultation.id, sessionId });
    questionFragment = notesQuestionFragmentName(world.questionId);
    const members = (await world.admin.api.get(`${world.base}/members`)).body as Member[];
    memberIds = Object.fromEntries(members.map((member) => [member.userId, member.id]));
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await testApp.close();
  });

  it('lets admins alone name rapporteurs among members who are not observers, audited and listed on the agenda', async () => {
    const body = { memberIds: [memberIds[world.reviewer.id]] };
    for (const user of [world.editor, world.reviewer]) {
      expect((await user.api.put(`${notesPath()}/rapporteurs`, body)).status).toBe(403);
    }
    expect((await stranger.api.put(`${notesPath()}/rapporteurs`, body)).status).toBe(404);
    const observer = await world.admin.api.put(`${notesPath()}/rapporteurs`, {
      memberIds: [memberIds[world.observer.id]],
    });
    expect(observer.status).toBe(400);
    expect(observer.body.issues[0].path).toBe('body.memberIds');

    const named = await world.admin.api.put(`${notesPath()}/rapporteurs`, body);
    expect(named.status).toBe(200);
    expect(named.body).toEqual({
      sessionId,
      rapporteurs: [{ memberId: memberIds[world.reviewer.id], name: 'Rosa Reviewer', isYou: false }],
      publishedAt: null,
    });

    const agenda = async (user: TestUser) =>
      ((await user.api.get(world.base)).body as ConsultationDetail).sessionNotes;
    expect((await agenda(world.editor))[0]!.rapporteurs.map((r) => r.name)).toEqual(['Rosa Reviewer']);
    // Other members learn only whether they are a rapporteur themselves (SPEC §3).
    expect((await agenda(world.reviewer))[0]!.rapporteurs).toEqual([
      { memberId: memberIds[world.reviewer.id], name: 'Rosa Reviewer', isYou: true },
    ]);
    expect((await agenda(world.otherReviewer))[0]!.rapporteurs).toEqual([]);

    const audit = await world.admin.api.get(`${world.base}/audit?action=rapporteurs.changed`);
    expect(audit.body).toMatchObject([
      {
        actor: { name: 'Ada Admin', role: 'admin' },
        target: { type: 'agendaSession', id: sessionId, label: 'The smart mix' },
        before: { rapporteurs: [] },
        after: { rapporteurs: ['Rosa Reviewer'] },
      },
    ]);
  });

  it('lets the rapporteur and an editor co-edit the notes live with the stock client, and stores them', async () => {
    const rapporteur = open(world.reviewer);
    const editor = open(world.editor);
    write(rapporteur.doc, questionFragment, 'Carl Company named three examples of procurement rules.');
    write(editor.doc, NOTES_GENERAL_FRAGMENT, 'The session ran on time.');
    for (const { doc } of [rapporteur, editor]) {
      await eventually(() => {
        expect(read(doc, questionFragment)).toEqual([
          'Carl Company named three examples of procurement rules.',
        ]);
        expect(read(doc, NOTES_GENERAL_FRAGMENT)).toEqual(['The session ran on time.']);
      });
    }
    // Stored, then compacted; a late joiner loads it, and the paper is untouched.
    const stored = await eventually(async () => {
      const rows = await testApp.db.sql<{ count: number }[]>`
        SELECT count(*)::int AS count FROM notes_updates WHERE session_id = ${sessionId}`;
      expect(rows[0]!.count).toBeGreaterThanOrEqual(2);
      return rows[0]!.count;
    });
    expect(stored).toBeGreaterThanOrEqual(2);
    // Compacted like the paper: one snapshot, an empty log.
    await testApp.app.get(PaperRegistry).compact(room);
    expect(await testApp.db.sql`SELECT 1 FROM notes_snapshots WHERE session_id = ${sessionId}`).toHaveLength(
      1,
    );
    expect(await testApp.db.sql`SELECT 1 FROM notes_updates WHERE session_id = ${sessionId}`).toHaveLength(0);
    const late = open(world.admin);
    await eventually(() =>
      expect(read(late.doc, NOTES_GENERAL_FRAGMENT)).toEqual(['The session ran on time.']),
    );
    const contributions = await testApp.db.sql`
      SELECT 1 FROM paper_contributions WHERE consultation_id = ${world.consultation.id}`;
    expect(contributions).toHaveLength(0);
  });

  it('refuses the notes to every other member, as to a non-member, on the socket and over REST', async () => {
    for (const user of [world.otherReviewer, world.observer, stranger]) {
      const client = new RawClient(testApp.url, `${COLLAB_PATH}/${room}`, { token: user.token });
      const closed = await client.waitClosed();
      expect(closed.code).toBe(CLOSE_CODES.NOT_FOUND);
      expect(closed.reason).toBe(
        user === stranger
          ? 'Consultation not found'
          : "Only the organisers and the session's rapporteurs may open its notes",
      );
      expect(client.messages).toEqual([]);
    }
    const unknown = new RawClient(
      testApp.url,
      `${COLLAB_PATH}/${collabRoom({ kind: 'notes', consultationId: world.consultation.id, sessionId: world.questionId })}`,
      { token: world.editor.token },
    );
    expect(await unknown.waitClosed()).toEqual({
      code: CLOSE_CODES.NOT_FOUND,
      reason: 'Agenda session not found',
    });

    expect((await world.otherReviewer.api.get(`${notesPath()}/notes/check`)).status).toBe(403);
    expect((await world.observer.api.get(`${notesPath()}/notes/check`)).status).toBe(403);
    expect((await stranger.api.get(`${notesPath()}/notes/check`)).status).toBe(404);
    expect((await world.otherReviewer.api.get(`${world.base}/results`)).body.code).toBe('PHASE_FORBIDS');
  });

  it('closes a notes socket that writes outside the session’s questions, storing nothing', async () => {
    const client = new RawClient(testApp.url, `${COLLAB_PATH}/${room}`, { token: world.editor.token });
    await client.opened;
    const doc = new Y.Doc();
    write(doc, 'section:not-a-question', 'Elsewhere');
    client.sendUpdate(Y.encodeStateAsUpdate(doc));
    expect(await client.waitClosed()).toEqual({
      code: CLOSE_CODES.BAD_MESSAGE,
      reason: 'Rejected update: not a guiding question of these notes',
    });
  });

  it('finds a member’s name for the rapporteur and the editors, and publishes only what the editor confirmed', async () => {
    for (const user of [world.reviewer, world.editor]) {
      const check = await user.api.get<NotesCheck>(`${notesPath()}/notes/check`);
      expect(check.status).toBe(200);
      expect(check.body.findings).toEqual([
        {
          kind: 'name',
          text: 'Carl Company',
          questionId: world.questionId,
          // The words around it, cut some way off.
          excerpt: 'Carl Company named three examples of procurement rul…',
        },
      ]);
    }
    expect((await world.reviewer.api.post(`${notesPath()}/notes/publish`, {})).status).toBe(403);
    expect((await world.observer.api.post(`${notesPath()}/notes/publish`, {})).status).toBe(403);

    const unconfirmed = await world.editor.api.post(`${notesPath()}/notes/publish`, {});
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.code).toBe('CONFIRMATION_REQUIRED');
    expect(unconfirmed.body.issues).toEqual([
      {
        path: 'body.confirmed',
        message:
          '"Carl Company" may be a name of a participant: Carl Company named three examples of procurement rul…',
        code: 'confirm',
      },
    ]);
    const published = await world.editor.api.post<PublishedNotes>(`${notesPath()}/notes/publish`, {
      confirmed: ['carl company'],
    });
    expect(published.status).toBe(200);
    expect(published.body.questions[0]!.blocks).toEqual([
      { type: 'paragraph', text: 'Carl Company named three examples of procurement rules.' },
    ]);
    expect(published.body.general).toEqual([{ type: 'paragraph', text: 'The session ran on time.' }]);
  });

  it('audits who published, again after edits, and tells every other member', async () => {
    // The rapporteur takes the name out; the editor publishes again.
    const rapporteur = open(world.reviewer);
    await eventually(() => expect(read(rapporteur.doc, questionFragment)).toHaveLength(1));
    const text = (rapporteur.doc.getXmlFragment(questionFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    rapporteur.doc.transact(() => {
      text.delete(0, 'Carl Company named'.length);
      text.insert(0, 'Participants named');
    });
    const again = await eventually(async () => {
      const answer = await world.editor.api.post<PublishedNotes>(`${notesPath()}/notes/publish`, {});
      expect(answer.status).toBe(200);
      return answer.body;
    });
    expect(again.questions[0]!.blocks[0]!.text).toBe(
      'Participants named three examples of procurement rules.',
    );

    const audit = (await world.admin.api.get(`${world.base}/audit?action=notes.published`)).body as Array<{
      actor: { name: string };
      before: { publishedAt: string } | null;
      after: { publishedAt: string; confirmedFindings: string[] };
    }>;
    expect(audit).toHaveLength(2);
    const [second, first] = audit;
    expect(first).toMatchObject({ actor: { name: 'Eddie Editor' }, before: null });
    expect(first!.after.confirmedFindings).toEqual(['Carl Company']);
    expect(second).toMatchObject({
      actor: { name: 'Eddie Editor' },
      before: { publishedAt: first!.after.publishedAt },
    });
    expect(second!.after.confirmedFindings).toEqual([]);

    for (const user of [world.admin, world.reviewer, world.otherReviewer, world.observer]) {
      const notices = (await user.api.get<Notification[]>(`${world.base}/notifications`)).body;
      expect(notices.filter((notice) => notice.kind === 'notesPublished')).toMatchObject([
        { session: { id: sessionId, title: 'The smart mix' } },
        { session: { id: sessionId, title: 'The smart mix' } },
      ]);
    }
    const own = (await world.editor.api.get<Notification[]>(`${world.base}/notifications`)).body;
    expect(own.filter((notice) => notice.kind === 'notesPublished')).toEqual([]);
  });

  it('gives every member the published notes and the session’s published figures, before the consultation is published, naming no one', async () => {
    for (const user of [world.otherReviewer, world.observer]) {
      const { status, body } = await user.api.get<ConsultationResults>(`${world.base}/results`);
      expect(status).toBe(200);
      expect(body.isPublished).toBe(false);
      // Only the notes: the rest waits for the consultation's publication.
      expect(body.threads).toEqual([]);
      expect(body.suggestions).toEqual([]);
      expect(body.participation).toBeNull();
      expect(body.sessions).toHaveLength(1);
      const [session] = body.sessions;
      expect(session).toMatchObject({
        id: sessionId,
        title: 'The smart mix',
        startsAt: '2026-05-04T14:15:00.000Z',
        notes: {
          publishedAt: expect.any(String),
          questions: [
            {
              questionId: world.questionId,
              number: 1,
              blocks: [
                { type: 'paragraph', text: 'Participants named three examples of procurement rules.' },
              ],
            },
          ],
          general: [{ type: 'paragraph', text: 'The session ran on time.' }],
        },
      });
      expect(session!.figures.questions.map((question) => question.questionId)).toEqual([world.questionId]);
      expect(session!.figures.total.participants).toEqual(0);
      const text = JSON.stringify(body);
      for (const person of [world.admin, world.editor, world.reviewer, world.otherReviewer, world.observer]) {
        expect(text).not.toContain(person.id);
        expect(text).not.toContain(person.email);
        expect(text).not.toContain(person.name);
      }
    }
    expect((await stranger.api.get(`${world.base}/results`)).status).toBe(404);
  });

  it('puts the published notes at the top of their session in the summary notes', async () => {
    const markdown = await world.editor.api.get<string>(`${world.base}/exports/summary-markdown`);
    expect(markdown.status).toBe(200);
    const text = markdown.body;
    const session = text.indexOf('## Session: The smart mix');
    const notes = text.indexOf('### Session notes', session);
    const question = text.indexOf('\n### Question 1.', session);
    expect(session).toBeGreaterThan(-1);
    expect(notes).toBeGreaterThan(session);
    expect(question).toBeGreaterThan(notes);
    expect(text.slice(notes, question)).toContain('Participants named three examples of procurement rules.');
    expect(text.slice(notes, question)).toContain('The session ran on time.');
    for (const person of [world.reviewer, world.otherReviewer]) {
      expect(text).not.toContain(person.email);
      expect(text).not.toContain(person.name);
    }
  });

  it('puts a programme item in the summary notes when it has published notes, and only then', async () => {
    const programme = async (title: string, startsAt: string) => {
      const [row] = await testApp.db.sql<{ id: string }[]>`
        INSERT INTO agenda_sessions (consultation_id, kind, title, starts_at, ends_at)
        VALUES (${world.consultation.id}, 'programme', ${title}, ${startsAt},
                ${startsAt}::timestamptz + interval '10 minutes')
        RETURNING id`;
      return row!.id;
    };
    const opening = await programme('Opening remarks', '2026-05-04T14:00:00Z');
    await programme('Dial in', '2026-05-04T13:45:00Z');
    const content = { questions: [], general: [{ type: 'paragraph', text: 'The chair set out the aims.' }] };
    await testApp.db.sql`
      INSERT INTO session_notes_publications (consultation_id, session_id, content, published_by)
      VALUES (${world.consultation.id}, ${opening}, ${testApp.db.sql.json(content)}, ${world.editor.id})`;

    const text = (await world.editor.api.get<string>(`${world.base}/exports/summary-markdown`)).body;
    const opened = text.indexOf('## Session: Opening remarks');
    expect(opened).toBeGreaterThan(-1);
    expect(opened).toBeLessThan(text.indexOf('## Session: The smart mix'));
    expect(text.slice(opened, text.indexOf('## Session: The smart mix'))).toContain(
      'The chair set out the aims.',
    );
    expect(text).not.toContain('Dial in');
  });

  it('drops the notes of a deleted session: its sockets are closed, its rows go, nothing more is stored', async () => {
    const [gone] = await testApp.db.sql<{ id: string }[]>`
      INSERT INTO agenda_sessions (consultation_id, title, starts_at, ends_at)
      VALUES (${world.consultation.id}, 'Wrap up', '2026-05-04T15:50:00Z', '2026-05-04T16:00:00Z')
      RETURNING id`;
    const goneRoom = collabRoom({
      kind: 'notes',
      consultationId: world.consultation.id,
      sessionId: gone!.id,
    });
    const client = new RawClient(testApp.url, `${COLLAB_PATH}/${goneRoom}`, { token: world.editor.token });
    await client.opened;
    const send = (text: string) => {
      const doc = new Y.Doc();
      write(doc, NOTES_GENERAL_FRAGMENT, text);
      client.sendUpdate(Y.encodeStateAsUpdate(doc));
    };
    const stored = () => testApp.db.sql`SELECT 1 FROM notes_updates WHERE session_id = ${gone!.id}`;
    send('Thanks to all.');
    await eventually(async () => expect(await stored()).toHaveLength(1));

    // Deleted while an edit is on its way: the edit has nowhere to go and is not retried.
    await testApp.db.sql`DELETE FROM agenda_sessions WHERE id = ${gone!.id}`;
    send('One more thing.');
    expect(await client.waitClosed()).toEqual({
      code: CLOSE_CODES.NOT_FOUND,
      reason: 'Agenda session not found',
    });
    const registry = testApp.app.get(PaperRegistry);
    await eventually(() => expect(registry.isLoaded(goneRoom)).toBe(false));
    expect(await stored()).toHaveLength(0);
  });

  it('disconnects a rapporteur no longer named, and keeps the notes read-only once the consultation is published', async () => {
    const rapporteur = new RawClient(testApp.url, `${COLLAB_PATH}/${room}`, { token: world.reviewer.token });
    await rapporteur.opened;
    expect((await world.admin.api.put(`${notesPath()}/rapporteurs`, { memberIds: [] })).status).toBe(200);
    expect(await rapporteur.waitClosed()).toEqual({
      code: CLOSE_CODES.NOT_FOUND,
      reason: "Only the organisers and the session's rapporteurs may open its notes",
    });

    for (const phase of ['closed', 'published'])
      expect((await world.admin.api.post(`${world.base}/phase`, { phase })).status).toBe(200);
    const editor = new RawClient(testApp.url, `${COLLAB_PATH}/${room}`, {
      token: world.editor.token,
      acks: true,
    });
    await editor.opened;
    // Write access 0: read-only; what it sends anyway is dropped, and the socket stays open.
    await eventually(() => expect(editor.messages.some((m) => m[0] === 101 && m[1] === 0)).toBe(true));
    const count = async () =>
      (await testApp.db.sql`SELECT 1 FROM notes_updates WHERE session_id = ${sessionId}`).length;
    const before = await count();
    const late = new Y.Doc();
    write(late, NOTES_GENERAL_FRAGMENT, 'Too late');
    editor.sendUpdate(Y.encodeStateAsUpdate(late));
    // The answer to a step 1 sent after it is the server's notes once the update was handled.
    const answers = () => editor.messages.filter((m) => m[0] === MESSAGE_SYNC && m[1] === 1);
    const seen = answers().length;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    editor.send(encoding.toUint8Array(encoder));
    const answer = await eventually(() => {
      expect(answers().length).toBeGreaterThan(seen);
      return answers().at(-1)!;
    });
    const decoder = decoding.createDecoder(answer);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const served = new Y.Doc();
    Y.applyUpdate(served, decoding.readVarUint8Array(decoder));
    expect(read(served, NOTES_GENERAL_FRAGMENT)).toEqual(['The session ran on time.']);
    expect(await count()).toBe(before);
    expect(editor.closed).toBeUndefined();
    editor.close();
  });
});
