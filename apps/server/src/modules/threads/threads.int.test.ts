import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsultation, buildUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { anchorFor, buildThreadWorld, CIVIL, COMPANY, type ThreadWorld } from '../../test/thread-fixtures.js';
import { eventually, stockClient } from '../../test/ws-clients.js';

describe.each(BACKENDS)('threads on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
    world = await buildThreadWorld(testApp);
  });
  afterAll(() => testApp.close());

  async function counts() {
    const [row] = await testApp.db.sql<{ threads: number; comments: number; endorsements: number }[]>`
      SELECT (SELECT count(*) FROM threads) AS threads, (SELECT count(*) FROM comments) AS comments,
             (SELECT count(*) FROM endorsements) AS endorsements`;
    return row!;
  }

  async function openThread(body = 'We need mandatory due diligence.') {
    const created = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: world.questionId,
      body,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  it('documents every thread, comment, endorsement and summary route in OpenAPI', async () => {
    const response = await world.observer.api.get('/api/docs-json');
    const paths = Object.keys(response.body.paths as Record<string, unknown>);
    for (const route of [
      '/api/consultations/{consultationId}/threads',
      '/api/consultations/{consultationId}/threads/{threadId}',
      '/api/consultations/{consultationId}/threads/{threadId}/comments',
      '/api/consultations/{consultationId}/threads/{threadId}/resolve',
      '/api/consultations/{consultationId}/threads/{threadId}/reopen',
      '/api/consultations/{consultationId}/comments/{commentId}',
      '/api/consultations/{consultationId}/comments/{commentId}/endorsement',
      '/api/consultations/{consultationId}/questions/summary',
      '/api/consultations/{consultationId}/notifications',
    ])
      expect(paths).toContain(route);
  });

  it('opens a thread on a guiding question, lists it and reads it back', async () => {
    const thread = await openThread();
    expect(thread).toMatchObject({
      consultationId: world.consultation.id,
      questionId: world.questionId,
      anchor: null,
      status: 'open',
      resolution: null,
      author: { label: `${CIVIL} reviewer`, isYou: true },
      comments: [
        { body: 'We need mandatory due diligence.', isDeleted: false, isEdited: false, endorsementTotal: 0 },
      ],
    });
    const list = await world.observer.api.get(`${world.base}/threads`);
    expect(list.status).toBe(200);
    expect(list.body.map((t: { id: string }) => t.id)).toContain(thread.id);
    const one = await world.otherReviewer.api.get(`${world.base}/threads/${thread.id}`);
    expect(one.status).toBe(200);
    // Every group here has one member: with k = 5 they are pooled, and the label names none.
    expect(one.body.author).toEqual({
      label: 'Other stakeholders',
      scope: 'pool',
      group: null,
      isYou: false,
      timePrecision: 'hour',
    });
  });

  it('accepts general input (no question) and stores text exactly as typed', async () => {
    const body = '**Bold** <script>alert(1)</script>\n\n- a list';
    const created = await world.editor.api.post(`${world.base}/threads`, { questionId: null, body });
    expect(created.status).toBe(201);
    expect(created.body.questionId).toBeNull();
    expect(created.body.comments[0].body).toBe(body);
  });

  it('anchors a thread to a passage, follows it through edits, says when its text changed and when it is removed', async () => {
    const anchor = await anchorFor(testApp, world, 7, 14);
    expect(anchor.quote).toBe('must pr');
    const created = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: world.questionId,
      anchor,
      body: 'This verb is too weak.',
    });
    expect(created.status).toBe(201);
    expect(created.body.anchor).toEqual({ ...anchor, isPassageRemoved: false, isPassageChanged: false });
    const passage = async () =>
      (await world.reviewer.api.get(`${world.base}/threads/${created.body.id}`)).body.anchor;

    const writer = stockClient(testApp.url, world.consultation.id, world.editor.token);
    await eventually(() => expect(writer.provider.synced).toBe(true));
    const text = (
      writer.doc.getXmlFragment(`section:${world.sectionId}`).get(0) as import('yjs').XmlElement
    ).get(0) as import('yjs').XmlText;
    text.insert(0, 'All ');
    text.insert(4 + 10, 'XYZ');
    await eventually(async () =>
      expect(await passage()).toMatchObject({ isPassageChanged: true, isPassageRemoved: false }),
    );
    // Undoing the change inside the passage makes it the quote again; the edit before it never counted.
    text.delete(4 + 10, 3);
    await eventually(async () =>
      expect(await passage()).toMatchObject({ isPassageChanged: false, isPassageRemoved: false }),
    );
    text.delete(0, 30);
    await eventually(async () =>
      expect(await passage()).toMatchObject({
        isPassageRemoved: true,
        isPassageChanged: false,
        quote: 'must pr',
      }),
    );
    writer.destroy();
  });

  it('refuses malformed and out-of-range anchors with 400 and stores nothing', async () => {
    const good = await anchorFor(testApp, world, 0, 5);
    const other = await buildConsultation(testApp, world.admin);
    const [foreignSection] = await testApp.db.sql<{ id: string }[]>`
      INSERT INTO sections (consultation_id, number, title, position) VALUES (${other.id}, '1', 'x', 0) RETURNING id`;
    const before = await counts();
    const cases: Array<[unknown, string]> = [
      [{ ...good, start: 'not base64!' }, 'body.anchor.start'],
      [{ ...good, start: 'AAAAAAAA' }, 'body.anchor.start'],
      [{ ...good, end: Buffer.from([0, 200, 1, 7, 9]).toString('base64') }, 'body.anchor.end'],
      [{ ...good, start: good.end, end: good.start }, 'body.anchor.end'],
      [{ ...good, sectionId: foreignSection!.id }, 'body.anchor.sectionId'],
      [{ ...good, quote: 'x'.repeat(1001) }, 'body.anchor.quote'],
      [{ ...good, extra: 1 }, 'body.anchor'],
    ];
    for (const [anchor, path] of cases) {
      const response = await world.reviewer.api.post(`${world.base}/threads`, {
        questionId: world.questionId,
        anchor,
        body: 'x',
      });
      expect(response.status, JSON.stringify(anchor)).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses bad bodies with one issue per field: empty, too long, control characters, unknown fields', async () => {
    const before = await counts();
    const cases: Array<[unknown, string, RegExp]> = [
      [{ questionId: world.questionId, body: '   ' }, 'body.body', /must not be empty/],
      [{ questionId: world.questionId, body: 'x'.repeat(5001) }, 'body.body', /at most 5000 characters/],
      [{ questionId: world.questionId, body: 'a\u0000b' }, 'body.body', /control characters/],
      [{ questionId: 'nope', body: 'x' }, 'body.questionId', /UUID/],
      [{ questionId: world.questionId, body: 'x', authorId: world.admin.id }, 'body', /authorId/],
      [{ body: 'x' }, 'body.questionId', /.+/],
    ];
    for (const [body, path, message] of cases) {
      const response = await world.reviewer.api.post(`${world.base}/threads`, body);
      expect(response.status).toBe(400);
      const issue = response.body.issues.find((i: { path: string }) => i.path === path);
      expect(issue?.message ?? response.body.message).toMatch(message);
    }
    const malformed = await world.reviewer.api.request('POST', `${world.base}/threads`, '{"body":', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for a guiding question of another consultation, and for unknown threads', async () => {
    const other = await buildConsultation(testApp, world.admin);
    const [question] = await testApp.db.sql<{ id: string }[]>`
      INSERT INTO guiding_questions (consultation_id, number, text) VALUES (${other.id}, 1, 'q') RETURNING id`;
    const before = await counts();
    const response = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: question!.id,
      body: 'x',
    });
    expect(response.status).toBe(404);
    expect(response.body.message).toBe('Guiding question not found');
    expect(await counts()).toEqual(before);
    const [otherThread] = await testApp.db.sql<{ id: string }[]>`
      INSERT INTO threads (consultation_id) VALUES (${other.id}) RETURNING id`;
    for (const path of [`threads/${otherThread!.id}`, `threads/00000000-0000-4000-8000-000000000000`]) {
      expect((await world.reviewer.api.get(`${world.base}/${path}`)).status).toBe(404);
      expect((await world.reviewer.api.post(`${world.base}/${path}/comments`, { body: 'x' })).status).toBe(
        404,
      );
      expect(
        (await world.editor.api.post(`${world.base}/${path}/resolve`, { outcome: 'accepted', note: '' }))
          .status,
      ).toBe(404);
    }
  });

  it('keeps observers read-only and outsiders out', async () => {
    const thread = await openThread();
    const before = await counts();
    const denied = await world.observer.api.post(`${world.base}/threads`, { questionId: null, body: 'x' });
    expect(denied.status).toBe(403);
    expect(
      (await world.observer.api.post(`${world.base}/threads/${thread.id}/comments`, { body: 'x' })).status,
    ).toBe(403);
    expect(
      (await world.observer.api.put(`${world.base}/comments/${thread.comments[0].id}/endorsement`, {}))
        .status,
    ).toBe(403);
    const outsider = await buildUser(testApp);
    const hidden = await outsider.api.get(`${world.base}/threads`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('CONSULTATION_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('refuses posting, editing and endorsing while the consultation is closed (409), still lets editors resolve', async () => {
    const closed = await buildThreadWorld(testApp, { phase: 'open' });
    const created = await closed.reviewer.api.post(`${closed.base}/threads`, {
      questionId: null,
      body: 'before closing',
    });
    await testApp.db.sql`UPDATE consultations SET phase = 'closed' WHERE id = ${closed.consultation.id}`;
    const before = await counts();
    const post = await closed.reviewer.api.post(`${closed.base}/threads`, { questionId: null, body: 'x' });
    expect(post.status).toBe(409);
    expect(post.body).toMatchObject({ code: 'PHASE_FORBIDS', message: expect.stringMatching(/closed/) });
    const commentId = created.body.comments[0].id;
    expect(
      (await closed.reviewer.api.patch(`${closed.base}/comments/${commentId}`, { body: 'y' })).status,
    ).toBe(409);
    expect(
      (await closed.otherReviewer.api.put(`${closed.base}/comments/${commentId}/endorsement`, {})).status,
    ).toBe(409);
    expect(await counts()).toEqual(before);
    const resolved = await closed.editor.api.post(`${closed.base}/threads/${created.body.id}/resolve`, {
      outcome: 'no_change_needed',
      note: 'The text already says so.',
    });
    expect(resolved.status).toBe(200);
  });

  it('lets authors edit (marked edited) and delete (tombstone) only their own comments', async () => {
    const thread = await openThread('First version');
    const commentId = thread.comments[0].id;
    for (const intruder of [world.otherReviewer, world.editor, world.admin]) {
      const edit = await intruder.api.patch(`${world.base}/comments/${commentId}`, { body: 'hijacked' });
      expect(edit.status).toBe(403);
      expect(edit.body.message).toBe('Only the author can change or delete a comment');
      expect((await intruder.api.delete(`${world.base}/comments/${commentId}`)).status).toBe(403);
    }
    const [unchanged] = await testApp.db
      .sql`SELECT body, edited_at, deleted_at FROM comments WHERE id = ${commentId}`;
    expect(unchanged).toEqual({ body: 'First version', edited_at: null, deleted_at: null });

    const edited = await world.reviewer.api.patch(`${world.base}/comments/${commentId}`, {
      body: 'Second version',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      body: 'Second version',
      isEdited: true,
      editedAt: expect.any(String),
    });
    const tooLong = await world.reviewer.api.patch(`${world.base}/comments/${commentId}`, {
      body: 'x'.repeat(5001),
    });
    expect(tooLong.status).toBe(400);

    expect((await world.reviewer.api.delete(`${world.base}/comments/${commentId}`)).status).toBe(204);
    expect((await world.reviewer.api.delete(`${world.base}/comments/${commentId}`)).status).toBe(204);
    const read = await world.otherReviewer.api.get(`${world.base}/threads/${thread.id}`);
    expect(read.body.comments[0]).toMatchObject({ body: null, isDeleted: true });
    expect(JSON.stringify(read.body)).not.toContain('Second version');
    const [stored] = await testApp.db.sql`SELECT body FROM comments WHERE id = ${commentId}`;
    expect(stored!.body).toBe('');
    const editDeleted = await world.reviewer.api.patch(`${world.base}/comments/${commentId}`, {
      body: 'again',
    });
    expect(editDeleted.status).toBe(404);
  });

  it('counts endorsements per stakeholder group; twice is harmless; never one’s own', async () => {
    const thread = await openThread('Endorse me');
    const commentId = thread.comments[0].id;
    const path = `${world.base}/comments/${commentId}/endorsement`;
    const own = await world.reviewer.api.put(path, {});
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({
      code: 'SELF_ENDORSEMENT',
      message: 'You cannot endorse your own comment',
    });
    const first = await world.otherReviewer.api.put(path, {});
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ endorsementTotal: 1, isEndorsedByYou: true });
    expect((await world.otherReviewer.api.put(path, {})).body.endorsementTotal).toBe(1);
    const second = await world.editor.api.put(path, {});
    // The editor may see names (Chatham House), so the groups are shown as they are.
    expect(second.body.endorsements).toEqual([
      {
        scope: 'group',
        groupId: world.consultation.groups['Academia / research'],
        label: 'Academia / research',
        count: 1,
      },
      { scope: 'group', groupId: world.consultation.groups[COMPANY], label: COMPANY, count: 1 },
    ]);
    const seenByAuthor = await world.reviewer.api.get(`${world.base}/threads/${thread.id}`);
    expect(seenByAuthor.body.comments[0]).toMatchObject({ endorsementTotal: 2, isEndorsedByYou: false });
    const withdrawn = await world.editor.api.delete(path);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ endorsementTotal: 1, isEndorsedByYou: false });
    expect((await world.editor.api.delete(path)).body.endorsementTotal).toBe(1);
    const unknown = await world.editor.api.put(
      `${world.base}/comments/00000000-0000-4000-8000-000000000000/endorsement`,
      {},
    );
    expect(unknown.status).toBe(404);
  });

  it('keeps the author’s group as it was when posting', async () => {
    const thread = await openThread('Posted as civil society');
    await testApp.db.sql`
      UPDATE members SET group_id = ${world.consultation.groups[COMPANY]!}
      WHERE consultation_id = ${world.consultation.id} AND user_id = ${world.reviewer.id}`;
    const reply = await world.reviewer.api.post(`${world.base}/threads/${thread.id}/comments`, {
      body: 'Now a company',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.comments.map((c: { author: { label: string } }) => c.author.label)).toEqual([
      `${CIVIL} reviewer`,
      `${COMPANY} reviewer`,
    ]);
    await testApp.db.sql`
      UPDATE members SET group_id = ${world.consultation.groups[CIVIL]!}
      WHERE consultation_id = ${world.consultation.id} AND user_id = ${world.reviewer.id}`;
  });

  it('lets editors and admins resolve with an outcome and note, and reopen; reviewers see the outcome', async () => {
    const thread = await openThread('Please add a remedy clause.');
    const path = `${world.base}/threads/${thread.id}`;
    const denied = await world.reviewer.api.post(`${path}/resolve`, { outcome: 'accepted', note: 'mine' });
    expect(denied.status).toBe(403);
    const badOutcome = await world.editor.api.post(`${path}/resolve`, { outcome: 'maybe', note: '' });
    expect(badOutcome.status).toBe(400);
    expect(badOutcome.body.issues[0].path).toBe('body.outcome');
    // Only taking input up needs no reason.
    for (const outcome of ['partly_accepted', 'not_accepted', 'no_change_needed']) {
      const unexplained = await world.editor.api.post(`${path}/resolve`, { outcome, note: '  ' });
      expect(unexplained.status, outcome).toBe(400);
      expect(unexplained.body.issues).toEqual([
        { path: 'body.note', message: 'must say why, unless the input is taken up', code: 'reasonRequired' },
      ]);
    }
    expect((await world.reviewer.api.get(path)).body.status).toBe('open');

    const resolved = await world.editor.api.post(`${path}/resolve`, {
      outcome: 'partly_accepted',
      note: 'Added in 2.1',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolution).toMatchObject({
      outcome: 'partly_accepted',
      note: 'Added in 2.1',
      resolver: { label: 'Academia / research editor', isYou: true },
    });
    const again = await world.admin.api.post(`${path}/resolve`, { outcome: 'accepted', note: '' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('THREAD_STATUS');
    const reply = await world.reviewer.api.post(`${path}/comments`, { body: 'late' });
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('THREAD_RESOLVED');

    const seen = await world.reviewer.api.get(path);
    expect(seen.body).toMatchObject({
      status: 'resolved',
      resolution: { outcome: 'partly_accepted', note: 'Added in 2.1' },
    });
    expect(seen.body.resolution.resolver).not.toHaveProperty('name');

    expect((await world.reviewer.api.post(`${path}/reopen`)).status).toBe(403);
    const reopened = await world.admin.api.post(`${path}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', resolution: null });
    expect((await world.admin.api.post(`${path}/reopen`)).body.code).toBe('THREAD_STATUS');
  });

  it('filters by status, question, section and group, validates filters and orders oldest first', async () => {
    const fresh = await buildThreadWorld(testApp);
    const anchor = await anchorFor(testApp, fresh, 0, 6);
    const a = await fresh.reviewer.api.post(`${fresh.base}/threads`, {
      questionId: fresh.questionId,
      anchor,
      body: 'a',
    });
    const b = await fresh.otherReviewer.api.post(`${fresh.base}/threads`, { questionId: null, body: 'b' });
    const c = await fresh.reviewer.api.post(`${fresh.base}/threads`, {
      questionId: fresh.questionId,
      body: 'c',
    });
    await fresh.editor.api.post(`${fresh.base}/threads/${c.body.id}/resolve`, {
      outcome: 'accepted',
      note: '',
    });
    const ids = async (query: string) =>
      (await fresh.observer.api.get(`${fresh.base}/threads${query}`)).body.map((t: { id: string }) => t.id);
    expect(await ids('')).toEqual([a.body.id, b.body.id, c.body.id]);
    expect(await ids('?status=open')).toEqual([a.body.id, b.body.id]);
    expect(await ids('?status=resolved')).toEqual([c.body.id]);
    expect(await ids(`?questionId=${fresh.questionId}`)).toEqual([a.body.id, c.body.id]);
    expect(await ids('?questionId=general')).toEqual([b.body.id]);
    expect(await ids(`?sectionId=${fresh.sectionId}`)).toEqual([a.body.id]);
    // The group filter follows the labels the caller sees: the observer sees every group pooled.
    expect(await ids(`?groupId=${fresh.consultation.groups[COMPANY]}`)).toEqual([]);
    expect(await ids('?groupId=other')).toEqual([a.body.id, b.body.id, c.body.id]);
    const asEditor = await fresh.editor.api.get(
      `${fresh.base}/threads?groupId=${fresh.consultation.groups[COMPANY]}`,
    );
    expect(asEditor.body.map((t: { id: string }) => t.id)).toEqual([b.body.id]);
    for (const query of ['?status=pending', '?questionId=12', '?sectionId=x', '?groupId=1', '?author=me']) {
      const response = await fresh.observer.api.get(`${fresh.base}/threads${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
    const summary = await fresh.observer.api.get(`${fresh.base}/questions/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual(
      expect.arrayContaining([
        { questionId: fresh.questionId, open: 1, resolved: 1, total: 2 },
        { questionId: null, open: 1, resolved: 0, total: 1 },
      ]),
    );
    expect(summary.body).toHaveLength(2);
  });
});
