import {
  type AuditEntry,
  CONSULTATION_CHANGED,
  EVENTS_PATH,
  extendedEnd,
  LIVE_CHANGED,
  type LiveChangedEvent,
  type LiveState,
} from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { buildThreadWorld, type ThreadWorld } from '../../test/thread-fixtures.js';
import { eventually, RawClient } from '../../test/ws-clients.js';

/** A live-events listener: records the `live.changed` frames it hears, as text and parsed. */
class LiveListener {
  readonly client: RawClient;

  constructor(testApp: TestApp, consultationId: string, user: TestUser) {
    this.client = new RawClient(testApp.url, `${EVENTS_PATH}/${consultationId}`, { token: user.token });
  }

  /** Resolves once admitted: pings are answered only then. */
  async ready(): Promise<this> {
    await this.client.opened;
    this.client.send('ping');
    await eventually(() => expect(this.frames()).toContain('pong'));
    return this;
  }

  frames(): string[] {
    return this.client.messages.map((message) => new TextDecoder().decode(message));
  }

  states(): LiveState[] {
    return this.frames()
      .filter((frame) => frame.startsWith('{'))
      .map((frame) => JSON.parse(frame) as LiveChangedEvent)
      .filter((event) => event.type === LIVE_CHANGED)
      .map((event) => event.live);
  }

  /** Waits for a state that passes `check`, the newest first. */
  async sees(check: (state: LiveState) => boolean): Promise<LiveState> {
    return eventually(() => {
      const found = this.states().reverse().find(check);
      if (!found) throw new Error(`no such live state yet: ${JSON.stringify(this.states().at(-1))}`);
      return found;
    });
  }
}

describe.each(BACKENDS)('live sessions on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;
  let live: string;
  let review: { id: string; title: string };
  let opening: { id: string };
  let secondQuestion: string;
  let otherSection: string;

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    world = await buildThreadWorld(testApp);
    live = `${world.base}/live`;
    const times = { startsAt: '2025-03-10T16:15', endsAt: '2025-03-10T16:45' };
    review = (
      await world.editor.api.post(`${world.base}/sessions`, {
        title: 'The smart mix',
        ...times,
        sectionIds: [world.sectionId],
      })
    ).body;
    opening = (
      await world.editor.api.post(`${world.base}/sessions`, {
        kind: 'programme',
        title: 'Opening remarks',
        speakers: ['Chair'],
        startsAt: '2025-03-10T16:00',
        endsAt: '2025-03-10T16:10',
      })
    ).body;
    await world.editor.api.put(`${world.base}/questions/${world.questionId}`, {
      text: 'What should States require of companies?',
      sectionIds: [world.sectionId],
      sessionId: review.id,
    });
    secondQuestion = (
      await world.editor.api.post(`${world.base}/questions`, {
        text: 'Which examples should we name?',
        sessionId: review.id,
      })
    ).body.id;
    otherSection = (await world.editor.api.post(`${world.base}/sections`, { title: 'Elsewhere' })).body.id;
  });
  afterAll(() => testApp.close());

  it('shows every open page the item started, the focus moved, the time extended and the end', async () => {
    const reviewer = await new LiveListener(testApp, world.consultation.id, world.reviewer).ready();
    const observer = await new LiveListener(testApp, world.consultation.id, world.observer).ready();

    const before = (await world.observer.api.get(live)).body as LiveState;
    expect(before).toMatchObject({ session: null, hands: { count: 0, yours: null, queue: null } });

    const started = await world.editor.api.post(`${live}/start`, { sessionId: review.id });
    expect(started.status).toBe(200);
    expect(started.body.session).toMatchObject({
      sessionId: review.id,
      focus: { kind: 'question', id: world.questionId },
    });
    // The agenda's day has passed: the run gets the item's thirty minutes from its start.
    const { startedAt, endsAt: plannedEnd } = started.body.session;
    expect(Date.parse(plannedEnd) - Date.parse(startedAt)).toBe(30 * 60_000);
    expect(started.body.revision).toBeGreaterThan(before.revision);
    for (const listener of [reviewer, observer])
      await listener.sees((state) => state.session?.sessionId === review.id);

    const focused = await world.editor.api.put(`${live}/focus`, {
      focus: { kind: 'question', id: secondQuestion },
    });
    expect(focused.status).toBe(200);
    expect(focused.body.session.focus).toEqual({ kind: 'question', id: secondQuestion });
    for (const listener of [reviewer, observer])
      await listener.sees((state) => state.session?.focus?.id === secondQuestion);

    const onSection = await world.editor.api.put(`${live}/focus`, {
      focus: { kind: 'section', id: world.sectionId },
    });
    expect(onSection.body.session.focus).toEqual({ kind: 'section', id: world.sectionId });

    const endsAt = onSection.body.session.endsAt as string;
    const extended = await world.editor.api.post(`${live}/extend`, { minutes: 5 });
    expect(extended.status).toBe(200);
    const serverTime = Date.parse(extended.body.serverTime);
    // Five minutes on the end, or on the server's clock when the run had already gone over.
    expect(Date.parse(extended.body.session.endsAt)).toBeGreaterThanOrEqual(
      Date.parse(extendedEnd(endsAt, 5, 0)),
    );
    expect(Date.parse(extended.body.session.endsAt)).toBeGreaterThanOrEqual(serverTime + 4 * 60_000);
    await reviewer.sees((state) => state.session?.endsAt === extended.body.session.endsAt);

    const ended = await world.editor.api.post(`${live}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.session).toBeNull();
    for (const listener of [reviewer, observer]) await listener.sees((state) => state.session === null);
    const revisions = reviewer.states().map((state) => state.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    reviewer.client.close();
    observer.client.close();
  });

  it('runs a programme item without questions, and one item at a time', async () => {
    const started = await world.admin.api.post(`${live}/start`, { sessionId: opening.id });
    expect(started.status).toBe(200);
    expect(started.body.session).toMatchObject({ sessionId: opening.id, focus: null });
    const focus = await world.admin.api.put(`${live}/focus`, {
      focus: { kind: 'question', id: world.questionId },
    });
    expect(focus.status).toBe(400);
    expect(focus.body.issues[0].path).toBe('body.focus.id');
    const second = await world.editor.api.post(`${live}/start`, { sessionId: review.id });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('LIVE_SESSION_RUNNING');
    expect((await world.reviewer.api.get(live)).body.session.sessionId).toBe(opening.id);
    expect((await world.admin.api.post(`${live}/end`)).status).toBe(200);
    const again = await world.admin.api.post(`${live}/end`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('NO_LIVE_SESSION');
  });

  it('ends the run when its agenda item is deleted and drops a deleted question from the focus, telling open pages', async () => {
    const listener = await new LiveListener(testApp, world.consultation.id, world.reviewer).ready();
    const changes = () =>
      listener.frames().filter((frame) => frame.includes(`"type":"${CONSULTATION_CHANGED}"`)).length;
    const item = (
      await world.editor.api.post(`${world.base}/sessions`, {
        title: 'Soon off the agenda',
        startsAt: '2025-03-10T17:00',
        endsAt: '2025-03-10T17:30',
      })
    ).body as { id: string };
    const question = (
      await world.editor.api.post(`${world.base}/questions`, { text: 'Soon withdrawn?', sessionId: item.id })
    ).body.id as string;
    const started = await world.editor.api.post(`${live}/start`, { sessionId: item.id });
    expect(started.body.session.focus).toEqual({ kind: 'question', id: question });

    const heard = changes();
    expect((await world.editor.api.delete(`${world.base}/questions/${question}`)).status).toBe(204);
    await eventually(() => expect(changes()).toBeGreaterThan(heard));
    const unfocused = (await world.reviewer.api.get(live)).body as LiveState;
    expect(unfocused.session).toMatchObject({ sessionId: item.id, focus: null });
    expect(unfocused.revision).toBeGreaterThan(started.body.revision);

    const heardAgain = changes();
    expect((await world.editor.api.delete(`${world.base}/sessions/${item.id}`)).status).toBe(204);
    await eventually(() => expect(changes()).toBeGreaterThan(heardAgain));
    const over = (await world.reviewer.api.get(live)).body as LiveState;
    expect(over.session).toBeNull();
    expect(over.revision).toBeGreaterThan(unfocused.revision);
    const next = await world.editor.api.post(`${live}/start`, { sessionId: opening.id });
    expect(next.status).toBe(200);
    expect((await world.editor.api.post(`${live}/end`)).status).toBe(200);
    listener.client.close();
  });

  it('keeps facilitating to editors and admins: reviewers 403, non-members 404, bad bodies 400', async () => {
    const outsider = await buildUser(testApp);
    const attempts = (user: TestUser) => [
      user.api.post(`${live}/start`, { sessionId: review.id }),
      user.api.put(`${live}/focus`, { focus: null }),
      user.api.post(`${live}/extend`, { minutes: 5 }),
      user.api.post(`${live}/end`),
      user.api.delete(`${live}/hands`),
      user.api.delete(`${live}/hands/${review.id}`),
    ];
    for (const response of await Promise.all(attempts(world.reviewer))) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    }
    for (const response of [
      ...(await Promise.all(attempts(outsider))),
      await outsider.api.get(live),
      await outsider.api.put(`${live}/hand`, {}),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('CONSULTATION_NOT_FOUND');
    }
    const observerHand = await world.observer.api.put(`${live}/hand`, {});
    expect(observerHand.status).toBe(403);

    const bad: Array<[string, string, unknown, string]> = [
      ['POST', 'start', { sessionId: 'x' }, 'body.sessionId'],
      ['POST', 'start', {}, 'body.sessionId'],
      ['POST', 'start', { sessionId: review.id, at: 'now' }, 'body'],
      ['POST', 'start', { sessionId: world.questionId }, 'body.sessionId'],
      ['PUT', 'focus', { focus: { kind: 'paragraph', id: world.sectionId } }, 'body.focus.kind'],
      ['PUT', 'focus', { focus: { kind: 'section' } }, 'body.focus.id'],
      ['PUT', 'focus', {}, 'body.focus'],
      ['POST', 'extend', { minutes: 0 }, 'body.minutes'],
      ['POST', 'extend', { minutes: 121 }, 'body.minutes'],
      ['POST', 'extend', { minutes: '5' }, 'body.minutes'],
      ['POST', 'extend', { minutes: 2.5 }, 'body.minutes'],
      ['DELETE', 'hands/not-a-uuid', undefined, 'params.handId'],
    ];
    for (const [method, path, body, field] of bad) {
      const response = await world.editor.api.request(method, `${live}/${path}`, body);
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.issues.map((issue: { path: string }) => issue.path)).toContain(field);
    }

    // A question or section outside the running item is refused, and nothing changes.
    await world.editor.api.post(`${live}/start`, { sessionId: review.id });
    const before = (await world.editor.api.get(live)).body as LiveState;
    for (const focus of [
      { kind: 'section', id: otherSection },
      { kind: 'question', id: world.sectionId },
    ]) {
      const response = await world.editor.api.put(`${live}/focus`, { focus });
      expect(response.status).toBe(400);
      expect(response.body.issues[0].path).toBe('body.focus.id');
    }
    const unknownHand = await world.editor.api.delete(`${live}/hands/${review.id}`);
    expect(unknownHand.status).toBe(404);
    expect((await world.editor.api.get(live)).body).toMatchObject({
      revision: before.revision,
      session: before.session,
    });
    await world.editor.api.post(`${live}/end`);
    for (const path of ['focus', 'extend']) {
      const response = await world.editor.api.request(
        path === 'focus' ? 'PUT' : 'POST',
        `${live}/${path}`,
        path === 'focus' ? { focus: null } : { minutes: 5 },
      );
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('NO_LIVE_SESSION');
    }
    expect((await world.reviewer.api.put(`${live}/hand`, {})).body.code).toBe('NO_LIVE_SESSION');
  });

  it('describes its routes in the OpenAPI document', async () => {
    const paths = (await world.reviewer.api.get('/api/docs-json')).body.paths;
    const live = '/api/consultations/{consultationId}/live';
    expect(Object.keys(paths[live])).toEqual(['get']);
    expect(paths[`${live}/start`].post.requestBody).toBeDefined();
    expect(paths[`${live}/focus`].put.requestBody).toBeDefined();
    expect(paths[`${live}/extend`].post.requestBody).toBeDefined();
    expect(Object.keys(paths[`${live}/hand`]).sort()).toEqual(['delete', 'put']);
    expect(paths[`${live}/hands/{handId}`].delete).toBeDefined();
  });

  it('records every facilitator action in the audit log, by name and without who raised a hand', async () => {
    await world.editor.api.post(`${live}/start`, { sessionId: review.id });
    await world.editor.api.put(`${live}/focus`, { focus: { kind: 'question', id: secondQuestion } });
    await world.editor.api.post(`${live}/extend`, { minutes: 10 });
    const hand = (await world.reviewer.api.put(`${live}/hand`, {})).body as LiveState;
    await world.editor.api.delete(`${live}/hands/${hand.hands.yours!.id}`);
    await world.otherReviewer.api.put(`${live}/hand`, {});
    await world.editor.api.delete(`${live}/hands`);
    await world.editor.api.post(`${live}/end`);
    const entries = (await world.admin.api.get(`${world.base}/audit`)).body as AuditEntry[];
    // Newest first: this run's six entries.
    const ours = entries.filter((entry) => entry.action.startsWith('live.')).slice(0, 6);
    expect(ours.map((entry) => entry.action).reverse()).toEqual([
      'live.started',
      'live.focused',
      'live.extended',
      'live.handLowered',
      'live.handsCleared',
      'live.ended',
    ]);
    for (const entry of ours) {
      expect(entry.actor.name).toBe(world.editor.name);
      expect(entry.target).toEqual({ type: 'agendaSession', id: review.id, label: 'The smart mix' });
    }
    expect(ours.find((entry) => entry.action === 'live.focused')).toMatchObject({
      before: { focus: 'Question 1' },
      after: { focus: 'Question 2' },
    });
    const record = JSON.stringify(ours);
    for (const person of [world.reviewer, world.otherReviewer]) {
      expect(record).not.toContain(person.name);
      expect(record).not.toContain(person.id);
    }
  });
});

describe.each(BACKENDS)('raised hands on %s', (backend) => {
  let testApp: TestApp;
  let world: ThreadWorld;
  let live: string;
  /** Everything members not entitled to the raiser's name received. */
  const unnamed: string[] = [];

  const get = async (user: TestUser) => {
    const response = await user.api.get(live);
    expect(response.status).toBe(200);
    return response.body as LiveState;
  };

  beforeAll(async () => {
    testApp = await startTestApp(backend);
    world = await buildThreadWorld(testApp, { attributionMode: 'chatham' });
    live = `${world.base}/live`;
    const session = (
      await world.editor.api.post(`${world.base}/sessions`, {
        title: 'The smart mix',
        startsAt: '2026-03-10T16:15',
        endsAt: '2026-03-10T16:45',
      })
    ).body;
    await world.editor.api.put(`${world.base}/questions/${world.questionId}`, {
      text: 'What should States require of companies?',
      sessionId: session.id,
    });
    expect((await world.editor.api.post(`${live}/start`, { sessionId: session.id })).status).toBe(200);
  });
  afterAll(() => testApp.close());

  it('shows the facilitators the queue with names where Chatham House allows, everyone else only counts', async () => {
    const facilitator = await new LiveListener(testApp, world.consultation.id, world.editor).ready();
    const peer = await new LiveListener(testApp, world.consultation.id, world.otherReviewer).ready();
    const observer = await new LiveListener(testApp, world.consultation.id, world.observer).ready();

    const raised = await world.reviewer.api.put(`${live}/hand`, {});
    expect(raised.status).toBe(200);
    expect(raised.body.hands).toMatchObject({ count: 1, yours: { position: 1 }, queue: null });
    const again = await world.reviewer.api.put(`${live}/hand`, {});
    expect(again.body.revision).toBe(raised.body.revision);

    for (const organiser of [world.editor, world.admin]) {
      const { hands } = await get(organiser);
      expect(hands.count).toBe(1);
      expect(hands.queue).toEqual([
        {
          id: raised.body.hands.yours.id,
          by: {
            label: 'Civil society organisation reviewer',
            scope: 'group',
            group: {
              id: world.consultation.groups['Civil society organisation'],
              name: 'Civil society organisation',
            },
            isYou: false,
            name: world.reviewer.name,
            timePrecision: 'exact',
          },
          questionId: world.questionId,
        },
      ]);
    }
    await facilitator.sees((state) => state.hands.queue?.[0]?.by.name === world.reviewer.name);
    for (const member of [world.otherReviewer, world.observer]) {
      const state = await get(member);
      expect(state.hands).toEqual({ count: 1, yours: null, queue: null });
      unnamed.push(JSON.stringify(state));
    }
    for (const listener of [peer, observer]) {
      await listener.sees((state) => state.hands.count === 1);
      unnamed.push(...listener.frames());
    }

    const second = await world.otherReviewer.api.put(`${live}/hand`, {});
    expect(second.body.hands).toMatchObject({ count: 2, yours: { position: 2 } });
    const acknowledged = await world.editor.api.delete(`${live}/hands/${raised.body.hands.yours.id}`);
    expect(acknowledged.body.hands.queue.map((hand: { by: { name?: string } }) => hand.by.name)).toEqual([
      world.otherReviewer.name,
    ]);
    expect((await get(world.otherReviewer)).hands.yours).toMatchObject({ position: 1 });
    expect((await world.otherReviewer.api.delete(`${live}/hand`)).body.hands.count).toBe(0);
    for (const listener of [facilitator, peer, observer]) listener.client.close();
    unnamed.push(...peer.frames(), ...observer.frames());
  });

  it('labels hands for facilitators by the k-anonymous group label where names are hidden, and keeps it so', async () => {
    expect((await world.admin.api.patch(world.base, { attributionMode: 'anonymous' })).status).toBe(200);
    const facilitator = await new LiveListener(testApp, world.consultation.id, world.editor).ready();
    const raised = (await world.reviewer.api.put(`${live}/hand`, {})).body as LiveState;
    // Five members, each alone in a group: named by none, pooled together.
    const pooled = {
      id: raised.hands.yours!.id,
      by: { label: 'Other stakeholders', scope: 'pool', group: null, isYou: false, timePrecision: 'hour' },
      questionId: world.questionId,
    };
    expect((await get(world.editor)).hands.queue).toEqual([pooled]);
    expect((await get(world.admin)).hands.queue).toEqual([pooled]);
    await facilitator.sees((state) => state.hands.count === 1);

    // A more open mode later does not name the hand raised before it; one raised after, it does.
    const opened = await world.admin.api.patch(world.base, {
      attributionMode: 'named',
      confirmOpening: true,
    });
    expect(opened.status).toBe(200);
    await world.otherReviewer.api.put(`${live}/hand`, {});
    const queue = (await get(world.editor)).hands.queue!;
    expect(queue.map((hand) => hand.by.name ?? null)).toEqual([null, world.otherReviewer.name]);
    unnamed.push(JSON.stringify(queue[0]), ...facilitator.frames());
    facilitator.client.close();
  });

  it('never sends the raiser’s id or email to anyone, nor their name where it is hidden', async () => {
    const everything = [
      ...unnamed,
      JSON.stringify(await get(world.editor)),
      JSON.stringify(await get(world.observer)),
    ];
    expect(unnamed.length).toBeGreaterThan(5);
    for (const payload of everything) {
      expect(payload).not.toContain(world.reviewer.id);
      expect(payload).not.toContain(world.reviewer.email);
      expect(payload).not.toContain(world.otherReviewer.id);
      expect(payload).not.toContain(world.otherReviewer.email);
    }
    for (const payload of unnamed) expect(payload).not.toContain(world.reviewer.name);
  });
});
