import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { buildThreadWorld, type ThreadWorld } from '../../test/thread-fixtures.js';

describe.each(BACKENDS)('notifications on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;
  let path: string;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
    world = await buildThreadWorld(testApp);
    path = `${world.base}/notifications`;
  });
  afterAll(() => testApp.close());

  it('tells the opener about replies and the resolution, never who (Chatham House), and nobody else', async () => {
    const opened = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: world.questionId,
      body: 'Mine',
    });
    const threadPath = `${world.base}/threads/${opened.body.id}`;
    await world.reviewer.api.post(`${threadPath}/comments`, { body: 'Replying to myself' });
    expect((await world.reviewer.api.get(path)).body).toEqual([]);

    await world.otherReviewer.api.post(`${threadPath}/comments`, { body: 'A reply' });
    await world.editor.api.post(`${threadPath}/resolve`, { outcome: 'accepted', note: 'Done' });
    const response = await world.reviewer.api.get(path);
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      {
        id: expect.any(String),
        kind: 'resolution',
        threadId: opened.body.id,
        questionId: world.questionId,
        commentId: null,
        // Every group has one member: with k = 5 the label names none of them.
        actor: {
          label: 'Other stakeholders',
          scope: 'pool',
          group: null,
          isYou: false,
          timePrecision: 'hour',
        },
        note: null,
        attributionMode: null,
        phase: null,
        dueAt: null,
        session: null,
        createdAt: expect.stringMatching(/T\d{2}:00:00\.000Z$/),
        isRead: false,
      },
      expect.objectContaining({
        kind: 'reply',
        actor: expect.objectContaining({ label: 'Other stakeholders', group: null }),
      }),
    ]);
    const raw = JSON.stringify(response.body);
    for (const other of [world.otherReviewer, world.editor, world.admin]) {
      expect(raw).not.toContain(other.id);
      expect(raw).not.toContain(other.name);
      expect(raw).not.toContain(other.email);
    }
    for (const bystander of [world.otherReviewer, world.editor, world.observer])
      expect((await bystander.api.get(path)).body).toEqual([]);
  });

  it('marks only the caller’s own notifications read, one by one or all at once', async () => {
    const opened = await world.otherReviewer.api.post(`${world.base}/threads`, {
      questionId: null,
      body: 'Theirs',
    });
    await world.reviewer.api.post(`${world.base}/threads/${opened.body.id}/comments`, { body: 'r1' });
    await world.editor.api.post(`${world.base}/threads/${opened.body.id}/comments`, { body: 'r2' });
    const [newest, older] = (await world.otherReviewer.api.get(path)).body as Array<{ id: string }>;

    const mine = (await world.reviewer.api.get(path)).body as Array<{ id: string; isRead: boolean }>;
    expect((await world.reviewer.api.post(`${path}/read`, { ids: [newest!.id] })).status).toBe(204);
    expect((await world.otherReviewer.api.get(path)).body.every((n: { isRead: boolean }) => !n.isRead)).toBe(
      true,
    );
    expect((await world.reviewer.api.get(path)).body).toEqual(mine);

    expect((await world.otherReviewer.api.post(`${path}/read`, { ids: [older!.id] })).status).toBe(204);
    const afterOne = (await world.otherReviewer.api.get(path)).body as Array<{ id: string; isRead: boolean }>;
    expect(afterOne.map((n) => [n.id, n.isRead])).toEqual([
      [newest!.id, false],
      [older!.id, true],
    ]);
    expect((await world.otherReviewer.api.post(`${path}/read`, {})).status).toBe(204);
    expect((await world.otherReviewer.api.get(path)).body.every((n: { isRead: boolean }) => n.isRead)).toBe(
      true,
    );
  });

  it('refuses bad bodies and outsiders', async () => {
    for (const body of [{ ids: [] }, { ids: ['x'] }, { all: true }]) {
      const response = await world.reviewer.api.post(`${path}/read`, body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
    const outsider = await buildUser(testApp);
    expect((await outsider.api.get(path)).status).toBe(404);
  });
});
