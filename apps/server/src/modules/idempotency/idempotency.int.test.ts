import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseInserts } from '../../test/database-failures.js';
import { buildUser, type TestUser } from '../../test/factories.js';
import type { ApiResponse } from '../../test/http-client.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { buildThreadWorld, CIVIL, type ThreadWorld } from '../../test/thread-fixtures.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';

const post = (user: TestUser, path: string, body: unknown, key: string): Promise<ApiResponse> =>
  user.api.request('POST', path, body, { 'idempotency-key': key });

const isReplayed = (answer: ApiResponse) => answer.headers.get('idempotent-replayed') === 'true';

describe.each(BACKENDS)('Idempotency-Key on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
    world = await buildThreadWorld(testApp);
  });
  afterAll(() => testApp.close());

  const count = async (table: string, column: string, value: string) =>
    (
      await testApp.db.sql<{ count: number }[]>`
        SELECT count(*) AS count FROM ${testApp.db.sql(table)} WHERE ${testApp.db.sql(column)} = ${value}`
    )[0]!.count;

  const openThread = async () => {
    const opened = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: null,
      body: 'Opening',
    });
    expect(opened.status).toBe(201);
    return { id: opened.body.id as string, path: `${world.base}/threads/${opened.body.id}` };
  };

  it('stores one reply however often it is retried, also after a first attempt that failed', async () => {
    const thread = await openThread();
    const key = randomUUID();
    const reply = { body: 'Remedies must reach affected communities.' };

    const failure = await refuseInserts(testApp, 'notifications');
    try {
      expect((await post(world.otherReviewer, `${thread.path}/comments`, reply, key)).status).toBe(500);
    } finally {
      await failure.restore();
    }
    expect(await count('comments', 'thread_id', thread.id)).toBe(1);

    const stored = await post(world.otherReviewer, `${thread.path}/comments`, reply, key);
    expect(stored.status).toBe(201);
    expect(isReplayed(stored)).toBe(false);
    const retried = await post(world.otherReviewer, `${thread.path}/comments`, reply, key);
    expect(retried.status).toBe(201);
    expect(isReplayed(retried)).toBe(true);
    expect(retried.body.id).toBe(thread.id);
    expect(retried.body.comments.map((comment: { id: string }) => comment.id)).toEqual(
      stored.body.comments.map((comment: { id: string }) => comment.id),
    );
    expect(await count('comments', 'thread_id', thread.id)).toBe(2);
    expect(await count('notifications', 'thread_id', thread.id)).toBe(1);
  });

  it('refuses the key used again for another body or another route, and keeps keys per person', async () => {
    const thread = await openThread();
    const key = randomUUID();
    const path = `${thread.path}/comments`;
    expect((await post(world.otherReviewer, path, { body: 'First words' }, key)).status).toBe(201);

    for (const [reusedPath, body] of [
      [path, { body: 'Other words' }],
      [`${world.base}/threads`, { questionId: null, body: 'First words' }],
    ] as const) {
      const reused = await post(world.otherReviewer, reusedPath, body, key);
      expect(reused.status).toBe(422);
      expect(reused.body).toEqual({
        statusCode: 422,
        code: 'IDEMPOTENCY_KEY_REUSED',
        message: expect.stringMatching(/different request/),
      });
    }
    // The same fields in another order are the same request.
    const threadKey = randomUUID();
    const opened = await post(
      world.otherReviewer,
      `${world.base}/threads`,
      { questionId: null, body: 'Hi' },
      threadKey,
    );
    const reordered = await world.otherReviewer.api.request(
      'POST',
      `${world.base}/threads`,
      '{"body":"Hi","questionId":null}',
      {
        'content-type': 'application/json',
        'idempotency-key': threadKey,
      },
    );
    expect(isReplayed(reordered)).toBe(true);
    expect(reordered.body.id).toBe(opened.body.id);

    const someoneElse = await post(world.reviewer, path, { body: 'First words' }, key);
    expect(someoneElse.status).toBe(201);
    expect(isReplayed(someoneElse)).toBe(false);
    expect(await count('comments', 'thread_id', thread.id)).toBe(3);
  });

  it('creates one comment for concurrent requests with one key', async () => {
    const thread = await openThread();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        post(world.otherReviewer, `${thread.path}/comments`, { body: 'Sent six times at once' }, key),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
    expect(answers.filter((answer) => !isReplayed(answer))).toHaveLength(1);
    expect(await count('comments', 'thread_id', thread.id)).toBe(2);
  });

  it('answers a retry of every creating route with what the first request created', async () => {
    const organiser = await buildUser(testApp, { isOrganiser: true });
    const thread = await openThread();
    const cases: { name: string; user: TestUser; path: string; body: object; table: string }[] = [
      {
        name: 'thread',
        user: world.reviewer,
        path: `${world.base}/threads`,
        body: { questionId: world.questionId, body: 'A new thread' },
        table: 'threads',
      },
      {
        name: 'resolution',
        user: world.editor,
        path: `${thread.path}/resolve`,
        body: { outcome: 'accepted', note: 'In the draft.' },
        table: 'threads',
      },
      {
        name: 'consultation',
        user: organiser,
        path: '/api/consultations',
        body: { title: 'Smart mix review' },
        table: 'consultations',
      },
      {
        name: 'version',
        user: world.editor,
        path: `${world.base}/versions`,
        body: { name: 'Draft for consultation' },
        table: 'paper_versions',
      },
      {
        name: 'section',
        user: world.admin,
        path: `${world.base}/sections`,
        body: { title: 'Remedies' },
        table: 'sections',
      },
      {
        name: 'agenda session',
        user: world.admin,
        path: `${world.base}/sessions`,
        body: { title: 'Scoping', startsAt: '2026-03-02T09:00', endsAt: '2026-03-02T10:30' },
        table: 'agenda_sessions',
      },
      {
        name: 'guiding question',
        user: world.admin,
        path: `${world.base}/questions`,
        body: { text: 'Which remedies are missing?' },
        table: 'guiding_questions',
      },
      {
        name: 'stakeholder group',
        user: world.admin,
        path: `${world.base}/groups`,
        body: { name: 'Trade unions' },
        table: 'stakeholder_groups',
      },
    ];
    for (const { name, user, path, body, table } of cases) {
      const key = randomUUID();
      const first = await post(user, path, body, key);
      expect([200, 201], name).toContain(first.status);
      const again = await post(user, path, body, key);
      expect(again.status, name).toBe(first.status);
      expect(isReplayed(again), name).toBe(true);
      expect(again.body.id, name).toBe(first.body.id);
      expect(await count(table, 'id', first.body.id), name).toBe(1);
    }
    expect(await count('notifications', 'thread_id', thread.id)).toBe(1);
  });

  it('answers a retried invitation with the same invitation and a new link, the old one void', async () => {
    const path = `${world.base}/invitations`;
    const body = { role: 'reviewer', groupId: world.consultation.groups[CIVIL] };
    const key = randomUUID();
    const first = await post(world.admin, path, body, key);
    expect(first.status).toBe(201);
    const again = await post(world.admin, path, body, key);
    expect(again.status).toBe(201);
    expect(isReplayed(again)).toBe(true);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.token).not.toBe(first.body.token);
    expect(await count('invitations', 'consultation_id', world.consultation.id)).toBe(1);
    expect((await world.admin.api.get(`/api/invitations/${first.body.token}`)).status).toBe(404);
    expect((await world.admin.api.get(`/api/invitations/${again.body.token}`)).body.status).toBe('pending');

    // Once used, the invitation cannot be shown again.
    const invitee = await buildUser(testApp);
    expect((await invitee.api.post(`/api/invitations/${again.body.token}/accept`)).status).toBe(200);
    const late = await post(world.admin, path, body, key);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CONFLICT');
  });

  it('refuses malformed keys with 400 and stores nothing', async () => {
    const thread = await openThread();
    for (const key of ['short', 'has a space in it', 'x'.repeat(129), 'semi;colon-key']) {
      const answer = await post(world.otherReviewer, `${thread.path}/comments`, { body: 'Hello' }, key);
      expect(answer.status, key).toBe(400);
      expect(answer.body.issues).toEqual([
        { path: 'headers.idempotency-key', message: expect.any(String), code: 'invalidFormat' },
      ]);
    }
    expect(await count('comments', 'thread_id', thread.id)).toBe(1);
  });

  it('forgets a key after 24 hours, and the hourly sweep removes it', async () => {
    const thread = await openThread();
    const key = randomUUID();
    const path = `${thread.path}/comments`;
    expect((await post(world.otherReviewer, path, { body: 'Once' }, key)).status).toBe(201);
    await testApp.db.sql`
      UPDATE idempotency_keys SET expires_at = now() - interval '1 second'
      WHERE user_id = ${world.otherReviewer.id} AND key = ${key}`;
    const later = await post(world.otherReviewer, path, { body: 'Once' }, key);
    expect(isReplayed(later)).toBe(false);
    expect(await count('comments', 'thread_id', thread.id)).toBe(3);

    await testApp.db
      .sql`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = ${key}`;
    await testApp.app.get(IdempotencyKeysRepository).sweep();
    expect(await count('idempotency_keys', 'key', key)).toBe(0);
  });

  it('documents the header on every creating route', async () => {
    const document = (await world.admin.api.get('/api/docs-json')).body;
    const routes = [
      '/api/consultations',
      '/api/consultations/{consultationId}/threads',
      '/api/consultations/{consultationId}/threads/{threadId}/comments',
      '/api/consultations/{consultationId}/threads/{threadId}/resolve',
      '/api/consultations/{consultationId}/invitations',
      '/api/consultations/{consultationId}/versions',
      '/api/consultations/{consultationId}/sections',
      '/api/consultations/{consultationId}/sessions',
      '/api/consultations/{consultationId}/questions',
      '/api/consultations/{consultationId}/groups',
    ];
    for (const route of routes) {
      const parameters = document.paths[route].post.parameters as { name: string; in: string }[];
      expect(parameters, route).toContainEqual(
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
      );
    }
  });
});
