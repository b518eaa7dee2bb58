import type { Thread } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { anchorFor, buildThreadWorld, SECTION_TEXT, type ThreadWorld } from '../../test/thread-fixtures.js';
import { eventually, roundTrip, stockClient } from '../../test/ws-clients.js';

/** Well-formed suggestion ids (22 base64url characters). */
const INSERTION = 'rosaInsertion000000000';
const DELETION = 'rosaDeletion0000000000';
const UNKNOWN = 'unknownSuggestion00000';
const INSERTED = 'In every case, ';

describe.each(BACKENDS)('threads on suggested changes on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;
  let secondQuestionId: string;

  async function questionOf(suggestionId: string): Promise<string | null | undefined> {
    const [row] = await testApp.db.sql<{ question_id: string | null }[]>`
      SELECT question_id FROM paper_suggestions
      WHERE consultation_id = ${world.consultation.id} AND suggestion_id = ${suggestionId}`;
    return row?.question_id;
  }

  async function threadCount(): Promise<number> {
    const [row] = await testApp.db.sql<{ count: number }[]>`SELECT count(*)::int AS count FROM threads`;
    return row!.count;
  }

  /** An anchor on the inserted text, quoted as the editor shows it. */
  async function insertionAnchor() {
    return { ...(await anchorFor(testApp, world, 0, INSERTED.length)), quote: INSERTED.trim() };
  }

  /** A thread on the inserted text, by `user`, answering `questionId`. */
  async function commentOnInsertion(user: TestUser, questionId: string | null, body: string) {
    return user.api.post(`${world.base}/threads`, {
      questionId,
      anchor: await insertionAnchor(),
      suggestionId: INSERTION,
      body,
    });
  }

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
    world = await buildThreadWorld(testApp);
    const [question] = await testApp.db.sql<{ id: string }[]>`
      INSERT INTO guiding_questions (consultation_id, number, text)
      VALUES (${world.consultation.id}, 2, 'Which remedies should be available?') RETURNING id`;
    secondQuestionId = question!.id;
    expect((await world.admin.api.patch(world.base, { textChanges: 'suggest' })).status).toBe(200);

    // The reviewer suggests an insertion at the start and the deletion of "must".
    const suggester = stockClient(testApp.url, world.consultation.id, world.reviewer.token);
    await eventually(() => expect(suggester.provider.synced).toBe(true));
    const text = (suggester.doc.getXmlFragment(`section:${world.sectionId}`).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    text.insert(0, INSERTED, { insertion: { id: INSERTION } });
    text.format(INSERTED.length + SECTION_TEXT.indexOf('must'), 'must'.length, {
      deletion: { id: DELETION },
    });
    await roundTrip(suggester.provider);
    await eventually(async () => {
      expect(await questionOf(INSERTION)).toBeNull();
      expect(await questionOf(DELETION)).toBeNull();
    });
    suggester.destroy();
  });
  afterAll(() => testApp.close());

  it('opens a thread on another member’s suggestion, anchored to the suggested passage, and lists it with the suggestion', async () => {
    const created = await commentOnInsertion(world.otherReviewer, world.questionId, 'Why in every case?');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      suggestionId: INSERTION,
      questionId: world.questionId,
      anchor: {
        sectionId: world.sectionId,
        quote: INSERTED.trim(),
        isPassageRemoved: false,
        isPassageChanged: false,
      },
      author: { isYou: true },
    });
    // Only the suggestion's author tells which question it answers.
    expect(await questionOf(INSERTION)).toBeNull();

    const listed = await world.observer.api.get(`${world.base}/threads`);
    const byId = new Map((listed.body as Thread[]).map((thread) => [thread.id, thread]));
    expect(byId.get(created.body.id)?.suggestionId).toBe(INSERTION);
    const plain = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: null,
      body: 'General',
    });
    expect(plain.body.suggestionId).toBeNull();
  });

  it('records the question of the author’s first thread on their suggestion that names one, and only that', async () => {
    expect((await commentOnInsertion(world.reviewer, null, 'Context for my suggestion')).status).toBe(201);
    expect(await questionOf(INSERTION)).toBeNull();
    expect((await commentOnInsertion(world.reviewer, world.questionId, 'It answers question 1')).status).toBe(
      201,
    );
    expect(await questionOf(INSERTION)).toBe(world.questionId);
    expect((await commentOnInsertion(world.reviewer, secondQuestionId, 'And question 2')).status).toBe(201);
    expect(await questionOf(INSERTION)).toBe(world.questionId);
    // Another suggestion of theirs is not touched.
    expect(await questionOf(DELETION)).toBeNull();
  });

  it('refuses an unknown suggestion (404), a malformed id or one without its passage (400), and observers (403), storing nothing', async () => {
    const anchor = await insertionAnchor();
    const post = (user: TestUser, body: object) =>
      user.api.post(`${world.base}/threads`, { questionId: world.questionId, body: 'x', ...body });
    const before = await threadCount();

    const unknown = await post(world.reviewer, { anchor, suggestionId: UNKNOWN });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('Suggestion not found');
    for (const [body, path] of [
      [{ anchor, suggestionId: 'not a suggestion id' }, 'body.suggestionId'],
      [{ anchor, suggestionId: `${INSERTION}0` }, 'body.suggestionId'],
      [{ suggestionId: INSERTION }, 'body.anchor'],
      [{ anchor: null, suggestionId: INSERTION }, 'body.anchor'],
    ] as const) {
      const refused = await post(world.reviewer, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.issues.map((issue: { path: string }) => issue.path)).toContain(path);
    }
    expect((await post(world.observer, { anchor, suggestionId: INSERTION })).status).toBe(403);
    expect(await threadCount()).toBe(before);
  });

  it('holds a thread to the suggestion’s section as recorded, and takes the anchor’s where none is', async () => {
    const [other] = await testApp.db.sql<{ id: string }[]>`
      INSERT INTO sections (consultation_id, number, title, position)
      VALUES (${world.consultation.id}, '2', 'Access to remedy', 1) RETURNING id`;
    const post = (suggestionId: string, anchor: object) =>
      world.otherReviewer.api.post(`${world.base}/threads`, {
        questionId: null,
        anchor,
        suggestionId,
        body: 'On this change',
      });
    const wrongSection = [
      { path: 'body.anchor.sectionId', message: 'must be the section of the suggestion', code: 'invalid' },
    ];

    // Made in the first section: a thread on it in the second is refused.
    const elsewhere = await post(INSERTION, { ...(await insertionAnchor()), sectionId: other!.id });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.issues).toEqual(wrongSection);

    // Decided in the second section: held to that one.
    const decided = await world.admin.api.post(`${world.base}/paper/suggestions/decisions`, {
      sectionId: other!.id,
      suggestionIds: [DELETION],
      outcome: 'rejected',
      reason: 'The agreed wording stays',
    });
    expect(decided.status).toBe(200);
    const start = INSERTED.length + SECTION_TEXT.indexOf('must');
    const onDeletion = { ...(await anchorFor(testApp, world, start, start + 'must'.length)), quote: 'must' };
    const refused = await post(DELETION, onDeletion);
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual(wrongSection);

    // A record kept without its section (made before sections were recorded): the anchor's is taken.
    await testApp.db.sql`
      UPDATE paper_suggestions SET section_id = NULL
      WHERE consultation_id = ${world.consultation.id} AND suggestion_id = ${INSERTION}`;
    expect((await post(INSERTION, await insertionAnchor())).status).toBe(201);
  });

  it('names the suggestion in answers, and nobody behind it', async () => {
    const created = await commentOnInsertion(world.reviewer, null, 'Seen by all');
    const threads = async (user: TestUser) =>
      JSON.stringify([
        (await user.api.get(`${world.base}/threads/${created.body.id}`)).body,
        (await user.api.get(`${world.base}/threads?sectionId=${world.sectionId}`)).body,
      ]);
    const byObserver = await threads(world.observer);
    const byOtherReviewer = await threads(world.otherReviewer);
    expect(byObserver).toContain(INSERTION);
    const secrets = (person: TestUser) => [person.id, person.name, person.email];
    for (const secret of [...secrets(world.reviewer), ...secrets(world.otherReviewer)])
      expect(byObserver).not.toContain(secret);
    for (const secret of secrets(world.reviewer)) expect(byOtherReviewer).not.toContain(secret);
  });

  it('documents the suggestion in the thread routes’ OpenAPI schemas', async () => {
    const docs = (await world.observer.api.get('/api/docs-json')).body;
    const route = docs.paths['/api/consultations/{consultationId}/threads'].post;
    expect(Object.keys(route.requestBody.content['application/json'].schema.properties)).toContain(
      'suggestionId',
    );
    expect(route.responses['201'].content['application/json'].schema.required).toContain('suggestionId');
  });
});

describe.each(BACKENDS)('a thread on a suggestion typed a moment ago, on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;

  // Edits wait the longest group commit window: the suggestion is in the paper a while before it is stored.
  beforeAll(async () => {
    testApp = await startTestApp(backend, { COLLAB_FLUSH_MS: '1000' });
    world = await buildThreadWorld(testApp);
    expect((await world.admin.api.patch(world.base, { textChanges: 'suggest' })).status).toBe(200);
  });
  afterAll(() => testApp.close());

  it('waits for the suggestion to be stored instead of answering 404', async () => {
    const suggester = stockClient(testApp.url, world.consultation.id, world.reviewer.token);
    await eventually(() => expect(suggester.provider.synced).toBe(true));
    const text = (suggester.doc.getXmlFragment(`section:${world.sectionId}`).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    text.insert(0, INSERTED, { insertion: { id: INSERTION } });
    await roundTrip(suggester.provider);
    const created = await world.otherReviewer.api.post(`${world.base}/threads`, {
      questionId: null,
      anchor: { ...(await anchorFor(testApp, world, 0, INSERTED.length)), quote: INSERTED.trim() },
      suggestionId: INSERTION,
      body: 'Why in every case?',
    });
    expect(created.status).toBe(201);
    expect(created.body.suggestionId).toBe(INSERTION);
    suggester.destroy();
  });
});
