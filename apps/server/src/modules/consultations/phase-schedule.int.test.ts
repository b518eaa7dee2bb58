import {
  CONSULTATION_CHANGED,
  EVENTS_PATH,
  instantToZoned,
  type Notification,
  type ScheduledChange,
  scheduledChanges,
} from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { eventually, RawClient } from '../../test/ws-clients.js';
import { PhaseSchedule } from './phase-schedule.js';
import { PhaseScheduler } from './phase-scheduler.js';

const ZONE = 'Pacific/Auckland';
const HOUR = 3_600_000;

/** The calendar date `days` days after today in the consultation's zone. */
function dayIn(days: number, timeZone = ZONE): string {
  const date = new Date(`${instantToZoned(new Date(), timeZone).slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const at = (change: ScheduledChange, offsetMs = 0) => new Date(Date.parse(change.at) + offsetMs);

/**
 * The phase schedule of one instance, through the HTTP API: its clock is moved by the test (the
 * instance reads the time only through `PhaseSchedule.now`), and each check waits for a whole
 * poll made after the move.
 */
describe.each(BACKENDS)('scheduled phase changes on %s', (backend) => {
  let testApp: TestApp;
  let admin: TestUser;
  let reviewer: TestUser;
  let clock: Date | undefined;
  let scheduler: PhaseScheduler;

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    vi.spyOn(testApp.app.get(PhaseSchedule), 'now').mockImplementation(() => clock ?? new Date());
    scheduler = testApp.app.get(PhaseScheduler);
    admin = await buildUser(testApp, { isOrganiser: true, name: 'Ada Admin' });
    reviewer = await buildUser(testApp, { name: 'Rita Reviewer' });
  });
  afterAll(() => testApp.close());

  /** Sets the schedule's clock and waits for a poll that started after it moved. */
  async function pollAt(time: Date): Promise<void> {
    clock = time;
    // The first may be a poll already under way with the old time; the second starts after it.
    await scheduler.poll();
    await scheduler.poll();
  }

  async function consultation(body: Record<string, unknown>): Promise<{ id: string; base: string }> {
    const created = await admin.api.post('/api/consultations', {
      title: 'Scheduled',
      timezone: ZONE,
      ...body,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await addMember(testApp, id, reviewer, 'reviewer', created.body.groups[0].id);
    return { id, base: `/api/consultations/${id}` };
  }

  const detail = async (base: string) => (await admin.api.get(base)).body;
  const notices = async (base: string, user = reviewer) =>
    (await user.api.get(`${base}/notifications`)).body as Notification[];
  const phaseEntries = async (base: string) =>
    (await admin.api.get(`${base}/audit?action=phase.changed`)).body as Array<{
      actor: { userId: string | null; name: string; role: string | null };
      after: Record<string, unknown>;
    }>;
  const postThread = (base: string) =>
    reviewer.api.post(`${base}/threads`, { questionId: null, body: 'Input' });

  it('opens a draft at the start of opensOn and closes it at the end of closesOn, telling members a day before and at the change, once each', async () => {
    const dates = { opensOn: dayIn(2), closesOn: dayIn(3), timezone: ZONE };
    const [opening, closing] = scheduledChanges(dates) as [ScheduledChange, ScheduledChange];
    const { id, base } = await consultation(dates);
    expect((await detail(base)).scheduledChange).toEqual(opening);

    await pollAt(at(opening, -25 * HOUR));
    expect(await notices(base)).toEqual([]);
    await pollAt(at(opening, -23 * HOUR));
    await pollAt(at(opening, -22 * HOUR));
    const told = { kind: 'phaseChangeDue', actor: null, phase: 'open', dueAt: opening.at, threadId: null };
    expect(await notices(base)).toEqual([expect.objectContaining(told)]);
    expect(await notices(base, admin)).toEqual([expect.objectContaining(told)]);
    expect((await detail(base)).phase).toBe('draft');
    expect((await postThread(base)).status).toBe(409);

    await pollAt(at(opening));
    expect(await detail(base)).toMatchObject({ phase: 'open', scheduledChange: closing });
    expect((await postThread(base)).status).toBe(201);
    expect(await phaseEntries(base)).toEqual([
      expect.objectContaining({
        actor: { userId: null, name: 'Consultation schedule', role: null },
        before: { phase: 'draft' },
        after: { phase: 'open', dueAt: opening.at },
      }),
    ]);

    const watcher = new RawClient(testApp.url, `${EVENTS_PATH}/${id}`, { token: reviewer.token });
    await watcher.opened;
    watcher.send('ping');
    // A pong proves admission is complete.
    await eventually(() => expect(watcher.messages).toHaveLength(1));
    watcher.messages.length = 0;
    await pollAt(at(closing, -HOUR));
    await pollAt(at(closing));
    expect(await detail(base)).toMatchObject({ phase: 'closed', scheduledChange: null });
    // Open pages hear of it at once and read the consultation again.
    await eventually(() =>
      expect(watcher.messages.map((frame) => JSON.parse(new TextDecoder().decode(frame)))).toContainEqual({
        type: CONSULTATION_CHANGED,
        consultationId: id,
      }),
    );
    watcher.close();
    const refused = await postThread(base);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PHASE_FORBIDS');

    await pollAt(at(closing, 2 * HOUR));
    expect((await notices(base)).map((n) => [n.kind, n.phase, n.dueAt, n.actor])).toEqual([
      ['phaseChanged', 'closed', closing.at, null],
      ['phaseChangeDue', 'closed', closing.at, null],
      ['phaseChanged', 'open', opening.at, null],
      ['phaseChangeDue', 'open', opening.at, null],
    ]);
    expect((await notices(base, admin)).map((n) => n.kind)).toHaveLength(4);
    expect((await phaseEntries(base)).map((entry) => entry.after.phase)).toEqual(['closed', 'open']);
  });

  it('never undoes a phase an admin set by hand', async () => {
    const dates = { opensOn: null, closesOn: dayIn(1), timezone: ZONE };
    const [closing] = scheduledChanges(dates) as [ScheduledChange];
    clock = undefined;
    const { base } = await consultation(dates);
    expect((await admin.api.post(`${base}/phase`, { phase: 'open' })).status).toBe(200);
    expect((await detail(base)).scheduledChange).toEqual(closing);
    // Told of the change by hand, by the admin as the attribution mode shows them.
    expect((await notices(base))[0]).toMatchObject({ kind: 'phaseChanged', phase: 'open', dueAt: null });
    expect((await notices(base))[0]!.actor).not.toBeNull();
    expect(await notices(base, admin)).toEqual([]);

    // Closed early by hand: the scheduled close finds nothing to do, and tells no one.
    expect((await admin.api.post(`${base}/phase`, { phase: 'closed' })).status).toBe(200);
    expect((await detail(base)).scheduledChange).toBeNull();
    await pollAt(at(closing, -HOUR));
    await pollAt(at(closing, HOUR));
    // Reopened after its time: it stays open.
    expect((await admin.api.post(`${base}/phase`, { phase: 'open' })).status).toBe(200);
    await pollAt(at(closing, 2 * HOUR));
    expect(await detail(base)).toMatchObject({ phase: 'open', scheduledChange: null });
    expect((await phaseEntries(base)).map((entry) => [entry.actor.name, entry.after.phase])).toEqual([
      ['Ada Admin', 'open'],
      ['Ada Admin', 'closed'],
      ['Ada Admin', 'open'],
    ]);
    expect((await notices(base)).map((n) => n.kind)).toEqual([
      'phaseChanged',
      'phaseChanged',
      'phaseChanged',
    ]);
  });

  it('schedules nothing for a date already past, and again for a new date or zone', async () => {
    clock = undefined;
    const { base } = await consultation({});
    await admin.api.post(`${base}/phase`, { phase: 'open' });
    expect((await admin.api.patch(base, { closesOn: dayIn(-1) })).body.scheduledChange).toBeNull();
    await pollAt(new Date());
    expect((await detail(base)).phase).toBe('open');

    const later = { opensOn: null, closesOn: dayIn(5), timezone: ZONE };
    const closing = scheduledChanges(later)[0];
    expect((await admin.api.patch(base, { closesOn: later.closesOn })).body.scheduledChange).toEqual(closing);
    expect((await admin.api.patch(base, { title: 'Renamed' })).body.scheduledChange).toEqual(closing);
    const inNewYork = scheduledChanges({ ...later, timezone: 'America/New_York' })[0];
    expect((await admin.api.patch(base, { timezone: 'America/New_York' })).body.scheduledChange).toEqual(
      inNewYork,
    );
    expect((await admin.api.patch(base, { closesOn: null })).body.scheduledChange).toBeNull();
    expect((await phaseEntries(base)).map((entry) => entry.actor.name)).toEqual(['Ada Admin']);
  });
});
