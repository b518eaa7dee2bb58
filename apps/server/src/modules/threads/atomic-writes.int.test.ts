import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { refuseInserts } from '../../test/database-failures.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { buildThreadWorld, type ThreadWorld } from '../../test/thread-fixtures.js';

describe.each(BACKENDS)('thread writes with their notification on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
    world = await buildThreadWorld(testApp);
  });
  afterAll(() => testApp.close());

  const openThread = async () => {
    const opened = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: null,
      body: 'Opening',
    });
    expect(opened.status).toBe(201);
    return opened.body.id as string;
  };
  const count = async (table: 'comments' | 'notifications', threadId: string) =>
    (
      await testApp.db.sql<{ count: number }[]>`
      SELECT count(*) AS count FROM ${testApp.db.sql(table)} WHERE thread_id = ${threadId}`
    )[0]!.count;

  it('stores no reply when its notification cannot be written, and one when retried', async () => {
    const threadId = await openThread();
    const path = `${world.base}/threads/${threadId}/comments`;
    const failure = await refuseInserts(testApp, 'notifications');
    try {
      const failed = await world.otherReviewer.api.post(path, { body: 'A reply that must not half-exist' });
      expect(failed.status).toBe(500);
      expect(failed.body.code).toBe('INTERNAL');
      expect(await count('comments', threadId)).toBe(1);
    } finally {
      await failure.restore();
    }
    const retried = await world.otherReviewer.api.post(path, { body: 'A reply that must not half-exist' });
    expect(retried.status).toBe(201);
    expect(await count('comments', threadId)).toBe(2);
    expect(await count('notifications', threadId)).toBe(1);
  });

  it('leaves the thread open when the resolution cannot be notified', async () => {
    const threadId = await openThread();
    const path = `${world.base}/threads/${threadId}/resolve`;
    const resolution = { outcome: 'accepted', note: 'Taken into the draft.' };
    const failure = await refuseInserts(testApp, 'notifications');
    try {
      expect((await world.editor.api.post(path, resolution)).status).toBe(500);
      expect((await world.editor.api.get(`${world.base}/threads/${threadId}`)).body.status).toBe('open');
    } finally {
      await failure.restore();
    }
    const retried = await world.editor.api.post(path, resolution);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('resolved');
    expect(await count('notifications', threadId)).toBe(1);
  });
});

// PGlite serves one connection, so two writes never interleave there; the race needs Postgres.
describe.skipIf(!process.env.TEST_DATABASE_URL)('a reply racing a resolve on postgres', () => {
  let testApp: TestApp;
  let world: ThreadWorld;

  beforeAll(async () => {
    testApp = await startTestApp('postgres', { COMMENT_RATE_LIMIT: '1000' });
    world = await buildThreadWorld(testApp);
  });
  afterAll(() => testApp.close());

  /** Whether a statement matching `pattern` is waiting for a lock right now. */
  const isWaiting = async (pattern: string) =>
    (
      await testApp.db.sql`
        SELECT 1 FROM pg_stat_activity
        WHERE wait_event_type = 'Lock' AND query ILIKE ${pattern} AND pid <> pg_backend_pid()`
    ).length > 0;

  it('never stores a reply after the resolution it raced', async () => {
    const opened = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: null,
      body: 'Opening',
    });
    const threadPath = `${world.base}/threads/${opened.body.id}`;

    // Hold every comment insert, so the reply stops after its status check.
    const blocker = await testApp.db.sql.reserve();
    await blocker`BEGIN`;
    await blocker`LOCK TABLE comments IN SHARE MODE`;
    const reply = world.otherReviewer.api.post(`${threadPath}/comments`, { body: 'Posted while resolving' });
    await vi.waitFor(async () => expect(await isWaiting('%INSERT INTO comments%')).toBe(true));

    // The resolve comes now; it must wait for the reply in flight rather than overtake it.
    let isResolveAnswered = false;
    const resolve = world.editor.api
      .post(`${threadPath}/resolve`, { outcome: 'accepted', note: 'Done.' })
      .finally(() => (isResolveAnswered = true));
    await vi.waitFor(async () => {
      expect(isResolveAnswered || (await isWaiting('%FROM threads%FOR UPDATE%'))).toBe(true);
    });
    await blocker`COMMIT`;
    blocker.release();

    const [replied, resolved] = await Promise.all([reply, resolve]);
    expect(replied.status).toBe(201);
    expect(resolved.status).toBe(200);
    // The editor resolved what was there: the answer holds the reply, timed before the resolution.
    expect(resolved.body.comments.map((comment: { body: string }) => comment.body)).toContain(
      'Posted while resolving',
    );
    const thread = (await world.editor.api.get(threadPath)).body;
    const resolvedAt = Date.parse(thread.resolution.resolvedAt);
    for (const comment of thread.comments) expect(Date.parse(comment.createdAt)).toBeLessThan(resolvedAt);
  });
});
