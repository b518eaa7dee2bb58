import { CLOSE_CODES, EVENTS_PATH } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { buildThreadWorld, type ThreadWorld } from '../../test/thread-fixtures.js';
import { eventually, RawClient } from '../../test/ws-clients.js';
import { EventsService } from './events.service.js';

const frames = (client: RawClient) => client.messages.map((message) => new TextDecoder().decode(message));

describe.each(BACKENDS)('live thread events on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;
  let path: string;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
    world = await buildThreadWorld(testApp);
    path = `${EVENTS_PATH}/${world.consultation.id}`;
  });
  afterAll(() => testApp.close());

  async function connect(token: string) {
    const client = new RawClient(testApp.url, path, { token });
    await client.opened;
    // A pong proves admission is complete: pings are answered only once the socket listens.
    client.send('ping');
    await eventually(() => expect(frames(client)).toEqual(['pong']));
    client.messages.length = 0;
    return client;
  }

  it('shows a new thread to another member within a second', async () => {
    const watcher = await connect(world.otherReviewer.token);
    const started = Date.now();
    const created = await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: null,
      body: 'Live!',
    });
    await eventually(() => expect(watcher.messages.length).toBe(1), 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    const event = JSON.parse(frames(watcher)[0]!);
    expect(event).toMatchObject({
      type: 'thread.created',
      consultationId: world.consultation.id,
      thread: { id: created.body.id, author: { isYou: false }, comments: [{ body: 'Live!' }] },
    });
    watcher.close();
  });

  it('answers pings and closes with 4400 on anything else, without touching stored input', async () => {
    const client = await connect(world.reviewer.token);
    expect(testApp.app.get(EventsService).listenerCount(world.consultation.id)).toBeGreaterThan(0);
    client.send(JSON.stringify({ type: 'thread.created', thread: {} }));
    expect((await client.waitClosed()).code).toBe(CLOSE_CODES.BAD_MESSAGE);
    const binary = await connect(world.reviewer.token);
    binary.send(new Uint8Array([1, 2, 3]));
    expect((await binary.waitClosed()).code).toBe(CLOSE_CODES.BAD_MESSAGE);
    const huge = await connect(world.reviewer.token);
    huge.send('x'.repeat(10_000));
    expect((await huge.waitClosed()).code).toBe(CLOSE_CODES.MESSAGE_TOO_BIG);
  });

  it('admits only signed-in members from allowed origins', async () => {
    const outsider = await buildUser(testApp);
    const cases: Array<[RawClient, number]> = [
      [new RawClient(testApp.url, path), CLOSE_CODES.UNAUTHENTICATED],
      [new RawClient(testApp.url, path, { token: 'forged' }), CLOSE_CODES.UNAUTHENTICATED],
      [new RawClient(testApp.url, path, { token: outsider.token }), CLOSE_CODES.NOT_FOUND],
      [
        new RawClient(testApp.url, `${EVENTS_PATH}/not-a-uuid`, { token: world.reviewer.token }),
        CLOSE_CODES.NOT_FOUND,
      ],
      [
        new RawClient(testApp.url, path, { token: world.reviewer.token, origin: 'https://evil.example' }),
        CLOSE_CODES.FORBIDDEN_ORIGIN,
      ],
    ];
    for (const [client, code] of cases) expect((await client.waitClosed()).code).toBe(code);
  });

  it('stops sending to a member who was removed or signed out', async () => {
    const removed = await buildUser(testApp);
    await testApp.db.sql`
      INSERT INTO members (consultation_id, user_id, role, group_id)
      VALUES (${world.consultation.id}, ${removed.id}, 'reviewer', ${world.consultation.groups['Other']!})`;
    const client = await connect(removed.token);
    const signedOut = await buildUser(testApp);
    await testApp.db.sql`
      INSERT INTO members (consultation_id, user_id, role, group_id)
      VALUES (${world.consultation.id}, ${signedOut.id}, 'observer', ${world.consultation.groups['Other']!})`;
    const leaving = await connect(signedOut.token);
    await testApp.db.sql`DELETE FROM members WHERE user_id = ${removed.id}`;
    await signedOut.api.post('/api/auth/logout');
    await world.reviewer.api.post(`${world.base}/threads`, {
      questionId: null,
      body: 'Secret after removal',
    });
    expect((await client.waitClosed()).code).toBe(CLOSE_CODES.NOT_FOUND);
    expect((await leaving.waitClosed()).code).toBe(CLOSE_CODES.UNAUTHENTICATED);
    expect(frames(client).join('')).not.toContain('Secret after removal');
    expect(frames(leaving).join('')).not.toContain('Secret after removal');
  });
});
