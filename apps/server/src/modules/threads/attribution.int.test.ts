import { ATTRIBUTION_MODES, EVENTS_PATH, type AttributionMode } from '@cw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { BACKENDS } from '../../test/test-database.js';
import { anchorFor, buildThreadWorld, type ThreadWorld } from '../../test/thread-fixtures.js';
import { eventually, RawClient } from '../../test/ws-clients.js';

type ViewerName = 'observer' | 'reviewer' | 'otherReviewer' | 'editor' | 'admin';
const VIEWERS: ViewerName[] = ['observer', 'reviewer', 'otherReviewer', 'editor', 'admin'];

const text = (frame: Uint8Array) => new TextDecoder().decode(frame);

/** Whether SPEC §3 lets this viewer see names in this mode. */
function isEntitled(mode: AttributionMode, viewer: ViewerName): boolean {
  if (mode === 'named') return true;
  return mode === 'chatham' && (viewer === 'editor' || viewer === 'admin');
}

/**
 * The raw-JSON attribution matrix: for every mode and viewer role, every endpoint's answer and
 * every live event is searched for other people's names, emails and user ids.
 */
describe.each(BACKENDS)('attribution in threads on %s', (backend) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp(backend, { COMMENT_RATE_LIMIT: '1000' });
  });
  afterAll(() => testApp.close());

  describe.each(ATTRIBUTION_MODES)('in %s mode', (mode) => {
    let world: ThreadWorld;
    let users: Record<ViewerName, TestUser>;
    const rest = new Map<ViewerName, string[]>();
    const events = new Map<ViewerName, string[]>();

    beforeAll(async () => {
      world = await buildThreadWorld(testApp, { attributionMode: mode });
      users = {
        observer: world.observer,
        reviewer: world.reviewer,
        otherReviewer: world.otherReviewer,
        editor: world.editor,
        admin: world.admin,
      };
      const sockets = VIEWERS.map((viewer) => {
        const client = new RawClient(testApp.url, `${EVENTS_PATH}/${world.consultation.id}`, {
          token: users[viewer].token,
        });
        return { viewer, client };
      });
      await Promise.all(sockets.map(({ client }) => client.opened));
      for (const viewer of VIEWERS) rest.set(viewer, []);
      const record = (viewer: ViewerName, body: unknown) => rest.get(viewer)!.push(JSON.stringify(body));

      // Input from a reviewer (anchored), a reviewer of another group, an editor and an admin.
      const anchor = await anchorFor(testApp, world, 0, 6);
      const opened = await world.reviewer.api.post(`${world.base}/threads`, {
        questionId: world.questionId,
        anchor,
        body: 'Opening remark',
      });
      record('reviewer', opened.body);
      const threadId = opened.body.id as string;
      const reply = await world.otherReviewer.api.post(`${world.base}/threads/${threadId}/comments`, {
        body: 'A reply',
      });
      record('otherReviewer', reply.body);
      const replyId = reply.body.comments[1].id as string;
      record(
        'editor',
        (await world.editor.api.put(`${world.base}/comments/${replyId}/endorsement`, {})).body,
      );
      record(
        'reviewer',
        (await world.reviewer.api.put(`${world.base}/comments/${replyId}/endorsement`, {})).body,
      );
      const adminThread = await world.admin.api.post(`${world.base}/threads`, {
        questionId: null,
        body: 'Admin note',
      });
      record('admin', adminThread.body);
      const resolved = await world.editor.api.post(`${world.base}/threads/${threadId}/resolve`, {
        outcome: 'accepted',
        note: 'Taken on board',
      });
      record('editor', resolved.body);
      // Error answers must not name anyone either.
      record(
        'editor',
        (await world.editor.api.patch(`${world.base}/comments/${replyId}`, { body: 'x' })).body,
      );
      record(
        'otherReviewer',
        (await world.otherReviewer.api.put(`${world.base}/comments/${replyId}/endorsement`, {})).body,
      );

      for (const viewer of VIEWERS) {
        const api = users[viewer].api;
        record(viewer, (await api.get(`${world.base}/threads`)).body);
        record(viewer, (await api.get(`${world.base}/threads/${threadId}`)).body);
        record(viewer, (await api.get(`${world.base}/questions/summary`)).body);
      }
      // Deliveries run one after another, each reading rights again: slow when the suite runs in parallel.
      await eventually(() => {
        for (const { client } of sockets) expect(client.messages.length).toBeGreaterThanOrEqual(6);
      }, 15_000);
      for (const { viewer, client } of sockets) {
        events.set(viewer, client.messages.map(text));
        client.close();
      }
    });

    it.each(VIEWERS)('shows %s no name, email or user id it may not see', (viewer) => {
      const payloads = [...rest.get(viewer)!, ...events.get(viewer)!];
      expect(payloads.length).toBeGreaterThan(5);
      for (const payload of payloads) {
        for (const other of VIEWERS) {
          const person = users[other];
          expect(payload).not.toContain(person.id);
          expect(payload).not.toContain(person.email);
          if (!isEntitled(mode, viewer)) expect(payload).not.toContain(person.name);
        }
      }
      const all = payloads.join('\n');
      if (isEntitled(mode, viewer)) {
        expect(all).toContain(users.reviewer.name);
        expect(all).toContain(users.editor.name);
      }
    });

    it.each(VIEWERS)(
      'marks %s’s own input as theirs and coarsens others’ times when not entitled',
      (viewer) => {
        const threads = JSON.parse(rest.get(viewer)!.at(-3)!) as Array<{
          comments: Array<{ author: { isYou: boolean; label: string }; createdAt: string }>;
          createdAt: string;
        }>;
        const comments = threads.flatMap((thread) => thread.comments);
        const mine = comments.filter((comment) => comment.author.isYou);
        const expectedOwn = { observer: 0, reviewer: 1, otherReviewer: 1, editor: 0, admin: 1 }[viewer];
        expect(mine).toHaveLength(expectedOwn);
        for (const comment of comments.filter((c) => !c.author.isYou)) {
          if (isEntitled(mode, viewer)) continue;
          expect(comment.createdAt).toMatch(/T\d{2}:00:00\.000Z$/);
        }
        const labels = comments.filter((c) => !c.author.isYou).map((comment) => comment.author.label);
        // Every group has one member: without names, each is pooled and none is named.
        if (isEntitled(mode, viewer)) for (const label of labels) expect(label).toMatch(/ (reviewer|admin)$/);
        else expect(new Set(labels)).toEqual(new Set(['Other stakeholders']));
      },
    );

    it.each(VIEWERS)('delivers every change live to %s, as whole threads presented for them', (viewer) => {
      const frames = events
        .get(viewer)!
        .map((frame) => JSON.parse(frame) as { type: string; thread: { id: string } });
      expect(frames.map((frame) => frame.type)).toEqual([
        'thread.created',
        'comment.created',
        'endorsement.changed',
        'endorsement.changed',
        'thread.created',
        'thread.resolved',
      ]);
      const endorsed = frames[3] as unknown as { thread: { comments: Array<{ isEndorsedByYou: boolean }> } };
      expect(endorsed.thread.comments[1]!.isEndorsedByYou).toBe(viewer === 'editor' || viewer === 'reviewer');
    });
  });
});
