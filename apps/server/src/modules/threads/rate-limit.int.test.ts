import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRateLimited } from '../../test/rate-limits.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { buildThreadWorld, type ThreadWorld } from '../../test/thread-fixtures.js';

describe.each(BACKENDS)('posting rate limit on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '3' });
    world = await buildThreadWorld(testApp);
  });
  afterAll(() => testApp.close());

  const storedComments = async () =>
    (await testApp.db.sql<{ count: number }[]>`SELECT count(*) AS count FROM comments`)[0]!.count;

  it('allows COMMENT_RATE_LIMIT threads and replies a minute per member, then 429 with Retry-After', async () => {
    const first = await world.reviewer.api.post(`${world.base}/threads`, { questionId: null, body: 'one' });
    expect(first.status).toBe(201);
    const threadPath = `${world.base}/threads/${first.body.id}`;
    expect((await world.reviewer.api.post(`${threadPath}/comments`, { body: 'two' })).status).toBe(201);
    expect(
      (await world.reviewer.api.post(`${world.base}/threads`, { questionId: null, body: 'three' })).status,
    ).toBe(201);
    const before = await storedComments();
    for (const attempt of [
      world.reviewer.api.post(`${world.base}/threads`, { questionId: null, body: 'four' }),
      world.reviewer.api.post(`${threadPath}/comments`, { body: 'four' }),
    ]) {
      const refused = await attempt;
      expectRateLimited(refused, { min: 1, max: 60 });
      expect(refused.body.message).toMatch(/at most 3 a minute/);
    }
    expect(await storedComments()).toBe(before);

    // The budget is per member, and reading or editing is not limited.
    expect((await world.otherReviewer.api.post(`${threadPath}/comments`, { body: 'mine' })).status).toBe(201);
    expect((await world.reviewer.api.get(`${world.base}/threads`)).status).toBe(200);
    const edit = await world.reviewer.api.patch(`${world.base}/comments/${first.body.comments[0].id}`, {
      body: 'one, edited',
    });
    expect(edit.status).toBe(200);
  });
});
