import { instantToZoned, type Notification } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../test/http-client.js';
import { RedisServer } from '../../test/redis-server.js';
import { PROCESS_ORGANISER, processEnvironment, ServerProcess } from '../../test/server-process.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { eventually } from '../../test/ws-clients.js';

const ZONE = 'Pacific/Auckland';
const METRICS_TOKEN = 'scheduled-phases-metrics';
/** Polls every 50 ms, with metrics to tell when each instance has polled. */
const SCHEDULE = { PHASE_SCHEDULE_POLL_MS: '50', METRICS_TOKEN };
/** Two days on: the end of today in the consultation's zone has passed. */
const LATER = { ...SCHEDULE, PHASE_SCHEDULE_OFFSET_MS: String(2 * 86_400_000) };

/** A counter's value in an instance's Prometheus metrics. */
async function counter(url: string, series: string): Promise<number> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const line = (await response.text()).split('\n').find((text) => text.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const POLLS = 'cw_phase_schedule_polls_total';
const applied = (url: string) => counter(url, 'cw_scheduled_phase_changes_total{outcome="applied"}');

/** Waits until every instance has finished two more polls: the second began after this call. */
async function afterTwoPolls(urls: string[]): Promise<void> {
  const before = await Promise.all(urls.map((url) => counter(url, POLLS)));
  await eventually(async () => {
    const now = await Promise.all(urls.map((url) => counter(url, POLLS)));
    now.forEach((count, i) => expect(count).toBeGreaterThanOrEqual(before[i]! + 2));
  });
}

interface World {
  base: string;
  organiser: ApiClient;
  reviewer: ApiClient;
}

/**
 * An open consultation whose input closes at the end of today (in its zone), with a reviewer
 * who joined from an invitation: all through the API of the instance at `url`.
 */
async function openUntilTonight(url: string): Promise<World> {
  const anonymous = new ApiClient(url);
  const organiser = anonymous.withToken(
    (await anonymous.post('/api/auth/login', PROCESS_ORGANISER)).body.token,
  );
  const created = await organiser.post('/api/consultations', { title: 'Closing tonight', timezone: ZONE });
  const base = `/api/consultations/${created.body.id}`;
  const invitation = await organiser.post(`${base}/invitations`, {
    role: 'reviewer',
    groupId: created.body.groups[0].id,
  });
  const reviewer = {
    name: 'Rita Reviewer',
    email: `rita.${created.body.id}@example.org`,
    password: 'reviewer password',
  };
  expect((await anonymous.post(`/api/invitations/${invitation.body.token}/signup`, reviewer)).status).toBe(
    202,
  );
  const session = await anonymous.post('/api/auth/login', {
    email: reviewer.email,
    password: reviewer.password,
  });
  expect(session.status).toBe(200);
  expect((await organiser.post(`${base}/phase`, { phase: 'open' })).status).toBe(200);
  const today = instantToZoned(new Date(), ZONE).slice(0, 10);
  const scheduled = await organiser.patch(base, { closesOn: today });
  expect(scheduled.body.scheduledChange).toMatchObject({ phase: 'closed' });
  return { base, organiser, reviewer: anonymous.withToken(session.body.token) };
}

/** On another instance, as a load balancer would send the same members there. */
const on = (url: string, world: World): World => ({
  base: world.base,
  organiser: new ApiClient(url, world.organiser.token),
  reviewer: new ApiClient(url, world.reviewer.token),
});

const notices = async (world: World) =>
  ((await world.reviewer.get(`${world.base}/notifications`)).body as Notification[]).map((n) => [
    n.kind,
    n.phase,
    n.actor === null ? 'schedule' : 'organiser',
  ]);

const phaseChanges = async (world: World) =>
  (
    (await world.organiser.get(`${world.base}/audit?action=phase.changed`)).body as Array<{
      actor: { name: string };
      after: { phase: string };
    }>
  ).map((entry) => [entry.actor.name, entry.after.phase]);

async function expectClosedOnce(world: World): Promise<void> {
  expect((await world.organiser.get(world.base)).body).toMatchObject({
    phase: 'closed',
    scheduledChange: null,
  });
  expect(await phaseChanges(world)).toEqual([
    ['Consultation schedule', 'closed'],
    ['Organiser', 'open'],
  ]);
  expect(await notices(world)).toEqual([
    ['phaseChanged', 'closed', 'schedule'],
    ['phaseChangeDue', 'closed', 'schedule'],
    ['phaseChanged', 'open', 'organiser'],
  ]);
  // Writing after the close is refused as in any closed phase.
  const refused = await world.reviewer.post(`${world.base}/threads`, { questionId: null, body: 'Too late' });
  expect(refused.status).toBe(409);
  expect(refused.body.code).toBe('PHASE_FORBIDS');
}

/** Several instances against one Postgres: instances cannot share embedded PGlite. */
describe.skipIf(!process.env.TEST_DATABASE_URL)('the phase schedule on two instances', () => {
  let database: TestDatabase;
  let redis: RedisServer;
  let env: Record<string, string>;
  const instances: ServerProcess[] = [];

  async function start(extra: Record<string, string>): Promise<string[]> {
    const started = [new ServerProcess({ ...env, ...extra }), new ServerProcess({ ...env, ...extra })];
    instances.push(...started);
    return Promise.all(started.map((instance) => instance.start()));
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = await RedisServer.start();
    env = {
      PORT: '0',
      DATABASE_URL: database.url!,
      REDIS_URL: redis.url,
      BOOTSTRAP_ADMIN_EMAIL: PROCESS_ORGANISER.email,
      BOOTSTRAP_ADMIN_PASSWORD: PROCESS_ORGANISER.password,
      PASSWORD_HASH_MEMORY_KIB: '1024',
    };
    // The first applies the migrations.
    const first = new ServerProcess({ ...env, ...SCHEDULE });
    await first.start();
    await first.stop();
  });
  afterAll(async () => {
    for (const instance of instances) if (instance.isRunning) await instance.stop();
    await redis.kill();
    await database.drop();
  });

  it('tells members once, and closes the round once, however many instances poll', async () => {
    const urls = await start(SCHEDULE);
    const world = await openUntilTonight(urls[0]!);
    // The close is due within a day: one of the instances tells the members, once.
    await eventually(async () => expect(await notices(world)).toHaveLength(2));
    await afterTwoPolls(urls);
    expect(await notices(world)).toEqual([
      ['phaseChangeDue', 'closed', 'schedule'],
      ['phaseChanged', 'open', 'organiser'],
    ]);

    // Both instances are replaced by two whose clocks are past the close, and race for it.
    await Promise.all(instances.map((instance) => instance.stop()));
    const later = await start(LATER);
    const there = on(later[1]!, world);
    await eventually(async () => expect((await there.organiser.get(there.base)).body.phase).toBe('closed'));
    await afterTwoPolls(later);
    expect((await Promise.all(later.map(applied))).reduce((sum, count) => sum + count)).toBe(1);
    await expectClosedOnce(there);
  });
});

describe.each(BACKENDS)('the phase schedule across restarts on %s', (backend) => {
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

  it('makes a change that fell due while the server was down once it is back, and only once', async () => {
    server = new ServerProcess({ ...env, ...SCHEDULE });
    const world = await openUntilTonight(await server.start());
    await eventually(async () => expect(await notices(world)).toHaveLength(2));
    // A crash: no shutdown, nothing flushed.
    await server.kill();

    server = new ServerProcess({ ...env, ...LATER });
    let url = await server.start();
    await eventually(async () =>
      expect((await on(url, world).organiser.get(world.base)).body.phase).toBe('closed'),
    );
    await afterTwoPolls([url]);
    await expectClosedOnce(on(url, world));

    // And once more: what was done stays done.
    await server.stop();
    server = new ServerProcess({ ...env, ...LATER });
    url = await server.start();
    await afterTwoPolls([url]);
    expect(await applied(url)).toBe(0);
    await expectClosedOnce(on(url, world));
  });
});
