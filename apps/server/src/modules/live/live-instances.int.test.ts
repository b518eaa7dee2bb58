import {
  EVENTS_PATH,
  instantToZoned,
  LIVE_CHANGED,
  type LiveChangedEvent,
  type LiveState,
  timeLeftMs,
} from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../test/http-client.js';
import { RedisServer } from '../../test/redis-server.js';
import { PROCESS_ORGANISER, processEnvironment, ServerProcess } from '../../test/server-process.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { eventually, RawClient } from '../../test/ws-clients.js';

/** An agenda item running from ten minutes ago to an hour from now, in UTC wall-clock time. */
function itemAroundNow() {
  const wallClock = (offsetMinutes: number) =>
    instantToZoned(new Date(Date.now() + offsetMinutes * 60_000), 'UTC');
  return { startsAt: wallClock(-10), endsAt: wallClock(60) };
}

interface World {
  base: string;
  organiser: ApiClient;
  reviewer: ApiClient;
  reviewerName: string;
  sessionId: string;
  questionIds: string[];
}

/**
 * An open consultation with a review session around now, its two guiding questions, and a
 * reviewer who joined from an invitation: all through the API of the instance at `url`.
 */
async function liveWorld(url: string): Promise<World> {
  const anonymous = new ApiClient(url);
  const organiser = anonymous.withToken(
    (await anonymous.post('/api/auth/login', PROCESS_ORGANISER)).body.token,
  );
  const created = await organiser.post('/api/consultations', { title: 'Live round', timezone: 'UTC' });
  expect(created.status).toBe(201);
  const base = `/api/consultations/${created.body.id}`;
  expect((await organiser.post(`${base}/phase`, { phase: 'open' })).status).toBe(200);
  const session = await organiser.post(`${base}/sessions`, { title: 'The smart mix', ...itemAroundNow() });
  expect(session.status).toBe(201);
  const questionIds: string[] = [];
  for (const text of ['What would you add?', 'Which examples should we name?']) {
    const question = await organiser.post(`${base}/questions`, { text, sessionId: session.body.id });
    questionIds.push(question.body.id);
  }
  const groupId = created.body.groups.find((group: { name: string }) => group.name.startsWith('Civil')).id;
  const invitation = await organiser.post(`${base}/invitations`, { role: 'reviewer', groupId });
  const reviewer = {
    name: 'Rita Reviewer',
    email: `rita.${created.body.id}@example.org`,
    password: 'reviewer password',
  };
  expect((await anonymous.post(`/api/invitations/${invitation.body.token}/signup`, reviewer)).status).toBe(
    202,
  );
  const login = await anonymous.post('/api/auth/login', {
    email: reviewer.email,
    password: reviewer.password,
  });
  expect(login.status).toBe(200);
  return {
    base,
    organiser,
    reviewer: anonymous.withToken(login.body.token),
    reviewerName: reviewer.name,
    sessionId: session.body.id,
    questionIds,
  };
}

/** The same members through another instance, as a load balancer would send them there. */
const on = (url: string, world: World): World => ({
  ...world,
  organiser: new ApiClient(url, world.organiser.token),
  reviewer: new ApiClient(url, world.reviewer.token),
});

/** A member's events socket on one instance, admitted (its ping answered). */
async function listen(url: string, world: World, who: 'organiser' | 'reviewer'): Promise<RawClient> {
  const consultationId = world.base.split('/').at(-1)!;
  const client = new RawClient(url, `${EVENTS_PATH}/${consultationId}`, { token: world[who].token });
  await client.opened;
  client.send('ping');
  await eventually(() => expect(client.messages.length).toBeGreaterThan(0));
  return client;
}

/** Waits until the socket has received a live state that passes `check`. */
function sees(client: RawClient, check: (state: LiveState) => boolean): Promise<LiveState> {
  return eventually(() => {
    const states = client.messages
      .map((message) => new TextDecoder().decode(message))
      .filter((frame) => frame.startsWith('{'))
      .map((frame) => JSON.parse(frame) as LiveChangedEvent)
      .filter((event) => event.type === LIVE_CHANGED)
      .map((event) => event.live);
    const found = states.reverse().find(check);
    if (!found) throw new Error('no such live state yet');
    return found;
  });
}

/** Several instances against one Postgres: instances cannot share embedded PGlite. */
describe.skipIf(!process.env.TEST_DATABASE_URL)('live sessions on two instances', () => {
  let database: TestDatabase;
  let redis: RedisServer;
  const instances: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = await RedisServer.start();
    const env = {
      PORT: '0',
      DATABASE_URL: database.url!,
      REDIS_URL: redis.url,
      BOOTSTRAP_ADMIN_EMAIL: PROCESS_ORGANISER.email,
      BOOTSTRAP_ADMIN_PASSWORD: PROCESS_ORGANISER.password,
      PASSWORD_HASH_MEMORY_KIB: '1024',
    };
    // The first applies the migrations; the second starts once they are there.
    instances.push(new ServerProcess(env));
    await instances[0]!.start();
    instances.push(new ServerProcess(env));
    await instances[1]!.start();
  });
  afterAll(async () => {
    for (const instance of instances) if (instance.isRunning) await instance.stop();
    await redis.kill();
    await database.drop();
  });

  it('shows a member on one instance what the facilitator does on the other, and the hand the other way', async () => {
    const [a, b] = instances.map((instance) => instance.url) as [string, string];
    const world = await liveWorld(a);
    const facilitator = await listen(a, world, 'organiser');
    const member = await listen(b, world, 'reviewer');
    const there = on(b, world);

    const started = await world.organiser.post(`${world.base}/live/start`, { sessionId: world.sessionId });
    expect(started.status).toBe(200);
    await sees(member, (state) => state.session?.sessionId === world.sessionId);

    const focus = { kind: 'question', id: world.questionIds[1] };
    expect((await world.organiser.put(`${world.base}/live/focus`, { focus })).status).toBe(200);
    await sees(member, (state) => state.session?.focus?.id === world.questionIds[1]);

    const extended = await world.organiser.post(`${world.base}/live/extend`, { minutes: 5 });
    const endsAt = extended.body.session.endsAt as string;
    expect(Date.parse(endsAt) - Date.parse(started.body.session.endsAt)).toBe(5 * 60_000);
    await sees(member, (state) => state.session?.endsAt === endsAt);

    // The reviewer's hand, raised through the other instance, reaches the facilitator labelled.
    const raised = await there.reviewer.put(`${world.base}/live/hand`, {});
    expect(raised.status).toBe(200);
    const queued = await sees(facilitator, (state) => state.hands.count === 1);
    expect(queued.hands.queue).toEqual([
      expect.objectContaining({
        by: expect.objectContaining({ name: world.reviewerName, label: expect.stringMatching(/^Civil/) }),
        questionId: world.questionIds[1],
      }),
    ]);
    const seenByMember = await sees(member, (state) => state.hands.count === 1);
    expect(seenByMember.hands).toMatchObject({ yours: { position: 1 }, queue: null });

    expect((await world.organiser.post(`${world.base}/live/end`)).status).toBe(200);
    await sees(member, (state) => state.session === null);
    expect((await there.reviewer.get(`${world.base}/live`)).body.session).toBeNull();
    facilitator.close();
    member.close();
  });
});

describe.each(BACKENDS)('live sessions across a restart on %s', (backend) => {
  let env: Record<string, string>;
  let dispose: () => Promise<void>;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    ({ env, dispose } = await processEnvironment(backend));
  });
  afterAll(async () => {
    if (server?.isRunning) await server.stop();
    await dispose();
  });

  it('keeps the item running after the server is killed, with its focus, hands and time left', async () => {
    server = new ServerProcess(env);
    const world = await liveWorld(await server.start());
    const started = await world.organiser.post(`${world.base}/live/start`, { sessionId: world.sessionId });
    // Started within its slot: the run ends when the agenda says.
    const agenda = (await world.organiser.get(world.base)).body.sessions[0];
    expect(started.body.session.endsAt).toBe(agenda.endsAt);
    await world.organiser.put(`${world.base}/live/focus`, {
      focus: { kind: 'question', id: world.questionIds[1] },
    });
    const raised = (await world.reviewer.put(`${world.base}/live/hand`, {})).body as LiveState;
    const before = (await world.organiser.get(`${world.base}/live`)).body as LiveState;
    // A crash: no shutdown hooks run.
    await server.kill();

    server = new ServerProcess(env);
    const back = on(await server.start(), world);
    const after = (await back.organiser.get(`${world.base}/live`)).body as LiveState;
    expect(after.revision).toBe(before.revision);
    expect(after.session).toEqual(before.session);
    expect(after.hands.queue?.map((hand) => hand.id)).toEqual([raised.hands.yours!.id]);
    // The time left is the same end read against the server's clock now: less than before, not out.
    const leftBefore = timeLeftMs(before.session!.endsAt, Date.parse(before.serverTime));
    const leftAfter = timeLeftMs(after.session!.endsAt, Date.parse(after.serverTime));
    expect(leftAfter).toBeGreaterThan(0);
    expect(leftAfter).toBeLessThanOrEqual(leftBefore);
    expect(leftBefore - leftAfter).toBe(Date.parse(after.serverTime) - Date.parse(before.serverTime));

    // The restarted server carries on: a change reaches a member's open page.
    const member = await listen(server.url, back, 'reviewer');
    const extended = await back.organiser.post(`${world.base}/live/extend`, { minutes: 10 });
    expect(extended.status).toBe(200);
    await sees(member, (state) => state.session?.endsAt === extended.body.session.endsAt);
    member.close();
  });
});
